import { describe, expect, it } from '@jest/globals';
import { EMPTY_TERMS, termsOfContract, toContractTerms } from './contract-form';

const messages = { dateInvalid: 'datum', priceInvalid: 'bedrag', percentageInvalid: 'percentage' };

describe('the contract forms', () => {
  it('reads the period, the ceiling and leaves the lot price when there is no own price agreement', () => {
    const state = { ...EMPTY_TERMS, status: 'ACTIVE' as const, startDate: '1-1-2027', endDate: '31-12-2028', ceiling: '2.500.000' };
    expect(toContractTerms(state, messages)).toEqual({
      terms: { status: 'ACTIVE', startDate: '2027-01-01', endDate: '2028-12-31', ceilingCents: 250_000_000, priceModel: undefined, reason: '' },
      errors: [],
    });
  });

  it('asks for a reason on an edit, and names unreadable fields', () => {
    const { errors } = toContractTerms({ ...EMPTY_TERMS, startDate: '1-1-2027', endDate: 'eind', ceiling: 'veel' }, { ...messages, reasonRequired: 'reden' });
    expect(errors).toEqual([['endDate', 'datum'], ['ceilingCents', 'bedrag'], ['reason', 'reden']]);
  });

  it('starts an edit from the contract as it is', () => {
    const state = termsOfContract({
      status: 'ACTIVE', startDate: '2025-01-01', endDate: '2026-12-31', ceilingCents: 123_456, hasOwnPriceModel: true,
      priceModel: { kind: 'FIXED_PER_TRAJECTORY', label: 'Vaste prijs', priceCents: 1_000_000, hourlyRateCents: null, pricePerModuleCents: null,
        milestones: [{ name: 'Start', percentage: 100, amountCents: 1_000_000 }] },
    });
    expect(state).toMatchObject({ startDate: '1-1-2025', endDate: '31-12-2026', ceiling: '1234,56', ownPriceModel: true });
    expect(state.priceModel).toEqual({ kind: 'FIXED_PER_TRAJECTORY', price: '10000,00', milestones: [{ name: 'Start', percentage: '100' }] });
  });
});

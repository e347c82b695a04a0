import { describe, expect, it } from '@jest/globals';
import { EMPTY_PRICE_MODEL, milestoneTotal, toPriceModelInput, type PriceModelFormState } from './price-model-form';

const messages = { priceInvalid: 'bedrag', percentageInvalid: 'percentage' };

describe('the price model of a form', () => {
  it('sends a fixed price with its milestones, leaving out empty rows', () => {
    const state: PriceModelFormState = {
      kind: 'FIXED_PER_TRAJECTORY',
      price: '10.000,00',
      milestones: [{ name: 'Start', percentage: '40' }, { name: 'Afronding', percentage: '50' }, { name: '', percentage: '' }],
    };
    expect(toPriceModelInput(state, messages)).toEqual({
      input: { kind: 'FIXED_PER_TRAJECTORY', priceCents: 1_000_000, milestones: [{ name: 'Start', percentage: 40 }, { name: 'Afronding', percentage: 50 }] },
      errors: [],
    });
    expect(milestoneTotal(state.milestones)).toBe(90);
  });

  it('sends an hourly rate without milestones', () => {
    expect(toPriceModelInput({ ...EMPTY_PRICE_MODEL, kind: 'PER_HOUR', price: '65,50' }, messages).input).toEqual({ kind: 'PER_HOUR', hourlyRateCents: 6550 });
  });

  it('names the fields it cannot read', () => {
    const result = toPriceModelInput({ ...EMPTY_PRICE_MODEL, price: 'veel', milestones: [{ name: 'Start', percentage: 'half' }] }, messages, 'priceModel');
    expect(result.errors).toEqual([['priceModel.priceCents', 'bedrag'], ['priceModel.milestones', 'percentage']]);
    expect(result.input).toBeUndefined();
  });
});

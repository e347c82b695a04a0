import { describe, expect, it } from '@jest/globals';
import { EMPTY_LOT, toCreateLotInput, type LotFormState } from './lot-form';

const messages = { dateInvalid: 'datum', wholeNumber: 'getal', priceInvalid: 'bedrag', percentageInvalid: 'percentage', nameRequired: 'naam' };

const filled: LotFormState = {
  ...EMPTY_LOT,
  name: ' KNM-module 2027 ',
  subject: 'KNM',
  periodStart: '1-1-2027',
  periodEnd: '31-12-2028',
  expectedVolumePerYear: '120',
  maxExtensionMonths: '12',
  extensionOptions: '1 x 12 maanden',
  coverage: 'LIST',
  municipalityIds: ['m1', 'm2'],
  priceModel: { kind: 'FIXED_PER_TRAJECTORY', price: '10.000', milestones: [{ name: 'Start', percentage: '50' }, { name: 'Afronding', percentage: '50' }] },
};

describe('the create-lot form', () => {
  it('turns Dutch input into the API input', () => {
    expect(toCreateLotInput(filled, messages)).toEqual({
      input: {
        name: 'KNM-module 2027', subject: 'KNM', periodStart: '2027-01-01', periodEnd: '2028-12-31', expectedVolumePerYear: 120, maxExtensionMonths: 12,
        extensionOptions: '1 x 12 maanden', coverage: 'LIST', subRegionId: null, municipalityIds: ['m1', 'm2'],
        priceModel: { kind: 'FIXED_PER_TRAJECTORY', priceCents: 1_000_000, milestones: [{ name: 'Start', percentage: 50 }, { name: 'Afronding', percentage: 50 }] },
      },
      errors: [],
    });
  });

  it('sends the sub-region only for that coverage, the municipalities only for a list', () => {
    const input = toCreateLotInput({ ...filled, coverage: 'SUB_REGION', subRegionId: 's1' }, messages).input;
    expect([input?.subRegionId, input?.municipalityIds]).toEqual(['s1', []]);
  });

  it('names the fields it cannot read', () => {
    const { errors, input } = toCreateLotInput({ ...filled, periodStart: '31-2-2027', expectedVolumePerYear: 'veel' }, messages);
    expect(input).toBeUndefined();
    expect(errors).toEqual([['periodStart', 'datum'], ['expectedVolumePerYear', 'getal']]);
  });

  it('flags an empty name on the first submit, together with the unreadable fields', () => {
    expect(toCreateLotInput({ ...filled, name: '  ', periodEnd: '' }, messages).errors).toEqual([['name', 'naam'], ['periodEnd', 'datum']]);
  });
});

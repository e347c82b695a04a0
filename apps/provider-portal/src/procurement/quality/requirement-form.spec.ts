import { describe, expect, it } from '@jest/globals';
import { EMPTY_REQUIREMENT, parseDutchDecimal, toAddRequirementInput } from './requirement-form';

const messages = { dateInvalid: 'datum', numberInvalid: 'getal' };

describe('adding a quality requirement', () => {
  it('reads numbers with a decimal comma', () => {
    expect(parseDutchDecimal('80')).toBe(80);
    expect(parseDutchDecimal(' 7,5 ')).toBe(7.5);
    expect(parseDutchDecimal('7.5')).toBeNull();
    expect(parseDutchDecimal('veel')).toBeNull();
  });

  it('sends the numeric norm only for types that have one', () => {
    const state = { ...EMPTY_REQUIREMENT, type: 'MAX_GROUP_SIZE' as const, title: ' Groepen ', norm: 'Hoogstens 16', normValue: '16', period: 'YEARLY' as const, firstDueOn: '1-7-2027' };
    expect(toAddRequirementInput('c1', state, messages).input).toEqual({
      contractId: 'c1', type: 'MAX_GROUP_SIZE', title: 'Groepen', norm: 'Hoogstens 16', normValue: 16, period: 'YEARLY', firstDueOn: '2027-07-01',
    });
    expect(toAddRequirementInput('c1', { ...state, type: 'VOG_ALL_STAFF' }, messages).input?.normValue).toBeNull();
  });

  it('leaves a missing norm value to the API and names what it cannot read', () => {
    const state = { ...EMPTY_REQUIREMENT, type: 'NT2_QUALIFIED_SHARE' as const, firstDueOn: '1-7-2027' };
    expect(toAddRequirementInput('c1', state, messages).input?.normValue).toBeNull();
    expect(toAddRequirementInput('c1', { ...state, normValue: 'tachtig', firstDueOn: 'morgen' }, messages).errors).toEqual([['normValue', 'getal'], ['firstDueOn', 'datum']]);
  });
});

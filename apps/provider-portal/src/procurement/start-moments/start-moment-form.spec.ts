import { describe, expect, it } from '@jest/globals';
import { EMPTY_START_MOMENT, toDeclareStartMomentInput } from './start-moment-form';

const messages = { contractRequired: 'contract', dateInvalid: 'datum', wholeNumber: 'getal', hoursInvalid: 'uren' };

describe('declaring a start moment', () => {
  it('sends lesson days in order and hours per week as minutes', () => {
    const state = { ...EMPTY_START_MOMENT, contractId: 'c1', location: ' Arnhem, Velperweg 1 ', startsOn: '2-3-2027', seats: '12', lessonDays: ['4', '2'], hoursPerWeek: '7,5', daypart: 'EVENING' as const };
    expect(toDeclareStartMomentInput(state, messages).input).toEqual({
      contractId: 'c1', location: 'Arnhem, Velperweg 1', startsOn: '2027-03-02', seats: 12, lessonDays: [2, 4], minutesPerWeek: 450, daypart: 'EVENING',
    });
  });

  it('names what it cannot read', () => {
    expect(toDeclareStartMomentInput({ ...EMPTY_START_MOMENT, seats: 'tien', hoursPerWeek: 'veel' }, messages).errors).toEqual([
      ['contractId', 'contract'], ['startsOn', 'datum'], ['seats', 'getal'], ['minutesPerWeek', 'uren'],
    ]);
  });
});

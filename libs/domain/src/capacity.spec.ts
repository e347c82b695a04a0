import { capacityOverview, checkStartMoment, daypartLabel, seatsFree } from './capacity';

describe('capacity', () => {
  it('never reports negative free seats', () => {
    expect(seatsFree(12, 5)).toBe(7);
    expect(seatsFree(12, 12)).toBe(0);
    expect(seatsFree(10, 12)).toBe(0);
  });

  it('sums rows per subject in the standard order and shows the shortage against waiting clients', () => {
    const overview = capacityOverview([
      { subject: 'Z', seats: 0, taken: 0, waiting: 2 },
      { subject: 'B1', seats: 10, taken: 12, waiting: 3 },
      { subject: 'B1', seats: 10, taken: 5 },
    ]);
    expect(overview).toEqual([
      { subject: 'B1', seats: 20, taken: 17, free: 5, waiting: 3, shortage: 0, occupancyPercent: 85 },
      { subject: 'Z', seats: 0, taken: 0, free: 0, waiting: 2, shortage: 2, occupancyPercent: null },
    ]);
  });

  it('returns nothing for no rows', () => {
    expect(capacityOverview([])).toEqual([]);
  });
});

describe('checkStartMoment', () => {
  const base = { startsOn: '2025-09-01', contractStart: '2025-01-01', contractEnd: '2026-12-31', seats: 12, taken: 0, lessonDays: [1, 3], minutesPerWeek: 720, location: 'Arnhem' };

  it('accepts a start moment inside the contract', () => {
    expect(checkStartMoment(base)).toEqual([]);
    expect(daypartLabel('EVENING')).toBe("'s Avonds");
  });

  it('refuses fewer seats than are taken, with the number in the message', () => {
    expect(checkStartMoment({ ...base, seats: 4, taken: 6 })).toEqual([
      { field: 'seats', code: 'SEATS_BELOW_TAKEN', message: 'Er zijn al 6 plaatsen bezet; het aantal plaatsen kan niet lager worden dan 6.' },
    ]);
  });

  it('refuses a date outside the contract, no lesson days, no hours and no location', () => {
    expect(checkStartMoment({ ...base, startsOn: '2027-01-04', lessonDays: [], minutesPerWeek: 0, location: ' ' }).map((v) => v.code)).toEqual([
      'START_MOMENT_LOCATION_REQUIRED', 'START_MOMENT_OUTSIDE_CONTRACT', 'LESSON_DAYS_INVALID', 'LESSON_HOURS_INVALID',
    ]);
    expect(checkStartMoment({ ...base, lessonDays: [1, 1] }).map((v) => v.code)).toEqual(['LESSON_DAYS_INVALID']);
  });
});

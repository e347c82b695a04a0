import { capacityOverview, seatsFree } from './capacity';

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

import { percentage, routeDistribution, startedWithinThreeMonths, suppressSmallCounts } from './kpis';
import { EXPECTED_ROUTE_DISTRIBUTIONS } from './routes';

describe('small-group suppression', () => {
  it('hides counts from 1 to 4, shows 0 and 5 or more', () => {
    expect(suppressSmallCounts(0)).toBe(0);
    expect(suppressSmallCounts(1)).toBeNull();
    expect(suppressSmallCounts(4)).toBeNull();
    expect(suppressSmallCounts(5)).toBe(5);
    expect(suppressSmallCounts(9, 10)).toBeNull();
  });

  it('gives no percentage for groups under 5 or empty groups', () => {
    expect(percentage(4, 5)).toBe(80);
    expect(percentage(3, 4)).toBeNull();
    expect(percentage(0, 0, 1)).toBeNull();
    expect(percentage(1, 3, 1)).toBe(33.3);
    expect(percentage(2, 3, 1)).toBe(66.7);
  });
});

describe('startedWithinThreeMonths', () => {
  it('counts a start on the day 3 calendar months after housing', () => {
    expect(startedWithinThreeMonths('2025-01-31', '2025-04-30')).toBe(true);
    expect(startedWithinThreeMonths('2025-01-31', '2025-05-01')).toBe(false);
    expect(startedWithinThreeMonths('2025-01-15', '2025-04-15')).toBe(true);
    expect(startedWithinThreeMonths('2025-01-15', '2025-04-16')).toBe(false);
    expect(startedWithinThreeMonths('2025-01-15', null)).toBe(false);
    expect(startedWithinThreeMonths('2025-01-15', '2025-03-16', 2)).toBe(false);
  });
});

describe('routeDistribution', () => {
  it('compares with the ministry distribution by default', () => {
    expect(routeDistribution({ B1: 60, ONDERWIJS: 20, Z: 20 })).toEqual({
      total: 100,
      rows: [
        { route: 'B1', count: 60, actualPercent: 60, expectedPercent: 65, differencePoints: -5 },
        { route: 'Z', count: 20, actualPercent: 20, expectedPercent: 15, differencePoints: 5 },
        { route: 'ONDERWIJS', count: 20, actualPercent: 20, expectedPercent: 20, differencePoints: 0 },
      ],
    });
  });

  it('uses a local distribution and suppresses a too small total', () => {
    const local = routeDistribution({ B1: 11, ONDERWIJS: 4, Z: 5 }, EXPECTED_ROUTE_DISTRIBUTIONS.LOCAL_55_20_25);
    expect(local.rows.map((r) => [r.route, r.actualPercent, r.differencePoints])).toEqual([
      ['B1', 55, 0],
      ['Z', 25, 0],
      ['ONDERWIJS', 20, 0],
    ]);
    const tiny = routeDistribution({ B1: 2, ONDERWIJS: 1, Z: 1 });
    expect(tiny.rows.every((r) => r.actualPercent === null && r.differencePoints === null)).toBe(true);
  });
});

import { checkRouteEstimate, compareRouteDemand, PLAN_ROUTE_ESTIMATE } from './route-estimate';

describe('checkRouteEstimate', () => {
  it('accepts the plan estimate (55/25/20)', () => {
    expect(checkRouteEstimate(PLAN_ROUTE_ESTIMATE)).toEqual([]);
  });
  it('names every percentage outside 0–100 or not whole, by field', () => {
    expect(checkRouteEstimate({ b1Percent: 101, zPercent: -1, onderwijsPercent: 2.5 }).map((v) => v.field)).toEqual(['b1Percent', 'zPercent', 'onderwijsPercent']);
  });
  it('refuses percentages that do not add up to 100, with the sum in Dutch', () => {
    const [problem] = checkRouteEstimate({ b1Percent: 55, zPercent: 20, onderwijsPercent: 20 });
    expect(problem).toMatchObject({ field: 'b1Percent', code: 'ESTIMATE_NOT_100' });
    expect(problem.message).toContain('95%');
  });
});

describe('compareRouteDemand', () => {
  it('compares actual shares with the estimate and finds the largest deviation', () => {
    const result = compareRouteDemand(PLAN_ROUTE_ESTIMATE, { B1: 10, Z: 8, ONDERWIJS: 2 });
    expect(result.totalClients).toBe(20);
    expect(result.rows).toEqual([
      { route: 'B1', estimatedPercent: 55, expectedClients: 11, actualClients: 10, actualPercent: 50, differencePoints: -5 },
      { route: 'Z', estimatedPercent: 25, expectedClients: 5, actualClients: 8, actualPercent: 40, differencePoints: 15 },
      { route: 'ONDERWIJS', estimatedPercent: 20, expectedClients: 4, actualClients: 2, actualPercent: 10, differencePoints: -10 },
    ]);
    expect(result.largestDeviation).toBe('Z');
  });
  it('has no shares and no deviation without clients', () => {
    const result = compareRouteDemand(PLAN_ROUTE_ESTIMATE, { B1: 0, Z: 0, ONDERWIJS: 0 });
    expect(result.rows.every((r) => r.actualPercent === null && r.differencePoints === null)).toBe(true);
    expect(result.largestDeviation).toBeNull();
  });
});

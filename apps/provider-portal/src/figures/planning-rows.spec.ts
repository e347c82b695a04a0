import { describe, expect, it } from '@jest/globals';
import { pointsText, routeDemandSummary, type RouteDemand } from './planning-rows';

const demand: RouteDemand = {
  estimate: { b1Percent: 55, zPercent: 25, onderwijsPercent: 20 },
  totalClients: 20,
  largestDeviation: 'Z',
  computedOn: '2026-12-01',
  rows: [
    { route: 'B1', estimatedPercent: 55, expectedClients: 11, actualClients: 10, actualPercent: 50, differencePoints: -5 },
    { route: 'Z', estimatedPercent: 25, expectedClients: 5, actualClients: 8, actualPercent: 40, differencePoints: 15 },
    { route: 'ONDERWIJS', estimatedPercent: 20, expectedClients: 4, actualClients: 2, actualPercent: 10, differencePoints: -10 },
  ],
};

describe('routeDemandSummary', () => {
  it('names the actual share per route against the estimate and the largest deviation, in one line', () => {
    const text = routeDemandSummary(demand);
    expect(text).toContain('over 20 inburgeraars');
    expect(text).toContain('(geschat 55%)');
    expect(text).toMatch(/grootste afwijking is de Z-route \(\+15 procentpunt\)\.$/);
  });
  it('says when the region has no estimate yet', () => {
    expect(routeDemandSummary({ ...demand, estimate: null, largestDeviation: null })).toMatch(/nog geen routeschatting\.$/);
  });
});

describe('pointsText', () => {
  it('signs the difference', () => {
    expect(pointsText(-5)).toBe('−5');
    expect(pointsText(6.3)).toBe('+6,3');
    expect(pointsText(null)).toBe('–');
  });
});

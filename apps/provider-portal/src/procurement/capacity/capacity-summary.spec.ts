import { describe, expect, it } from '@jest/globals';
import { barScale, barShares, waitingSummary, type CapacityOverview, type LotCapacityRow } from './capacity-summary';

const lot = (lotName: string, waiting: number, waitingSince: string | null): LotCapacityRow => ({
  lotId: lotName, lotName, subject: 'B1', subjectLabel: 'B1-route', seats: 10, taken: 8, free: 2, waiting, shortage: Math.max(0, waiting - 2), occupancyPercent: 80, waitingSince,
});

const overview = (lots: LotCapacityRow[]): CapacityOverview => ({ lots, subjects: [], startMoments: [], waitingByMunicipality: [] });

describe('waitingSummary', () => {
  it('counts the waiting clients and puts the longest waiting lot first', () => {
    const summary = waitingSummary(overview([lot('A', 0, null), lot('B', 2, '2026-11-20T08:00:00Z'), lot('C', 1, '2026-10-01T08:00:00Z')]));
    expect(summary.waiting).toBe(3);
    expect(summary.lots.map((row) => row.lotName)).toEqual(['C', 'B']);
    expect(summary.longestSince).toBe('2026-10-01T08:00:00Z');
  });

  it('is empty when nobody waits', () => {
    expect(waitingSummary(overview([lot('A', 0, null)]))).toEqual({ waiting: 0, lots: [], longestSince: null });
  });
});

describe('capacity bars', () => {
  it('scales every bar to the longest one', () => {
    const rows = [{ taken: 6, free: 2, waiting: 2 }, { taken: 5, free: 0, waiting: 0 }];
    expect(barScale(rows)).toBe(10);
    expect(barShares(rows[0], 10)).toEqual({ taken: 60, free: 20, waiting: 20 });
    expect(barShares(rows[1], 0)).toEqual({ taken: 0, free: 0, waiting: 0 });
  });
});

import type { CapacityOverviewQuery } from '@inburgering/contracts';

export type CapacityOverview = CapacityOverviewQuery['capacityOverview'];
export type LotCapacityRow = CapacityOverview['lots'][number];

export interface WaitingSummary {
  waiting: number;
  /** Lots with at least one waiting client, longest waiting first. */
  lots: LotCapacityRow[];
  /** When the longest waiting client started waiting (an ISO moment), if anyone waits. */
  longestSince: string | null;
}

/** What the projectleider must see first: how many clients wait, where, and since when. */
export function waitingSummary(overview: CapacityOverview): WaitingSummary {
  const lots = overview.lots
    .filter((lot) => lot.waiting > 0)
    .sort((a, b) => (a.waitingSince ?? '').localeCompare(b.waitingSince ?? ''));
  const since = lots.map((lot) => lot.waitingSince).filter((value): value is string => Boolean(value));
  return {
    waiting: lots.reduce((sum, lot) => sum + lot.waiting, 0),
    lots,
    longestSince: since.length > 0 ? since.reduce((a, b) => (a < b ? a : b)) : null,
  };
}

/** Shares of a bar (taken, free, waiting) in percent of the longest bar on the page, so bars compare. */
export function barShares(row: { taken: number; free: number; waiting: number }, scale: number): { taken: number; free: number; waiting: number } {
  if (scale <= 0) return { taken: 0, free: 0, waiting: 0 };
  const share = (value: number) => (Math.max(0, value) / scale) * 100;
  return { taken: share(row.taken), free: share(row.free), waiting: share(row.waiting) };
}

export function barScale(rows: readonly { taken: number; free: number; waiting: number }[]): number {
  return Math.max(0, ...rows.map((row) => row.taken + row.free + row.waiting));
}

import { performance } from 'node:perf_hooks';
import type { Client, Pool } from 'pg';

/**
 * Waits (up to two minutes) until every job the outbox owes has run; answers how long that took and what is still owed.
 * A measurement starts on a quiet worker: it meets the background work it causes itself, not the backlog of the one
 * before (a delayed absence check, COALESCE_DELAY_MS, would otherwise land in whatever is measured two seconds later).
 */
export async function drainJobs(db: Client | Pool): Promise<{ ms: number; owed: number }> {
  const started = performance.now();
  for (;;) {
    const { rows: [{ owed }] } = await db.query<{ owed: number }>(`SELECT count(*)::int AS owed FROM outbox_message WHERE completed_at IS NULL AND failed_at IS NULL`);
    if (owed === 0 || performance.now() - started > 120_000) return { ms: performance.now() - started, owed };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

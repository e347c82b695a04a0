import type { DataSource, EntityManager } from 'typeorm';
import { OutboxMessageEntity } from '../database';
import { REQUEST_ID_KEY } from './outbox';

// The outbox row is the ledger of its job: owed until the job's own transaction marks it completed, or until the job
// failed for good. A BullMQ job made from a row has the id `outbox-<row id>` (so a row offered twice is one job).

const PREFIX = 'outbox-';

export function outboxJobId(rowId: string): string {
  return `${PREFIX}${rowId}`;
}

/** The outbox row behind a BullMQ job id, or null for a job that did not come from the outbox (the nightly schedulers). */
export function outboxIdOfJob(jobId: string | undefined): string | null {
  const match = /^outbox-(\d+)$/.exec(jobId ?? '');
  return match ? match[1] : null;
}

/**
 * In the job's own transaction: the row is no longer owed once this commits (also when the work was found done already),
 * nor are the rows its run covered (`coveredByRun`). Locked in id order, as every job does, so two jobs covering each
 * other's rows wait for one another instead of deadlocking; a row another job completed meanwhile is left as it is.
 */
export async function markOutboxCompleted(manager: EntityManager, rowId: string, covered: readonly string[] = []): Promise<void> {
  await manager.query<unknown>(
    `UPDATE outbox_message SET completed_at = clock_timestamp()
      WHERE id IN (SELECT id FROM outbox_message WHERE id = ANY($1::bigint[]) AND completed_at IS NULL ORDER BY id FOR UPDATE)`,
    [[rowId, ...covered]],
  );
}

/** What a coalescing job's run (policy `coalesce`) finds about its own row before it starts. */
export interface RunCoverage {
  /** An earlier run of the same job and payload already covered this row: nothing is left to do. */
  alreadyCovered: boolean;
  /** Owed rows of the same job and payload, written after this one: this run covers them. */
  covers: string[];
}

/**
 * For a job that recomputes from the current state: must be the run's first statement, so that every row it returns
 * was committed (with the change that wrote it) before the run reads anything, and the run sees that change. The
 * request id the payload carries for the log does not make two payloads different.
 */
export async function coveredByRun(manager: EntityManager, rowId: string): Promise<RunCoverage> {
  const rows = await manager.query<{ already_covered: boolean; covers: string[] }[]>(
    `SELECT own.completed_at IS NOT NULL AS already_covered,
            ARRAY(SELECT later.id::text FROM outbox_message later
                   WHERE later.completed_at IS NULL AND later.failed_at IS NULL AND later.id > own.id
                     AND later.job_name = own.job_name AND later.payload - $2 = own.payload - $2
                   ORDER BY later.id) AS covers
       FROM outbox_message own WHERE own.id = $1`,
    [rowId, REQUEST_ID_KEY],
  );
  const [row] = rows;
  return row ? { alreadyCovered: row.already_covered, covers: row.already_covered ? [] : row.covers } : { alreadyCovered: false, covers: [] };
}

/** The job failed for good: the row says when and why (no personal data), and is no longer offered again. */
export async function markOutboxFailed(db: DataSource, rowId: string, failure: string): Promise<void> {
  await db.getRepository(OutboxMessageEntity).createQueryBuilder().update()
    .set({ failedAt: () => 'clock_timestamp()', failure })
    .where('id = :rowId AND completed_at IS NULL AND failed_at IS NULL', { rowId })
    .execute();
}

/** A job that did not come from the outbox (a scheduler's) failed for good: it gets a failed row, so every failure is in one place. */
export async function recordFailedJob(db: DataSource, jobName: string, payload: Record<string, unknown>, failure: string): Promise<void> {
  // Raw, parameterised: the query builder cannot type a jsonb `Record<string, unknown>` together with SQL timestamps.
  await db.query<unknown>(
    `INSERT INTO outbox_message (job_name, payload, relayed_at, failed_at, failure) VALUES ($1, $2::jsonb, clock_timestamp(), clock_timestamp(), $3)`,
    [jobName, JSON.stringify(payload), failure],
  );
}

import type { DataSource, EntityManager } from 'typeorm';
import { OutboxMessageEntity } from '../database';

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

/** In the job's own transaction: the row is no longer owed once this commits (also when the work was found done already). */
export async function markOutboxCompleted(manager: EntityManager, rowId: string): Promise<void> {
  await manager.getRepository(OutboxMessageEntity).createQueryBuilder().update()
    .set({ completedAt: () => 'clock_timestamp()' })
    .where('id = :rowId AND completed_at IS NULL', { rowId })
    .execute();
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

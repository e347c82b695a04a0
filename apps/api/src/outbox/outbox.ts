import type { EntityManager } from 'typeorm';
import type { JobName, JobPayloads } from '../jobs/job-definitions';

/**
 * Writes a job in the caller's transaction: the job exists exactly when the change that caused it was committed.
 * Payloads hold ids and tenant context only.
 */
export async function enqueueInOutbox<N extends JobName>(manager: Pick<EntityManager, 'query'>, name: N, payload: JobPayloads[N]): Promise<void> {
  await manager.query(`INSERT INTO outbox_message (job_name, payload) VALUES ($1, $2::jsonb)`, [name, JSON.stringify(payload)]);
}

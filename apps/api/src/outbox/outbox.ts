import type { EntityManager } from 'typeorm';
import { OutboxMessageEntity } from '../database';
import type { JobName, JobPayloads } from '../jobs';

/**
 * The caller's transaction (an EntityManager or the DataSource). Some callers still type it as `Pick<EntityManager,
 * 'query'>`; at run time it is always a manager with repositories, and the raw insert remains only for that type.
 */
export type OutboxWriter = Pick<EntityManager, 'getRepository'> | Pick<EntityManager, 'query'>;

/**
 * Writes a job in the caller's transaction: the job exists exactly when the change that caused it was committed.
 * Payloads hold ids and tenant context only.
 */
export async function enqueueInOutbox<N extends JobName>(manager: OutboxWriter, name: N, payload: JobPayloads[N]): Promise<void> {
  const message: Pick<OutboxMessageEntity, 'jobName' | 'payload'> = { jobName: name, payload: { ...payload } };
  if ('getRepository' in manager) {
    // `save` of one new row is a single INSERT … RETURNING; `insert` cannot type a jsonb `Record<string, unknown>`.
    await manager.getRepository(OutboxMessageEntity).save(message);
    return;
  }
  await manager.query<unknown>(`INSERT INTO outbox_message (job_name, payload) VALUES ($1, $2::jsonb)`, [message.jobName, JSON.stringify(message.payload)]);
}

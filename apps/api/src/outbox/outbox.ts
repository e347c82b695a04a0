import type { EntityManager } from 'typeorm';
import { currentLogContext } from '../common';
import { OutboxMessageEntity } from '../database';
import type { JobName, JobPayloads } from '../jobs';

/**
 * The caller's transaction (an EntityManager or the DataSource). Some callers still type it as `Pick<EntityManager,
 * 'query'>`; at run time it is always a manager with repositories, and the raw insert remains only for that type.
 */
export type OutboxWriter = Pick<EntityManager, 'getRepository'> | Pick<EntityManager, 'query'>;

/**
 * The payload key under which a job carries the id of the request (or job) that caused it, so the job's log lines carry
 * it as `requestId`. The worker takes it off before the handler sees the payload.
 */
export const REQUEST_ID_KEY = 'requestId';

/** Splits a job's data into the handler's payload and the request id it was caused by (if any). */
export function splitRequestId(data: Record<string, unknown>): { payload: Record<string, unknown>; requestId?: string } {
  const { [REQUEST_ID_KEY]: requestId, ...payload } = data;
  return typeof requestId === 'string' ? { payload, requestId } : { payload };
}

/**
 * What caused a job: the acting user (the per-request actor carries its request's id), or null for the platform itself.
 * Passed explicitly because the API keeps no async context per request (on Node 20 that cost a tenth of the cheapest request's CPU or more).
 */
export type JobCause = { readonly requestId?: string } | null;

/**
 * Writes a job in the caller's transaction: the job exists exactly when the change that caused it was committed.
 * Payloads hold ids and tenant context only, plus the id of the request that caused it: the cause's, or in the worker
 * the id the running job carries (its log context), so a chain of jobs keeps the first request's id.
 */
export async function enqueueInOutbox<N extends JobName>(manager: OutboxWriter, name: N, payload: JobPayloads[N], cause: JobCause): Promise<void> {
  const requestId = cause?.requestId ?? currentLogContext()?.requestId;
  const message: Pick<OutboxMessageEntity, 'jobName' | 'payload'> = { jobName: name, payload: { ...payload, ...(requestId ? { [REQUEST_ID_KEY]: requestId } : {}) } };
  if ('getRepository' in manager) {
    // `save` of one new row is a single INSERT … RETURNING; `insert` cannot type a jsonb `Record<string, unknown>`.
    await manager.getRepository(OutboxMessageEntity).save(message);
    return;
  }
  await manager.query<unknown>(`INSERT INTO outbox_message (job_name, payload) VALUES ($1, $2::jsonb)`, [message.jobName, JSON.stringify(message.payload)]);
}

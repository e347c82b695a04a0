import type { EntityManager } from 'typeorm';
import type { JobName, JobPayloads } from './job-definitions';

/** One class per job. `handle` runs inside a transaction that also marks the job as done, so a redelivery is a no-op. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  /** The idempotency key of one execution; by default the BullMQ job id. */
  jobKey?(payload: JobPayloads[N], jobId: string): string;
  handle(payload: JobPayloads[N], manager: EntityManager): Promise<void>;
  /** Called once when the last attempt failed, to leave a visible state behind (outside the failed transaction). */
  onFinalFailure?(payload: JobPayloads[N]): Promise<void>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

import type { EntityManager } from 'typeorm';
import type { JobName, JobPayloads } from './job-definitions';

/** One class per job. `handle` runs inside a transaction that also marks the job as done, so a redelivery is a no-op. */
export interface JobHandler<N extends JobName = JobName> {
  readonly jobName: N;
  /** The idempotency key of one execution; by default the BullMQ job id. */
  jobKey?(payload: JobPayloads[N], jobId: string): string;
  handle(payload: JobPayloads[N], manager: EntityManager): Promise<void>;
  /**
   * Work that must not hold a transaction or lock open, such as a call to an outside system (DUO): run before `handle`,
   * outside any transaction, on every delivery of the job (also a redelivery whose `handle` already ran), so it must be
   * idempotent through its own records and use short transactions of its own. `jobKey` identifies the job across its
   * attempts (a redelivered job has the same key).
   */
  outsideTransaction?(payload: JobPayloads[N], jobKey: string): Promise<void>;
  /**
   * Called once when the job failed for good, to leave a visible state behind (outside the failed transaction): after
   * its last attempt, or when it kept killing (stalling) the worker that ran it. Must be idempotent: the worker's
   * 'failed' event and the outbox sweep (when the worker that failed it died before recording it) may both call it.
   * After it, the job's outbox row records the failure (`failed_at`, `failure`) for every job kind.
   */
  onFinalFailure?(payload: JobPayloads[N], cause: FinalFailureCause): Promise<void>;
}

/** Why a job failed for good: its attempts ran out on errors, or its workers died (stalled) too often while running it. */
export type FinalFailureCause = 'ERRORS' | 'STALLED';

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');

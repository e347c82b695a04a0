import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import { logger, NestPinoLogger, runWithLogContext } from '../common';
import type { AppConfig } from '../config';
import { JOB_POLICIES, JobName, QUEUE_NAME, JOB_HANDLERS, JobHandler, buildJobRegistry, JOB_QUEUE, createRedisConnection, jobTelemetry, runOnce, type FinalFailureCause } from '../jobs';
import { coveredByRun, markOutboxCompleted, markOutboxFailed, OutboxRelay, outboxIdOfJob, outboxJobId, recordFailedJob, splitRequestId, type RunCoverage, type UnsettledFailure } from '../outbox';
import { WorkerModule } from './worker.module';

export interface RunningWorker {
  relay: OutboxRelay;
  worker: Worker;
  close(): Promise<void>;
}

export interface WorkerOptions {
  concurrency?: number;
  /** Register the nightly deadline scan with BullMQ's scheduler (one entry however many workers run). */
  schedule?: boolean;
  /** The relay's safety-net poll; it is woken by PostgreSQL NOTIFY as soon as an outbox row commits (default 5 s). */
  relayIntervalMs?: number;
  /** An owed job BullMQ no longer has (Redis lost its data) is offered again after this (default 30 s). */
  redeliverAfterMs?: number;
  /** How long a job's lock lives without renewal: a worker that died is noticed after this (default 10 s). */
  lockDurationMs?: number;
  /** How often stalled jobs (their worker died) are looked for (default 5 s). */
  stalledIntervalMs?: number;
}

/**
 * A dead worker's job is noticed when its lock has expired and a stalled check has seen it twice: at most about
 * LOCK_DURATION + 2 × STALLED_INTERVAL (20 s) after the death, instead of BullMQ's default 30 s + 60 s. The lock is
 * renewed every half of its duration, so an import's event loop may be busy for up to 5 s without being taken for dead.
 */
const LOCK_DURATION_MS = 10_000;
const STALLED_INTERVAL_MS = 5_000;
/** How often the nightly schedulers are registered again (idempotent), in case Redis lost them. */
const RESCHEDULE_MS = 5 * 60_000;

/** A job that stalled more often than `maxStalledCount` is failed by BullMQ with this reason, whatever its attempts. */
const STALLED_REASON = 'job stalled more than allowable limit';
/** A job may be picked up again once after its worker died; the next death fails it (it probably killed the worker). */
const MAX_STALLED_COUNT = 1;

/**
 * Worker timings from the environment (WORKER_LOCK_DURATION_MS, WORKER_STALLED_INTERVAL_MS, OUTBOX_POLL_MS,
 * OUTBOX_REDELIVER_AFTER_MS), for tests and tuning.
 */
export function workerTimingsFromEnv(env: NodeJS.ProcessEnv): Pick<WorkerOptions, 'lockDurationMs' | 'stalledIntervalMs' | 'relayIntervalMs' | 'redeliverAfterMs'> {
  const ms = (value: string | undefined): number | undefined => (value && /^\d+$/.test(value) ? Number(value) : undefined);
  return {
    lockDurationMs: ms(env.WORKER_LOCK_DURATION_MS),
    stalledIntervalMs: ms(env.WORKER_STALLED_INTERVAL_MS),
    relayIntervalMs: ms(env.OUTBOX_POLL_MS),
    redeliverAfterMs: ms(env.OUTBOX_REDELIVER_AFTER_MS),
  };
}

/** The failure as the outbox row records it (Dutch, no personal data: BullMQ's reason is an error message, never a payload). */
function failureText(cause: FinalFailureCause, reason: string, attemptsMade: number): string {
  return cause === 'STALLED'
    ? 'De worker stopte steeds tijdens deze job; de job wordt niet opnieuw geprobeerd (BullMQ: job stalled more than allowable limit).'
    : `Definitief mislukt na ${attemptsMade} poging(en): ${reason.slice(0, 500)}`;
}

/** After BullMQ's moveToFailed: the job is not retried any more (finishedOn is only set on a final failure). */
function failedForGood(job: Job, err: Error): boolean {
  return typeof job.finishedOn === 'number' || err instanceof UnrecoverableError || err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
}

/** Starts one worker process's share: the outbox relay and a BullMQ worker. Several may run against one queue. */
export async function startWorker(config: AppConfig, options: WorkerOptions = {}): Promise<RunningWorker> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger: new NestPinoLogger() });
  const db = context.get<DataSource>(getDataSourceToken());
  const registry = buildJobRegistry(context.get<JobHandler[]>(JOB_HANDLERS));
  const queue = context.get<Queue>(JOB_QUEUE);

  const connection = createRedisConnection(config.redisUrl);
  const worker = new Worker(
    QUEUE_NAME,
    async (job) => {
      // Every log line of the job carries the id of the request (or job) that caused it, and the job's own name and id.
      const { payload, requestId } = splitRequestId((job.data ?? {}) as Record<string, unknown>);
      return runWithLogContext({ ...(requestId ? { requestId } : {}), job: job.name, jobId: job.id }, async () => {
        const handler = registry.get(job.name as JobName);
        if (!handler) throw new UnrecoverableError(`Onbekende job ${job.name}`);
        const key = handler.jobKey ? handler.jobKey(payload as never, job.id ?? '') : `${job.name}:${job.id}`;
        const outboxId = outboxIdOfJob(job.id);
        // Calls to outside systems first, holding no transaction (see JobHandler.outsideTransaction).
        await handler.outsideTransaction?.(payload as never, key);
        // The outbox row stops being owed in the same transaction as the work (or as finding it done already), and so do
        // the identical rows a coalescing job's run covers.
        const coalesce = outboxId !== null && JOB_POLICIES[job.name as JobName].coalesce === true;
        let coverage: RunCoverage = { alreadyCovered: false, covers: [] };
        const ran = await runOnce(
          db, key, job.name,
          async (manager) => {
            if (coalesce) coverage = await coveredByRun(manager, outboxId);
            if (!coverage.alreadyCovered) await handler.handle(payload as never, manager);
          },
          outboxId ? (manager) => markOutboxCompleted(manager, outboxId, coverage.covers) : undefined,
        );
        logger.info({ skipped: !ran, ...(coalesce ? { coveredBefore: coverage.alreadyCovered, covers: coverage.covers.length } : {}) }, 'job afgerond');
        return { ran, ...(coverage.alreadyCovered ? { coveredBefore: true } : {}) };
      });
    },
    {
      connection, prefix: config.queuePrefix, telemetry: jobTelemetry(), concurrency: options.concurrency ?? 4, autorun: true, maxStalledCount: MAX_STALLED_COUNT,
      lockDuration: options.lockDurationMs ?? LOCK_DURATION_MS,
      stalledInterval: options.stalledIntervalMs ?? STALLED_INTERVAL_MS,
    },
  );
  /**
   * Leaves the visible state of a job that failed for good: the handler's own (an import becomes FAILED with a Dutch
   * reason), then the outbox row (failed_at, failure), or a failed row for a scheduler's job. Idempotent: the worker's
   * 'failed' event and the relay's sweep (for a failure whose worker died before recording it) may both get here.
   */
  const settleFinalFailure = async (jobName: string, payload: unknown, jobId: string | undefined, cause: FinalFailureCause, reason: string, attemptsMade: number) => {
    logger.error({ job: jobName, jobId, attempts: attemptsMade, stalled: cause === 'STALLED', err: reason },
      cause === 'STALLED' ? 'job definitief mislukt: de worker stopte steeds tijdens deze job' : 'job definitief mislukt');
    const handler = registry.get(jobName as JobName);
    await handler?.onFinalFailure?.(payload as never, cause);
    const failure = failureText(cause, reason, attemptsMade);
    const outboxId = outboxIdOfJob(jobId);
    if (outboxId) await markOutboxFailed(db, outboxId, failure);
    else await recordFailedJob(db, jobName, (payload ?? {}) as Record<string, unknown>, failure);
  };
  const causeOf = (reason: string): FinalFailureCause => (reason === STALLED_REASON ? 'STALLED' : 'ERRORS');

  // A job over its stall limit never reaches the processor: BullMQ fails it with an UnrecoverableError whatever its
  // attempts, so "final" is read from the job itself, and a stall gets its own cause and log line.
  worker.on('failed', (job, err) => {
    if (!job) return logger.warn({ err: err.message }, 'job mislukt');
    if (!failedForGood(job, err)) {
      return logger.warn({ job: job.name, jobId: job.id, attempts: job.attemptsMade, err: err.message }, 'job mislukt, wordt opnieuw geprobeerd');
    }
    // Should this fail (database away, worker killed), the row stays owed and the relay's sweep settles it later.
    settleFinalFailure(job.name, job.data, job.id, causeOf(err.message), err.message, job.attemptsMade)
      .catch((error: unknown) => logger.error({ job: job.name, jobId: job.id, err: String(error) }, 'afhandeling van definitief mislukte job faalde'));
  });
  worker.on('stalled', (jobId) => logger.warn({ jobId }, 'job vastgelopen (worker gestopt); wordt opnieuw opgepakt'));
  // Connection errors repeat every reconnect attempt while Redis is away; the relay already warns once.
  worker.on('error', (err) => logger.debug({ err: err.message }, 'worker-verbinding'));

  const schedule = async () => {
    await queue.upsertJobScheduler('deadlines-nightly', { pattern: '0 2 * * *', tz: 'Europe/Amsterdam' }, { name: 'deadlines.scan-all', data: {} });
    await queue.upsertJobScheduler('duo-waiting', { every: 15 * 60_000 }, { name: 'duo.send-waiting', data: {} });
    await queue.upsertJobScheduler('procurement-nightly', { pattern: '30 2 * * *', tz: 'Europe/Amsterdam' }, { name: 'procurement.scan-quality', data: {} });
    await queue.upsertJobScheduler('housekeeping-nightly', { pattern: '0 4 * * *', tz: 'Europe/Amsterdam' }, { name: 'housekeeping.clean', data: {} });
    await queue.upsertJobScheduler('retention-nightly', { pattern: '30 4 * * *', tz: 'Europe/Amsterdam' }, { name: 'retention.run', data: {} });
    // The first day of each quarter: the past quarter's reports of every region and lot.
    await queue.upsertJobScheduler('quarterly-reports', { pattern: '0 3 1 1,4,7,10 *', tz: 'Europe/Amsterdam' }, { name: 'figures.schedule-quarterly-reports', data: {} });
  };
  // The schedulers live in Redis only: registered again every few minutes, a Redis that lost its data gets them back.
  let rescheduler: NodeJS.Timeout | null = null;
  if (options.schedule) {
    await schedule();
    rescheduler = setInterval(() => void schedule().catch((err: unknown) => logger.debug({ err: String(err) }, 'planning niet bijgewerkt')), RESCHEDULE_MS);
  }
  const relay = new OutboxRelay(db, queue, {
    pollMs: options.relayIntervalMs,
    redeliverAfterMs: options.redeliverAfterMs,
    onUnsettledFailure: (failure: UnsettledFailure) =>
      settleFinalFailure(failure.jobName, failure.payload, outboxJobId(failure.rowId), causeOf(failure.reason), failure.reason, failure.attemptsMade),
  });
  relay.start();

  return {
    relay,
    worker,
    async close() {
      if (rescheduler) clearInterval(rescheduler);
      await relay.stop();
      await worker.close();
      connection.disconnect();
      await context.close();
    },
  };
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { type Job, Queue, UnrecoverableError, Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import { logger, NestPinoLogger } from '../common';
import type { AppConfig } from '../config';
import { JobName, QUEUE_NAME, JOB_HANDLERS, JobHandler, buildJobRegistry, JOB_QUEUE, createRedisConnection, runOnce } from '../jobs';
import { OutboxRelay } from '../outbox';
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
  relayIntervalMs?: number;
  /** How long a job's lock lives without renewal: a worker that died is noticed after this (BullMQ default 30 s). */
  lockDurationMs?: number;
  /** How often stalled jobs (their worker died) are looked for (BullMQ default 30 s). */
  stalledIntervalMs?: number;
}

/** A job that stalled more often than `maxStalledCount` is failed by BullMQ with this reason, whatever its attempts. */
const STALLED_REASON = 'job stalled more than allowable limit';
/** A job may be picked up again once after its worker died; the next death fails it (it probably killed the worker). */
const MAX_STALLED_COUNT = 1;

/** Worker timings from the environment (WORKER_LOCK_DURATION_MS, WORKER_STALLED_INTERVAL_MS), for tests and tuning. */
export function workerTimingsFromEnv(env: NodeJS.ProcessEnv): Pick<WorkerOptions, 'lockDurationMs' | 'stalledIntervalMs'> {
  const ms = (value: string | undefined): number | undefined => (value && /^\d+$/.test(value) ? Number(value) : undefined);
  return { lockDurationMs: ms(env.WORKER_LOCK_DURATION_MS), stalledIntervalMs: ms(env.WORKER_STALLED_INTERVAL_MS) };
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
      const handler = registry.get(job.name as JobName);
      if (!handler) throw new UnrecoverableError(`Onbekende job ${job.name}`);
      const key = handler.jobKey ? handler.jobKey(job.data, job.id ?? '') : `${job.name}:${job.id}`;
      const ran = await runOnce(db, key, job.name, (manager) => handler.handle(job.data, manager));
      logger.info({ job: job.name, jobId: job.id, skipped: !ran }, 'job afgerond');
      return { ran };
    },
    {
      connection, prefix: config.queuePrefix, concurrency: options.concurrency ?? 4, autorun: true, maxStalledCount: MAX_STALLED_COUNT,
      ...(options.lockDurationMs ? { lockDuration: options.lockDurationMs } : {}),
      ...(options.stalledIntervalMs ? { stalledInterval: options.stalledIntervalMs } : {}),
    },
  );
  // A job over its stall limit never reaches the processor: BullMQ fails it with an UnrecoverableError whatever its
  // attempts, so "final" is read from the job itself, and a stall gets its own cause and log line.
  worker.on('failed', (job, err) => {
    if (!job) return logger.warn({ err: err.message }, 'job mislukt');
    const stalled = err.message === STALLED_REASON;
    const final = failedForGood(job, err);
    const fields = { job: job.name, jobId: job.id, attempts: job.attemptsMade, stalled, err: err.message };
    if (!final) return logger.warn(fields, 'job mislukt, wordt opnieuw geprobeerd');
    logger.error(fields, stalled ? 'job definitief mislukt: de worker stopte steeds tijdens deze job' : 'job definitief mislukt');
    const handler = registry.get(job.name as JobName);
    handler?.onFinalFailure?.(job.data, stalled ? 'STALLED' : 'ERRORS')
      .catch((error: unknown) => logger.error({ job: job.name, jobId: job.id, err: String(error) }, 'afhandeling van definitief mislukte job faalde'));
  });
  worker.on('stalled', (jobId) => logger.warn({ jobId }, 'job vastgelopen (worker gestopt); wordt opnieuw opgepakt'));
  // Connection errors repeat every reconnect attempt while Redis is away; the relay already warns once.
  worker.on('error', (err) => logger.debug({ err: err.message }, 'worker-verbinding'));

  if (options.schedule) {
    await queue.upsertJobScheduler('deadlines-nightly', { pattern: '0 2 * * *', tz: 'Europe/Amsterdam' }, { name: 'deadlines.scan-all', data: {} });
    await queue.upsertJobScheduler('duo-waiting', { every: 15 * 60_000 }, { name: 'duo.send-waiting', data: {} });
    await queue.upsertJobScheduler('procurement-nightly', { pattern: '30 2 * * *', tz: 'Europe/Amsterdam' }, { name: 'procurement.scan-quality', data: {} });
  }
  const relay = new OutboxRelay(db, queue, options.relayIntervalMs ?? 500);
  relay.start();

  return {
    relay,
    worker,
    async close() {
      await relay.stop();
      await worker.close();
      connection.disconnect();
      await context.close();
    },
  };
}

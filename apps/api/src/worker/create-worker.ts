import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Queue, UnrecoverableError, Worker } from 'bullmq';
import type { DataSource } from 'typeorm';
import { logger } from '../common/logger';
import { NestPinoLogger } from '../common/nest-logger';
import type { AppConfig } from '../config/app-config';
import { JobName, QUEUE_NAME } from '../jobs/job-definitions';
import { JOB_HANDLERS, JobHandler } from '../jobs/job-handler';
import { buildJobRegistry } from '../jobs/job-registry';
import { JOB_QUEUE } from '../jobs/queue.module';
import { createRedisConnection } from '../jobs/redis-connection';
import { runOnce } from '../jobs/run-once';
import { OutboxRelay } from '../outbox/outbox-relay';
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
    { connection, prefix: config.queuePrefix, concurrency: options.concurrency ?? 4, autorun: true },
  );
  worker.on('failed', (job, err) => {
    logger.warn({ job: job?.name, jobId: job?.id, attempts: job?.attemptsMade, err: err.message }, 'job mislukt');
    const handler = job && registry.get(job.name as JobName);
    if (job && handler?.onFinalFailure && job.attemptsMade >= (job.opts.attempts ?? 1)) {
      handler.onFinalFailure(job.data).catch((error) => logger.error({ job: job.name, err: String(error) }, 'afhandeling van definitief mislukte job faalde'));
    }
  });
  // Connection errors repeat every reconnect attempt while Redis is away; the relay already warns once.
  worker.on('error', (err) => logger.debug({ err: err.message }, 'worker-verbinding'));

  if (options.schedule) {
    await queue.upsertJobScheduler('deadlines-nightly', { pattern: '0 2 * * *', tz: 'Europe/Amsterdam' }, { name: 'deadlines.scan-all', data: {} });
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

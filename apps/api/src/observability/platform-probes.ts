import type { Job, Queue, Worker } from 'bullmq';
import type IORedis from 'ioredis';
import { hostname } from 'node:os';
import type { DataSource } from 'typeorm';
import { OutboxMessageEntity } from '../database';
import { jobDuration, jobWait, type PoolStats } from './metrics';

/** How long the oldest unrelayed outbox message has waited (0 when none), and how many wait. */
export async function outboxLag(db: DataSource): Promise<{ lagSeconds: number; pending: number }> {
  const row = await db
    .getRepository(OutboxMessageEntity)
    .createQueryBuilder('message')
    .select('COUNT(*)::int', 'pending')
    .addSelect('COALESCE(EXTRACT(EPOCH FROM now() - MIN(message.created_at)), 0)::float8', 'lagSeconds')
    .where('message.relayed_at IS NULL')
    .getRawOne<{ pending: number; lagSeconds: number }>();
  return { pending: row?.pending ?? 0, lagSeconds: row?.lagSeconds ?? 0 };
}

/** The pg pool behind a TypeORM data source (total, idle and waiting). */
export function poolStats(db: DataSource): PoolStats | undefined {
  return (db.driver as unknown as { master?: PoolStats }).master;
}

export function queueCounts(queue: Queue): () => Promise<Record<string, number>> {
  return () => queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized', 'waiting-children');
}

/** Job latency per queue: run time of every finished job and its wait before it started. */
export function measureJobs(worker: Worker): void {
  const observe = (job: Job | undefined, outcome: 'completed' | 'failed') => {
    if (!job?.processedOn) return;
    const labels = { queue: job.queueName, job: job.name };
    jobWait.observe(labels, Math.max(0, job.processedOn - job.timestamp) / 1000);
    if (job.finishedOn) jobDuration.observe({ ...labels, outcome }, Math.max(0, job.finishedOn - job.processedOn) / 1000);
  };
  worker.on('completed', (job) => observe(job, 'completed'));
  worker.on('failed', (job) => observe(job, 'failed'));
}

const HEARTBEAT_EVERY_MS = 10_000;
/** A worker whose last heartbeat is older than this counts as gone. */
export const HEARTBEAT_STALE_MS = 45_000;
const heartbeatKey = (prefix: string) => `${prefix}:worker-heartbeats`;

/** The worker's heartbeat: its id with the time in a sorted set in Redis, every 10 s; the API's health reads it. */
export function startWorkerHeartbeat(redis: IORedis, prefix: string, id = `${hostname()}-${process.pid}`): { lastBeat: () => number; stop(): Promise<void> } {
  let last = 0;
  const beat = async () => {
    const now = Date.now();
    await redis.multi().zadd(heartbeatKey(prefix), now, id).zremrangebyscore(heartbeatKey(prefix), 0, now - 10 * HEARTBEAT_STALE_MS).exec();
    last = now;
  };
  void beat().catch(() => undefined);
  const timer = setInterval(() => void beat().catch(() => undefined), HEARTBEAT_EVERY_MS);
  timer.unref();
  return {
    lastBeat: () => last,
    async stop() {
      clearInterval(timer);
      await redis.zrem(heartbeatKey(prefix), id).catch(() => undefined);
    },
  };
}

/** Workers that beat within HEARTBEAT_STALE_MS. */
export async function liveWorkers(redis: IORedis, prefix: string, now = Date.now()): Promise<number> {
  return redis.zcount(heartbeatKey(prefix), now - HEARTBEAT_STALE_MS, '+inf');
}

import { Queue, type Job, type Worker } from 'bullmq';
import { QUEUE_NAME } from '../../apps/api/src/jobs/job-definitions';
import { waitFor } from './wait-for';

/** Resolves with the return value when `worker` completes the job with this id (wait for the event, not a sleep). */
export function jobCompleted<T = unknown>(worker: Worker, jobId: string, timeoutMs = 20_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.off('completed', onCompleted);
      reject(new Error(`Job ${jobId} niet afgerond binnen ${timeoutMs} ms`));
    }, timeoutMs);
    const onCompleted = (job: Job, value: T) => {
      if (job.id !== jobId) return;
      clearTimeout(timer);
      worker.off('completed', onCompleted);
      resolve(value);
    };
    worker.on('completed', onCompleted);
  });
}

/** Waits until the platform's queue has nothing waiting, active or delayed and the outbox owes nothing. */
export async function waitForQueueIdle(config: { redisUrl: string; queuePrefix: string }, pendingOutbox: () => Promise<number>, timeoutMs = 30_000): Promise<void> {
  const queue = new Queue(QUEUE_NAME, { connection: { url: config.redisUrl }, prefix: config.queuePrefix });
  try {
    await waitFor(
      'queue idle',
      async () => {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        return Object.values(counts).every((n) => n === 0) && (await pendingOutbox()) === 0;
      },
      timeoutMs,
    );
  } finally {
    await queue.close();
  }
}

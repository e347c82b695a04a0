import IORedis from 'ioredis';

// BullMQ needs maxRetriesPerRequest null on worker connections; reconnects keep retrying when Redis comes back.
// A producer connection fails fast while Redis is down (the outbox keeps the job), a worker connection waits.
export function createRedisConnection(url: string, mode: 'worker' | 'producer' = 'worker'): IORedis {
  return new IORedis(url, {
    maxRetriesPerRequest: mode === 'worker' ? null : 1,
    enableOfflineQueue: mode === 'worker',
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
}

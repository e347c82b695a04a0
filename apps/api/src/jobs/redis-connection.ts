import IORedis from 'ioredis';
import { logger } from '../common';

// BullMQ needs maxRetriesPerRequest null on worker connections; reconnects keep retrying when Redis comes back.
// A producer connection fails fast while Redis is down (the outbox keeps the job), a worker connection waits.
export function createRedisConnection(url: string, mode: 'worker' | 'producer' = 'worker'): IORedis {
  const connection = new IORedis(url, {
    maxRetriesPerRequest: mode === 'worker' ? null : 1,
    enableOfflineQueue: mode === 'worker',
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  reportOutages(connection);
  return connection;
}

/**
 * Without an error listener ioredis prints "Unhandled error event" with a stack trace on every reconnect attempt
 * (every 2 s while Redis is down). One warning per outage, and one line when it is back.
 */
function reportOutages(connection: IORedis): void {
  let down = false;
  connection.on('error', (err: Error) => {
    if (down) return;
    down = true;
    logger.warn({ err: { message: err.message } }, 'Redis niet bereikbaar; opnieuw verbinden');
  });
  connection.on('ready', () => {
    if (!down) return;
    down = false;
    logger.info('Redis weer bereikbaar');
  });
}

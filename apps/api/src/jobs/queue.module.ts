import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import { logger } from '../common';
import { APP_CONFIG, AppConfig } from '../config';
import { QUEUE_NAME } from './job-definitions';
import { jobTelemetry } from './job-telemetry';
import { createRedisConnection } from './redis-connection';

export const REDIS_PRODUCER = Symbol('REDIS_PRODUCER');
export const JOB_QUEUE = Symbol('JOB_QUEUE');

@Global()
@Module({
  providers: [
    { provide: REDIS_PRODUCER, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createRedisConnection(config.redisUrl, 'producer') },
    {
      provide: JOB_QUEUE,
      inject: [APP_CONFIG, REDIS_PRODUCER],
      useFactory: (config: AppConfig, connection: IORedis) => {
        const queue = new Queue(QUEUE_NAME, { connection, prefix: config.queuePrefix, telemetry: jobTelemetry() });
        // While Redis is away the outbox holds the jobs; a warning is enough.
        queue.on('error', (err) => logger.debug({ err: err.message }, 'wachtrij niet bereikbaar'));
        return queue;
      },
    },
  ],
  exports: [REDIS_PRODUCER, JOB_QUEUE],
})
export class QueueModule implements OnApplicationShutdown {
  constructor(
    @Inject(JOB_QUEUE) private readonly queue: Queue,
    @Inject(REDIS_PRODUCER) private readonly redis: IORedis,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close().catch(() => undefined);
    this.redis.disconnect();
  }
}

import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { JOB_QUEUE, QUEUE_NAME } from '../jobs';
import { registerPlatformGauges } from './metrics';
import { ObservabilityInterceptor } from './observability.interceptor';
import { outboxLag, poolStats, queueCounts } from './platform-probes';

/** Metrics of the API (queue depth, outbox lag, pool use), operation timing via the interceptor. */
@Module({
  providers: [{ provide: APP_INTERCEPTOR, useClass: ObservabilityInterceptor }],
})
export class ObservabilityModule implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(JOB_QUEUE) private readonly queue: Queue,
  ) {}

  onModuleInit(): void {
    registerPlatformGauges({ queueName: QUEUE_NAME, queueCounts: queueCounts(this.queue), outbox: () => outboxLag(this.db), pool: () => poolStats(this.db) });
  }
}

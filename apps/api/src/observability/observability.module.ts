import { Inject, Module, OnModuleInit } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bullmq';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { logger } from '../common';
import { JOB_QUEUE, QUEUE_NAME } from '../jobs';
import { registerPlatformGauges } from './metrics';
import { ObservabilityInterceptor } from './observability.interceptor';
import { outboxLag, poolStats, queueCounts } from './platform-probes';
import type { RequestWithContext } from './request-context';

/** The request log line (pino-http through nestjs-pino): method, path without query string, status, time; no bodies. */
const httpLogging = LoggerModule.forRoot({
  pinoHttp: {
    logger,
    genReqId: (req: IncomingMessage) => (req as RequestWithContext).id ?? '',
    // The organisation and role come from the logger's mixin (the request's log context), once per line.
    customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    autoLogging: { ignore: (req: IncomingMessage) => (req.url ?? '').startsWith('/health') },
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: (req.url ?? '').split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
    quietReqLogger: true,
  },
});

/** Logging per request, metrics of the API (queue depth, outbox lag, pool use), operation timing via the interceptor. */
@Module({
  imports: [httpLogging],
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

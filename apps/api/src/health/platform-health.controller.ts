import { Controller, Get, Inject } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { HealthCheck, HealthCheckService, HealthIndicatorService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth';
import { APP_CONFIG, type AppConfig } from '../config';
import { REDIS_PRODUCER } from '../jobs';
import { liveWorkers, outboxLag } from '../observability';

/** The outbox is behind when its oldest waiting message is older than this. */
export const OUTBOX_LAG_LIMIT_SECONDS = 300;

/**
 * The whole platform's health for operators (@nestjs/terminus): database, Redis, outbox lag and the workers' heartbeat.
 * 503 when one is down. Not a readiness probe: the API serves users even while no worker runs (the outbox keeps jobs).
 */
@Controller('health')
export class PlatformHealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly typeorm: TypeOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_PRODUCER) private readonly redis: IORedis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Get('platform')
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.typeorm.pingCheck('database', { connection: this.db, timeout: 1500 }),
      async () => {
        const redis = this.indicators.check('redis');
        const pong = await this.redis.ping().catch(() => null);
        return pong === 'PONG' ? redis.up() : redis.down({ message: 'Redis antwoordt niet' });
      },
      async () => {
        const outbox = this.indicators.check('outbox');
        const lag = await outboxLag(this.db).catch(() => null);
        if (!lag) return outbox.down({ message: 'outbox niet leesbaar' });
        const data = { pending: lag.pending, lagSeconds: Math.round(lag.lagSeconds) };
        return lag.lagSeconds <= OUTBOX_LAG_LIMIT_SECONDS ? outbox.up(data) : outbox.down(data);
      },
      async () => {
        const workers = this.indicators.check('worker');
        const live = await liveWorkers(this.redis, this.config.queuePrefix).catch(() => 0);
        return live > 0 ? workers.up({ live }) : workers.down({ live, message: 'geen worker-heartbeat' });
      },
    ]);
  }
}

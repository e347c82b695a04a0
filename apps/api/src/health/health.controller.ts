import { Controller, Get, HttpCode, Inject, ServiceUnavailableException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { Public } from '../auth';
import { REDIS_PRODUCER } from '../jobs';

@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(REDIS_PRODUCER) private readonly redis: IORedis,
  ) {}

  @Public()
  @Get('live')
  @HttpCode(200)
  live() {
    return { status: 'ok' };
  }

  /** Ready when both PostgreSQL and Redis answer. */
  @Public()
  @Get('ready')
  async ready() {
    const [database, redis] = await Promise.all([
      this.db.query<unknown>('SELECT 1').then(() => 'ok', () => 'down'),
      this.redisStatus(),
    ]);
    const body = { status: database === 'ok' && redis === 'ok' ? 'ok' : 'down', database, redis };
    if (body.status !== 'ok') throw new ServiceUnavailableException(body);
    return body;
  }

  /** A connection still being set up (just after start, or after a Redis restart) gets one second to come up. */
  private async redisStatus(): Promise<'ok' | 'down'> {
    const timeout = new Promise<'down'>((resolve) => setTimeout(() => resolve('down'), 1000).unref());
    const ready = this.redis.status === 'ready' ? Promise.resolve() : new Promise<void>((resolve) => this.redis.once('ready', () => resolve()));
    return Promise.race([ready.then(() => this.redis.ping()).then(() => 'ok' as const, () => 'down' as const), timeout]);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { logger, TooManyRequestsAppError } from '../common';
import { APP_CONFIG, type AppConfig } from '../config';
import { REDIS_PRODUCER } from '../jobs';

/**
 * No guessing of a student's personal code (the issue: "not guessable"; BIO 9.4.2, as for login): after `perLesson`
 * wrong codes in one lesson, or `perDevice` from one device (network address), every sign-in there waits until the
 * block has passed, the right code too. Counters live in Redis (shared by all API processes), like the login throttle.
 */
export const PRESENCE_CODE_THROTTLE = { perLesson: 10, perDevice: 20, windowSeconds: 10 * 60, blockSeconds: 5 * 60 } as const;

interface Limiter {
  limiter: RateLimiterRedis;
  points: number;
}

@Injectable()
export class PresenceCodeThrottle {
  private readonly lesson: Limiter;
  private readonly device: Limiter;

  constructor(@Inject(REDIS_PRODUCER) redis: IORedis, @Inject(APP_CONFIG) config: AppConfig) {
    const make = (name: string, points: number): Limiter => {
      const options = { keyPrefix: `${config.queuePrefix}:presence-code:${name}`, points, duration: PRESENCE_CODE_THROTTLE.windowSeconds, blockDuration: PRESENCE_CODE_THROTTLE.blockSeconds };
      // While Redis is away a per-process counter stands in, so signing in neither fails nor goes unguarded.
      return { points, limiter: new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) }) };
    };
    this.lesson = make('lesson', PRESENCE_CODE_THROTTLE.perLesson);
    this.device = make('device', PRESENCE_CODE_THROTTLE.perDevice);
  }

  /** Refuses the sign-in while the lesson or the device is blocked, before the code is looked at. */
  async assertAllowed(lessonId: string, device: string): Promise<void> {
    const wait = Math.max(await this.waitMs(this.lesson, lessonId), await this.waitMs(this.device, device));
    if (wait > 0) throw tooMany(wait);
  }

  /** Counts a wrong code on both keys. */
  async failed(lessonId: string, device: string): Promise<void> {
    await Promise.all([this.count(this.lesson, lessonId), this.count(this.device, device)]);
  }

  private async waitMs({ limiter, points }: Limiter, key: string): Promise<number> {
    try {
      const res = await limiter.get(key);
      return res && res.consumedPoints >= points ? Math.max(res.msBeforeNext, 1000) : 0;
    } catch (err) {
      logger.warn({ err }, 'begrenzing van aanmeldcodes niet bereikbaar');
      return 0;
    }
  }

  private async count({ limiter }: Limiter, key: string): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) logger.warn({ err }, 'begrenzing van aanmeldcodes niet bereikbaar');
    }
  }
}

function tooMany(waitMs: number): TooManyRequestsAppError {
  const minutes = Math.ceil(Math.ceil(waitMs / 1000) / 60);
  return new TooManyRequestsAppError(
    Math.ceil(waitMs / 1000),
    `Te veel onjuiste codes. Wacht ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} en probeer het dan opnieuw; laat bij twijfel de docent de kaart controleren.`,
  );
}

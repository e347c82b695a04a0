import { Inject, Injectable } from '@nestjs/common';
import type IORedis from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsAppError, logger } from '../common';
import { APP_CONFIG, AppConfig, LoginThrottleLimits } from '../config';
import { REDIS_PRODUCER } from '../jobs';

/**
 * Brute-force protection for login (BIO 9.4.2 / OWASP ASVS 2.2.1): after `perAccount` failed attempts on one e-mail
 * address, or `perAddress` from one network address, every login there is refused, the right password too, until the
 * window has passed. The counters live in Redis, so all API processes share them; unknown and known accounts are
 * counted and answered alike (no account oracle).
 */
export const DEFAULT_LOGIN_THROTTLE: LoginThrottleLimits = { perAccount: 10, perAddress: 100, windowSeconds: 15 * 60, blockSeconds: 15 * 60 };

interface Limiter {
  limiter: RateLimiterRedis;
  points: number;
}

@Injectable()
export class LoginThrottle {
  private readonly account: Limiter;
  private readonly address: Limiter;

  constructor(@Inject(REDIS_PRODUCER) redis: IORedis, @Inject(APP_CONFIG) config: AppConfig) {
    const limits = { ...DEFAULT_LOGIN_THROTTLE, ...config.loginThrottle };
    const make = (name: string, points: number): Limiter => {
      const options = { keyPrefix: `${config.queuePrefix}:login:${name}`, points, duration: limits.windowSeconds, blockDuration: limits.blockSeconds };
      // While Redis is away a per-process counter stands in, so login neither fails nor goes unguarded.
      return { points, limiter: new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: new RateLimiterMemory(options) }) };
    };
    this.account = make('account', limits.perAccount);
    this.address = make('address', limits.perAddress);
  }

  /** Refuses the attempt while the account or the address is blocked, before the password is even looked at. */
  async assertAllowed(email: string, address: string): Promise<void> {
    const waits = await Promise.all([this.waitMs(this.account, accountKey(email)), this.waitMs(this.address, address)]);
    const wait = Math.max(...waits);
    if (wait > 0) throw tooMany(wait);
  }

  /** Counts a failed attempt on both keys. */
  async failed(email: string, address: string): Promise<void> {
    await Promise.all([this.count(this.account, accountKey(email)), this.count(this.address, address)]);
  }

  /** A successful login clears the account's counter (the address keeps its count). */
  async succeeded(email: string): Promise<void> {
    await this.account.limiter.delete(accountKey(email)).catch(() => false);
  }

  private async waitMs({ limiter, points }: Limiter, key: string): Promise<number> {
    try {
      const res = await limiter.get(key);
      return res && res.consumedPoints >= points ? Math.max(res.msBeforeNext, 1000) : 0;
    } catch (err) {
      logger.warn({ err }, 'inlogbegrenzing niet bereikbaar');
      return 0;
    }
  }

  private async count({ limiter }: Limiter, key: string): Promise<void> {
    try {
      await limiter.consume(key, 1);
    } catch (err) {
      // Over the limit is expected (the next attempt is refused); anything else is the store.
      if (!(err instanceof RateLimiterRes)) logger.warn({ err }, 'inlogbegrenzing niet bereikbaar');
    }
  }
}

const accountKey = (email: string) => email.trim().toLowerCase();

function tooMany(waitMs: number): TooManyRequestsAppError {
  const seconds = Math.ceil(waitMs / 1000);
  const minutes = Math.ceil(seconds / 60);
  return new TooManyRequestsAppError(
    seconds,
    `Te veel mislukte inlogpogingen. Probeer het over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'} opnieuw.`,
  );
}

import type { Clock } from '../clock/clock';

// Runtime configuration, read once from the environment. Secrets never have a default in production.
export interface AppConfig {
  databaseUrl: string;
  redisUrl: string;
  /** Prefix for BullMQ keys, so several test files (or environments) can share one Redis. */
  queuePrefix: string;
  port: number;
  /** 32-byte key (base64) for encrypting BSNs at rest. */
  bsnKey: Buffer;
  /** Built portal to serve at `/`; absent in API-only runs. */
  portalDist?: string;
  production: boolean;
  sessionTtlHours: number;
  /** The clock services read the time from; tests pass a settable one. Defaults to the system clock. */
  clock?: Clock;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (!value) throw new Error(`Omgevingsvariabele ${name} ontbreekt.`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const bsnKey = Buffer.from(required(env, 'BSN_ENCRYPTION_KEY'), 'base64');
  if (bsnKey.length !== 32) throw new Error('BSN_ENCRYPTION_KEY moet 32 bytes (base64) zijn.');
  return {
    databaseUrl: required(env, 'DATABASE_URL'),
    redisUrl: required(env, 'REDIS_URL'),
    queuePrefix: env.QUEUE_PREFIX ?? 'ir',
    port: Number(env.PORT ?? 3000),
    bsnKey,
    portalDist: env.PORTAL_DIST || undefined,
    production: env.NODE_ENV === 'production',
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');

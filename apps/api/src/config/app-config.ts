import type { Clock } from '../clock';

/** Failed logins allowed per window, and how long a key stays blocked after that. */
export interface LoginThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
  blockSeconds: number;
}

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
  /**
   * Explicit local development (`npm start`, `npm run dev`, the tests): only then are introspection and field
   * suggestions on and may the session cookie go without `Secure`. Everything else gets the secure defaults.
   */
  development?: boolean;
  /** Login throttling; defaults in auth/login-throttle.ts. */
  loginThrottle?: Partial<LoginThrottleLimits>;
  sessionTtlHours: number;
  /** The clock services read the time from; tests pass a settable one. Defaults to the system clock. */
  clock?: Clock;
  /**
   * DUO's notification endpoint: the SHA-256 fingerprints (hex, any case, colons allowed) of the client certificates
   * DUO presents over mutual TLS. Empty: no notification is accepted.
   */
  duoNotificationCertFingerprints?: string[];
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
    development: isDevelopment(env),
    sessionTtlHours: Number(env.SESSION_TTL_HOURS ?? 12),
    duoNotificationCertFingerprints: (env.DUO_NOTIFICATION_CERT_FINGERPRINTS ?? '').split(',').map((f) => f.trim()).filter((f) => f !== ''),
  };
}

/** Only `APP_ENV=development` loosens the defaults; an unset or unknown value counts as production-like. */
export function isDevelopment(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.APP_ENV === 'development';
}

export const APP_CONFIG = Symbol('APP_CONFIG');

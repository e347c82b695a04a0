import type { Clock } from '../clock';
import { processEnvironment } from '../env';
import { validateEnvironment } from './environment';

/** Failed logins allowed per window, and how long a key stays blocked after that. */
export interface LoginThrottleLimits {
  perAccount: number;
  perAddress: number;
  windowSeconds: number;
  blockSeconds: number;
}

export const SECOND_FACTOR_MODES = ['required', 'offered'] as const;
export type SecondFactorMode = (typeof SECOND_FACTOR_MODES)[number];

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
  /** Absolute session lifetime: a session ends this long after login, however active. */
  sessionTtlHours: number;
  /** Idle timeout: a session without a request for this long ends (default 30 minutes; tests use seconds). */
  sessionIdleSeconds?: number;
  /**
   * `required` (default): every user needs a second factor; after the password a user without one can only enrol.
   * `offered`: a user may enrol and is then asked for it at login (the demo and the test platform, whose accounts have none).
   */
  secondFactor?: SecondFactorMode;
  /**
   * The portal's address as users reach it (`https://inburgering.example.nl`): the origin passkeys are bound to, and
   * (its host name) their relying party id. Absent: the origin the request came from (local development, the tests).
   */
  portalOrigin?: string;
  /** The passkeys' relying party id when it must differ from the portal's host name (a parent domain); rarely needed. */
  passkeyRpId?: string;
  /** The clock services read the time from; tests pass a settable one. Defaults to the system clock. */
  clock?: Clock;
  /** Address the API listens on (default loopback; 0.0.0.0 in a container). */
  host?: string;
  /** Port of the Prometheus metrics endpoint (not the API's port, never served with the portal); absent = off. */
  metricsPort?: number;
  /** OTLP/HTTP endpoint for traces; absent = no export. */
  otlpEndpoint?: string;
  /** How long SIGTERM waits for requests in flight (API) or the current jobs (worker) before it stops anyway. */
  shutdownGraceMs?: number;
  /** Worker lock and stall timings (BullMQ defaults when absent). */
  workerTimings?: { lockDurationMs?: number; stalledIntervalMs?: number };
  /**
   * DUO's notification endpoint: the SHA-256 fingerprints (hex, any case, colons allowed) of the client certificates
   * DUO presents over mutual TLS. Empty: no notification is accepted.
   */
  duoNotificationCertFingerprints?: string[];
  /** DUO's mutual-TLS notification listener (port, server certificate, key, CA of DUO's client certificate); absent = off. */
  duoNotify?: { port: number; host: string; certPath: string; keyPath: string; caPath: string };
}

/**
 * Reads and validates the environment (see environment.ts): a missing DATABASE_URL, REDIS_URL or BSN_ENCRYPTION_KEY
 * stops the start with one message naming every missing or wrong variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = processEnvironment()): AppConfig {
  const vars = validateEnvironment(env);
  return {
    databaseUrl: vars.DATABASE_URL,
    redisUrl: vars.REDIS_URL,
    queuePrefix: vars.QUEUE_PREFIX ?? 'ir',
    port: vars.PORT ?? 3000,
    host: vars.HOST ?? '127.0.0.1',
    bsnKey: Buffer.from(vars.BSN_ENCRYPTION_KEY, 'base64'),
    portalDist: vars.PORTAL_DIST,
    production: vars.NODE_ENV === 'production',
    development: isDevelopment(env),
    sessionTtlHours: vars.SESSION_TTL_HOURS ?? 12,
    sessionIdleSeconds: (vars.SESSION_IDLE_MINUTES ?? 30) * 60,
    secondFactor: (vars.SECOND_FACTOR as SecondFactorMode | undefined) ?? 'required',
    portalOrigin: vars.PORTAL_ORIGIN?.replace(/\/+$/, ''),
    passkeyRpId: vars.PASSKEY_RP_ID,
    metricsPort: vars.METRICS_PORT,
    otlpEndpoint: vars.OTEL_EXPORTER_OTLP_ENDPOINT,
    shutdownGraceMs: vars.SHUTDOWN_GRACE_MS ?? 25_000,
    workerTimings: { lockDurationMs: vars.WORKER_LOCK_DURATION_MS, stalledIntervalMs: vars.WORKER_STALLED_INTERVAL_MS },
    duoNotificationCertFingerprints: (vars.DUO_NOTIFICATION_CERT_FINGERPRINTS ?? '').split(',').map((f) => f.trim()).filter((f) => f !== ''),
    duoNotify: vars.DUO_NOTIFY_PORT !== undefined && vars.DUO_NOTIFY_CERT && vars.DUO_NOTIFY_KEY && vars.DUO_NOTIFY_CA
      ? { port: vars.DUO_NOTIFY_PORT, host: vars.DUO_NOTIFY_HOST ?? '0.0.0.0', certPath: vars.DUO_NOTIFY_CERT, keyPath: vars.DUO_NOTIFY_KEY, caPath: vars.DUO_NOTIFY_CA }
      : undefined,
  };
}

/** Only `APP_ENV=development` loosens the defaults; an unset or unknown value counts as production-like. */
export function isDevelopment(env: NodeJS.ProcessEnv = processEnvironment()): boolean {
  return env.APP_ENV === 'development';
}

export const APP_CONFIG = Symbol('APP_CONFIG');

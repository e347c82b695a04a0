import { logger } from './logger';

/** After the grace period, closing may still wait for a database or Redis that is gone (BullMQ waits for Redis forever). */
export const SHUTDOWN_BACKSTOP_MS = 10_000;

/**
 * Ends the process if stopping has not finished `graceMs + SHUTDOWN_BACKSTOP_MS` after the signal, so that a stop never
 * hangs on a connection that will not return. Exit code 1: the stop was not clean.
 */
export function exitIfStillStopping(graceMs: number, who: 'API' | 'worker'): void {
  setTimeout(() => {
    logger.error(`${who} stopt zonder af te ronden: PostgreSQL of Redis antwoordde niet meer`);
    process.exit(1);
  }, graceMs + SHUTDOWN_BACKSTOP_MS).unref();
}

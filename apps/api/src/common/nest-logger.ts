import type { LoggerService } from '@nestjs/common';
import { logger } from './logger';
import { safeError, scrubText } from './safe-error';

// Nest hands over error objects (its exception handler logs the exception itself) or their message and stack;
// a database error's message repeats the offending value, so both go through the same scrubbing as `err`.
function text(message: unknown): string {
  return message instanceof Error ? `${safeError(message).type}` : scrubText(String(message));
}

/** Routes NestJS's own log lines into the structured logger. */
export class NestPinoLogger implements LoggerService {
  log(message: unknown, context?: string) { logger.info({ context }, String(message)); }
  error(message: unknown, trace?: string, context?: string) {
    if (message instanceof Error) logger.error({ context, err: message }, text(message));
    else logger.error({ context, trace }, text(message));
  }
  warn(message: unknown, context?: string) { logger.warn({ context }, text(message)); }
  debug(message: unknown, context?: string) { logger.debug({ context }, String(message)); }
  verbose(message: unknown, context?: string) { logger.trace({ context }, String(message)); }
}

import type { Logger as TypeormLogger } from 'typeorm';
import { logger, databaseErrorCode, scrubText } from '../common';

const MAX_QUERY_CHARS = 2000;

/**
 * TypeORM's own logging, routed into the structured log without ever writing a statement's parameters:
 * they hold BSNs, names, dates of birth and intake notes. A failed statement is logged as its SQLSTATE code and text.
 */
export class SafeTypeormLogger implements TypeormLogger {
  logQuery(query: string): void {
    logger.trace({ query: query.slice(0, MAX_QUERY_CHARS) }, 'sql');
  }

  logQueryError(error: string | Error, query: string): void {
    logger.debug({ code: databaseErrorCode(error) ?? undefined, query: query.slice(0, MAX_QUERY_CHARS) }, 'sql mislukt');
  }

  logQuerySlow(time: number, query: string): void {
    logger.warn({ ms: time, query: query.slice(0, MAX_QUERY_CHARS) }, 'trage sql');
  }

  logSchemaBuild(message: string): void {
    logger.debug(scrubText(message));
  }

  logMigration(message: string): void {
    logger.info(scrubText(message));
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    const text = scrubText(String(message));
    if (level === 'warn') logger.warn(text);
    else logger.info(text);
  }
}

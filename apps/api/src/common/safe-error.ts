// What of an error may go into a log. Database errors carry the statement's parameters (BSN, names, dates of birth,
// intake notes) and PostgreSQL repeats the offending value in its message and `detail`; only the SQLSTATE code and the
// statement text (placeholders, no values) may be logged.

export interface SafeErrorLog {
  type: string;
  code?: string;
  query?: string;
  message?: string;
  stack?: string;
}

interface DatabaseErrorLike {
  name?: string;
  code?: unknown;
  query?: unknown;
  driverError?: { code?: unknown };
  severity?: unknown;
}

const SQLSTATE = /^[0-9A-Z]{5}$/;
const MAX_QUERY_CHARS = 2000;

/** The SQLSTATE of a TypeORM QueryFailedError or a raw pg error, or null when the error is not from the database. */
export function databaseErrorCode(error: unknown): string | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as DatabaseErrorLike;
  const code = e.driverError?.code ?? (e.severity !== undefined || e.name === 'QueryFailedError' ? e.code : undefined);
  return typeof code === 'string' && SQLSTATE.test(code) ? code : null;
}

function isDatabaseError(error: object): boolean {
  const name = (error as DatabaseErrorLike).name ?? error.constructor?.name;
  return databaseErrorCode(error) !== null || name === 'QueryFailedError' || name === 'DatabaseError' || name === 'EntityNotFoundError';
}

/** Masks values PostgreSQL and TypeORM quote in their messages, and anything that looks like a BSN. */
export function scrubText(text: string): string {
  return text
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/'(?:[^'\\]|\\.)*'/g, "'…'")
    .replace(/\b\d{8,9}\b/g, '[getal]');
}

export function safeError(error: unknown): SafeErrorLog {
  if (!error || typeof error !== 'object') return { type: typeof error, message: scrubText(String(error)) };
  const type = (error as { name?: string }).name ?? error.constructor?.name ?? 'Error';
  if (isDatabaseError(error)) {
    const query = (error as DatabaseErrorLike).query;
    return {
      type,
      code: databaseErrorCode(error) ?? undefined,
      query: typeof query === 'string' ? query.slice(0, MAX_QUERY_CHARS) : undefined,
    };
  }
  const { message, stack } = error as { message?: unknown; stack?: unknown };
  return {
    type,
    message: typeof message === 'string' ? scrubText(message) : undefined,
    stack: typeof stack === 'string' ? scrubText(stack) : undefined,
  };
}

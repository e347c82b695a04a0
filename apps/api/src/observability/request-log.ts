import { type LogContext, requestLineLogger } from '../common';

/**
 * The one log line of a finished request (health probes excepted): method, path without query string, status and time,
 * never a body, a query string or a cookie, with the request's log context (request id, organisation, role, GraphQL
 * operation). Written here instead of by pino-http, which built a child logger per request.
 */
export function logFinishedRequest(method: string, path: string, status: number, responseTime: number, context: LogContext | undefined): void {
  if (path.startsWith('/health')) return;
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  const logger = requestLineLogger();
  if (!logger.isLevelEnabled(level)) return;
  logger[level]({ ...context, req: { method, path }, res: { statusCode: status }, responseTime: Math.round(responseTime) }, 'verzoek afgehandeld');
}

/** A request whose connection closed before its answer was sent (the client went away). */
export function logAbortedRequest(method: string, path: string, responseTime: number, context: LogContext | undefined): void {
  if (path.startsWith('/health')) return;
  requestLineLogger().warn({ ...context, req: { method, path }, responseTime: Math.round(responseTime) }, 'verzoek afgebroken');
}

import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * What every log line of one request or job carries: its id and, once known, the acting user's organisation and role.
 * Ids and a role only, never personal data.
 */
export interface LogContext {
  requestId?: string;
  jobId?: string;
  job?: string;
  organisationId?: string;
  role?: string;
  /** A GraphQL request's operation name, user and number of errors: on its one request line (graphql-options). */
  operation?: string;
  userId?: string;
  graphqlErrors?: number;
}

/**
 * A request as the API handles it: its log context attached first thing (observability/request-context). The API passes
 * it explicitly, to the request line, the error lines and (as the actor's `requestId`) the jobs a request causes.
 */
export interface RequestWithLogContext {
  logContext?: LogContext;
}

/** The log context of a request (undefined for an object that is no request). */
export function logContextOf(request: unknown): LogContext | undefined {
  return (request as RequestWithLogContext | null | undefined)?.logContext;
}

/**
 * The worker's implicit context: every line a job writes carries its ids. Not used on the API's request path: on Node 20
 * an entered AsyncLocalStorage runs a hook for every promise, a tenth of the cheapest request's CPU or more.
 */
const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` on every log line written inside it (also after awaits). */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The context of the running job (in the worker; undefined in the API). */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

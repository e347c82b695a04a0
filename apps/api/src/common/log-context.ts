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

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` on every log line written inside it (also after awaits). */
export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The context of the current request or job (mutable: the access check adds organisation and role). */
export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}

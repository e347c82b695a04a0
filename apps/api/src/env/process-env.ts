// The one file that reads the process environment. config/ validates all of it into AppConfig (environment.ts); the
// logger and the database pool take their few settings from here because they are set up before that configuration.

export function processEnvironment(): NodeJS.ProcessEnv {
  return process.env;
}

/** The logger's settings (LOG_LEVEL, LOG_FILE, SERVICE_NAME), read when the logger is created. */
export function loggingEnvironment(): { level: string; file: string | undefined; service: string } {
  const env = processEnvironment();
  return { level: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'), file: env.LOG_FILE || undefined, service: env.SERVICE_NAME || 'api' };
}

/** Connections per process in the database pool (DB_POOL_SIZE; 10 when unset). */
export function databasePoolSize(): number {
  const size = Number(processEnvironment().DB_POOL_SIZE);
  return Number.isInteger(size) && size > 0 ? size : 10;
}

import pino from 'pino';
import { loggingEnvironment } from '../env';
import { currentLogContext, logContextOf } from './log-context';
import { safeError, scrubText } from './safe-error';

// Structured JSON logs. Personal data never belongs in a log; these paths are redacted in case it slips in.
export const REDACTED_PATHS = [
  'bsn', '*.bsn', '*.*.bsn', 'password', '*.password', 'input.bsn', 'variables', '*.variables',
  'firstName', 'lastName', '*.firstName', '*.lastName', 'dateOfBirth', '*.dateOfBirth',
  'req.headers.cookie', 'headers.cookie', 'cookie', 'intakeNotes', '*.intakeNotes',
  'parameters', '*.parameters', 'detail', '*.detail',
];

/**
 * `LOG_FILE` sends the log to a file (appended, written synchronously) instead of stdout; the integration tests
 * use it to check a whole run's server log for personal data.
 */
function destination(): pino.DestinationStream | undefined {
  const { file } = loggingEnvironment();
  return file ? pino.destination({ dest: file, append: true, sync: true, mkdir: true }) : undefined;
}

export const logger = pino(
  {
    level: loggingEnvironment().level,
    redact: { paths: REDACTED_PATHS, censor: '[verwijderd]' },
    base: { service: loggingEnvironment().service },
    timestamp: pino.stdTimeFunctions.isoTime,
    // The request (or job) id, organisation and role on every line written while handling it.
    mixin: () => ({ ...currentLogContext() }),
    // Errors are logged by type, SQLSTATE code and statement text only, never with their parameters or `detail`.
    serializers: { err: safeError, error: safeError, trace: (value: unknown) => (typeof value === 'string' ? scrubText(value) : value) },
  },
  destination(),
);

const requestLines = logger.child({}, { redact: [] });

/**
 * The logger of the one line per finished request (observability/request-log): method, path, status, time and the log
 * context (ids, role, operation name), none of them under a redacted path. Without the redaction pass, which walked
 * `req` and `res` for the wildcard paths on every request and cost more than writing the line; the same stream, output
 * and level (a child keeps the level it was made with: it follows the root logger's, which a test may change).
 */
export function requestLineLogger(): pino.Logger {
  if (requestLines.level !== logger.level) requestLines.level = logger.level;
  return requestLines;
}

/**
 * The logger for lines a request writes outside the request line (the API keeps no implicit context per request):
 * they carry the request's id. For rare paths only (single sign-on); a child logger per call is not free.
 */
export function requestLogger(request: unknown): pino.Logger {
  const context = logContextOf(request);
  return context ? logger.child(context) : logger;
}

import pino from 'pino';

// Structured JSON logs. Personal data never belongs in a log; these paths are redacted in case it slips in.
export const REDACTED_PATHS = [
  'bsn', '*.bsn', '*.*.bsn', 'password', '*.password', 'input.bsn', 'variables', '*.variables',
  'firstName', 'lastName', '*.firstName', '*.lastName', 'dateOfBirth', '*.dateOfBirth',
  'req.headers.cookie', 'headers.cookie', 'cookie', 'intakeNotes', '*.intakeNotes',
];

export const logger = pino({
  level: process.env.LOG_LEVEL ?? (process.env.NODE_ENV === 'test' ? 'warn' : 'info'),
  redact: { paths: REDACTED_PATHS, censor: '[verwijderd]' },
  base: { service: process.env.SERVICE_NAME ?? 'api' },
  timestamp: pino.stdTimeFunctions.isoTime,
});

import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, IsUrl, Matches, Max, Min, validateSync } from 'class-validator';

// The one place the API and the worker read their environment. Every variable is declared and checked here; the
// rest of the code gets the typed `AppConfig` (scripts/ and the tests may set variables, nothing else reads them).
const ALWAYS_REQUIRED = ['DATABASE_URL', 'REDIS_URL', 'BSN_ENCRYPTION_KEY'] as const;

export class EnvironmentVariables {
  @IsNotEmpty({ message: 'DATABASE_URL ontbreekt (postgres://gebruiker:wachtwoord@host:5432/database).' })
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL moet met postgres:// of postgresql:// beginnen.' })
  DATABASE_URL!: string;

  @IsNotEmpty({ message: 'REDIS_URL ontbreekt (redis://host:6379).' })
  @Matches(/^rediss?:\/\//, { message: 'REDIS_URL moet met redis:// of rediss:// beginnen.' })
  REDIS_URL!: string;

  @IsNotEmpty({ message: 'BSN_ENCRYPTION_KEY ontbreekt (32 bytes, base64: openssl rand -base64 32).' })
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'BSN_ENCRYPTION_KEY moet 32 bytes zijn, base64 (openssl rand -base64 32).' })
  BSN_ENCRYPTION_KEY!: string;

  @IsOptional() @IsIn(['production', 'development', 'test'], { message: 'NODE_ENV moet production, development of test zijn.' })
  NODE_ENV?: string;

  @IsOptional() @IsString() APP_ENV?: string;
  @IsOptional() @IsString() QUEUE_PREFIX?: string;
  @IsOptional() @IsString() HOST?: string;
  @IsOptional() @IsString() PORTAL_DIST?: string;
  @IsOptional() @IsString() LOG_FILE?: string;
  @IsOptional() @IsString() SERVICE_NAME?: string;
  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], { message: 'LOG_LEVEL moet fatal, error, warn, info, debug, trace of silent zijn.' })
  LOG_LEVEL?: string;
  @IsOptional() @IsInt({ message: 'DB_POOL_SIZE moet een getal zijn.' }) @Min(1) DB_POOL_SIZE?: number;

  @IsOptional() @IsInt({ message: 'PORT moet een getal zijn.' }) @Min(0) @Max(65535) PORT?: number;
  @IsOptional() @IsInt({ message: 'METRICS_PORT moet een getal zijn.' }) @Min(0) @Max(65535) METRICS_PORT?: number;
  @IsOptional() @IsInt({ message: 'SESSION_TTL_HOURS moet een getal zijn.' }) @Min(1) SESSION_TTL_HOURS?: number;
  @IsOptional() @IsInt({ message: 'SESSION_IDLE_MINUTES moet een getal zijn.' }) @Min(1) SESSION_IDLE_MINUTES?: number;
  @IsOptional() @IsIn(['required', 'offered'], { message: 'SECOND_FACTOR moet required of offered zijn.' }) SECOND_FACTOR?: string;
  @IsOptional() @Matches(/^https?:\/\/[^/\s]+\/?$/, { message: 'PORTAL_ORIGIN moet een adres zonder pad zijn, bijvoorbeeld https://inburgering.example.nl.' }) PORTAL_ORIGIN?: string;
  @IsOptional() @Matches(/^[a-z0-9.-]+$/, { message: 'PASSKEY_RP_ID moet een domeinnaam zijn, bijvoorbeeld example.nl.' }) PASSKEY_RP_ID?: string;
  @IsOptional() @IsInt({ message: 'SHUTDOWN_GRACE_MS moet een getal zijn.' }) @Min(0) SHUTDOWN_GRACE_MS?: number;
  @IsOptional() @IsInt({ message: 'WORKER_LOCK_DURATION_MS moet een getal zijn.' }) @Min(1) WORKER_LOCK_DURATION_MS?: number;
  @IsOptional() @IsInt({ message: 'WORKER_STALLED_INTERVAL_MS moet een getal zijn.' }) @Min(1) WORKER_STALLED_INTERVAL_MS?: number;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true }, { message: 'OTEL_EXPORTER_OTLP_ENDPOINT moet een URL zijn.' })
  OTEL_EXPORTER_OTLP_ENDPOINT?: string;

  /** Comma-separated SHA-256 fingerprints of DUO's client certificates. */
  @IsOptional() @IsString() DUO_NOTIFICATION_CERT_FINGERPRINTS?: string;
  @IsOptional() @IsInt({ message: 'DUO_NOTIFY_PORT moet een getal zijn.' }) @Min(0) @Max(65535) DUO_NOTIFY_PORT?: number;
  @IsOptional() @IsString() DUO_NOTIFY_HOST?: string;
  @IsOptional() @IsString() DUO_NOTIFY_CERT?: string;
  @IsOptional() @IsString() DUO_NOTIFY_KEY?: string;
  @IsOptional() @IsString() DUO_NOTIFY_CA?: string;
}

/** Raised when the environment is incomplete or wrong; names every variable at once. */
export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`De configuratie is niet compleet; het platform start niet:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

const NUMERIC = ['PORT', 'DB_POOL_SIZE', 'METRICS_PORT', 'SESSION_TTL_HOURS', 'SESSION_IDLE_MINUTES', 'SHUTDOWN_GRACE_MS', 'WORKER_LOCK_DURATION_MS', 'WORKER_STALLED_INTERVAL_MS', 'DUO_NOTIFY_PORT'] as const;

/** Validates the environment against `EnvironmentVariables`; empty strings count as missing. */
export function validateEnvironment(env: NodeJS.ProcessEnv): EnvironmentVariables {
  const plain: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined && value !== '') plain[key] = value;
  for (const key of NUMERIC) if (typeof plain[key] === 'string') plain[key] = /^\d+$/.test(plain[key] as string) ? Number(plain[key]) : plain[key];
  const parsed = plainToInstance(EnvironmentVariables, plain);
  const errors = validateSync(parsed, { skipMissingProperties: false, whitelist: false });
  // The required ones first, in a fixed order, so the message reads the same every time.
  const order = (property: string) => { const index = (ALWAYS_REQUIRED as readonly string[]).indexOf(property); return index < 0 ? ALWAYS_REQUIRED.length : index; };
  const problems = errors
    .sort((a, b) => order(a.property) - order(b.property))
    .map((error) => error.constraints?.isNotEmpty ?? Object.values(error.constraints ?? {})[0] ?? `${error.property} is ongeldig.`);
  if (problems.length > 0) throw new ConfigurationError(problems);
  return parsed;
}

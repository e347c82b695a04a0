// The bench's PostgreSQL: the embedded server as `npm start` runs it (persistent data dir, fsync on), kept in
// .data/bench/postgres. Generated data lives in a template database per scale, built once (at the schema of
// BASE_MIGRATIONS) and reused; every run works on a fresh copy of it with all current migrations applied.
import { spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/database/data-source-options';
import { ALL_MIGRATIONS } from '../../migrations';
import type { BenchScale } from './bench-scales';
import { BASE_MIGRATIONS, generateNationalData, GENERATOR_VERSION, type GeneratedCounts } from './national-data';

type EmbeddedPostgres = Awaited<ReturnType<typeof import('../../scripts/lib/embedded-postgres.mjs').startEmbeddedPostgres>>;
const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<typeof import('../../scripts/lib/embedded-postgres.mjs')>;

export const ROOT = join(__dirname, '../..');
/** A fixed key: the template's encrypted BSNs must stay readable across runs (bench data only, never real). */
export const BENCH_BSN_KEY = Buffer.alloc(32, 7);

interface TemplateMarker {
  version: number;
  generatedOn: string;
  seconds: number;
  counts: GeneratedCounts;
}

export interface BenchDatabase {
  pg: EmbeddedPostgres;
  url: string;
  template: TemplateMarker;
  /** Built in this run (false: reused). */
  built: boolean;
  sizeBytes: number;
}

async function withClient<T>(url: string, action: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

export async function prepareBenchDatabase(scale: BenchScale, options: { rebuild: boolean; log: (line: string) => void }): Promise<BenchDatabase> {
  const { log } = options;
  const { startEmbeddedPostgres } = await nativeImport(join(ROOT, 'scripts/lib/embedded-postgres.mjs'));
  const logDir = join(ROOT, '.data/bench/logs');
  mkdirSync(logDir, { recursive: true });
  const pgLog = (message: unknown) => appendFileSync(join(logDir, 'postgres.log'), `${String(message).trimEnd()}\n`);
  const pg = await startEmbeddedPostgres(join(ROOT, '.data/bench/postgres'), { persistent: true, log: pgLog });
  const template = `bench_${scale.name}_template`;
  const run = `bench_${scale.name}_run`;
  const admin = pg.url('postgres');
  let marker = await withClient(admin, async (client) => {
    const { rows } = await client.query<{ comment: string | null }>(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [template]);
    if (!rows[0]?.comment) return null;
    const parsed = JSON.parse(rows[0].comment) as TemplateMarker;
    return parsed.version === GENERATOR_VERSION ? parsed : null;
  });
  let built = false;
  if (!marker || options.rebuild) {
    built = true;
    const build = `bench_${scale.name}_build`;
    log(`Benchdata genereren (schaal ${scale.name}) in ${build}…`);
    await withClient(admin, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${build}`);
      await client.query(`CREATE DATABASE ${build}`);
    });
    const base = ALL_MIGRATIONS.filter((m) => BASE_MIGRATIONS.includes(m.name));
    const db = new DataSource({ ...dataSourceOptions(pg.url(build)), migrations: base, extra: { max: 2 } });
    await db.initialize();
    await db.runMigrations({ transaction: 'each' });
    await db.destroy();
    const started = performance.now();
    const counts = await withClient(pg.url(build), (client) => withClient(pg.url(build), (second) => generateNationalData(client, second, scale, BENCH_BSN_KEY, log)));
    marker = { version: GENERATOR_VERSION, generatedOn: new Date().toISOString().slice(0, 10), seconds: Math.round((performance.now() - started) / 1000), counts };
    await withClient(admin, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${template}`);
      await client.query(`ALTER DATABASE ${build} RENAME TO ${template}`);
      await client.query(`COMMENT ON DATABASE ${template} IS '${JSON.stringify(marker).replace(/'/g, "''")}'`);
    });
    log(`Benchdata gegenereerd in ${marker.seconds} s.`);
  } else {
    log(`Benchdata (schaal ${scale.name}, gegenereerd op ${marker.generatedOn}) hergebruikt uit .data/bench.`);
  }
  const copyStarted = performance.now();
  await withClient(admin, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${run} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${run} TEMPLATE ${template} STRATEGY FILE_COPY`);
  });
  log(`Kopie van de benchdata gemaakt in ${((performance.now() - copyStarted) / 1000).toFixed(1)} s.`);
  const url = pg.url(run);
  // All current migrations on top (what later migrations backfill, they backfill here), as `npm start` would.
  const migrate = spawnSync(process.execPath, ['-r', join(ROOT, 'scripts/register.cjs'), join(ROOT, 'apps/api/src/cli/migrate.ts')], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url, REDIS_URL: 'redis://127.0.0.1:1', BSN_ENCRYPTION_KEY: BENCH_BSN_KEY.toString('base64') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (migrate.status !== 0) throw new Error(`Migreren van de benchdatabase mislukt (exitcode ${migrate.status}).`);
  log(migrate.stdout.toString().trim());
  const sizeBytes = await withClient(url, async (client) => {
    await client.query('ANALYZE');
    await client.query('CHECKPOINT');
    const { rows } = await client.query<{ size: string }>(`SELECT pg_database_size(current_database())::text AS size`);
    return Number(rows[0].size);
  });
  return { pg, url, template: marker, built, sizeBytes };
}

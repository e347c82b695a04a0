// `npm run bench`: measures request latency and memory of the API on real PostgreSQL and Redis (loopback only,
// bounded loops). Speed targets are read from this output, never asserted in timed tests.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { openDataSource } from '../../apps/api/src/database/open-data-source';
import { seedDemoData } from '../../apps/api/src/seed/seed-demo-data';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { benchHoursImport } from './hours-import-bench';

const nativeImport = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<typeof import('../../scripts/lib/embedded-postgres.mjs')>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedis } = require('../../scripts/lib/redis-server.cjs') as typeof import('../../scripts/lib/redis-server.cjs');

interface Measurement {
  name: string;
  runs: number;
  p50: number;
  p95: number;
  max: number;
}

async function measure(name: string, runs: number, action: () => Promise<unknown>): Promise<Measurement> {
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await action();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => Number(times[Math.min(times.length - 1, Math.floor(q * times.length))].toFixed(1));
  return { name, runs, p50: at(0.5), p95: at(0.95), max: at(1) };
}

const must = async (session: GraphqlSession, query: string) => {
  const result = await session.request(query);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
};

async function main() {
  const root = join(__dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'ir-bench-'));
  const { startEmbeddedPostgres } = await nativeImport(join(root, 'scripts/lib/embedded-postgres.mjs'));
  const pg = await startEmbeddedPostgres(join(dir, 'postgres'), { persistent: false });
  const redis = await startRedis(join(dir, 'redis'));
  await pg.ensureDatabase('bench');
  const bsnKey = Buffer.alloc(32, 1);
  const env = { ...process.env, DATABASE_URL: pg.url('bench'), REDIS_URL: redis.url, BSN_ENCRYPTION_KEY: bsnKey.toString('base64') };
  spawnSync(process.execPath, ['-r', join(root, 'scripts/register.cjs'), join(root, 'apps/api/src/cli/migrate.ts')], { env, stdio: 'inherit' });
  const db = await openDataSource(pg.url('bench'));
  const seedStarted = performance.now();
  await seedDemoData(db, bsnKey);
  const seedMs = performance.now() - seedStarted;
  await db.destroy();

  const config = { databaseUrl: pg.url('bench'), redisUrl: redis.url, queuePrefix: 'bench', port: 0, bsnKey, production: true, sessionTtlHours: 1 };
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  try {
    const consultant = await loginAs(url, 'consulent@arnhem.demo.nl');
    const leider = await loginAs(url, 'projectleider@midden-gelderland.demo.nl');
    const provider = await loginAs(url, 'aanbieder@newbees.demo.nl');
    const results = [
      await measure('login (argon2id)', 10, () => loginAs(url, 'consulent@arnhem.demo.nl')),
      await measure('clients, 50 per page (consulent)', 200, () => must(consultant, '{ clients(limit: 50) { total items { id clientNumber bsnMasked deadlines { pip { status } } } } }')),
      await measure('lots with providers and municipalities (projectleider)', 200, () => must(leider, '{ lots { id name providers { name } municipalities { name } region { name } } }')),
      await measure('lots (aanbieder)', 200, () => must(provider, '{ lots { id name } }')),
    ];
    const memory = process.memoryUsage();
    console.log(`\nDemodata laden: ${seedMs.toFixed(0)} ms`);
    console.table(results);
    console.table(await benchHoursImport(url, config));
    console.log(`Geheugen API-proces: rss ${(memory.rss / 1048576).toFixed(0)} MiB, heap ${(memory.heapUsed / 1048576).toFixed(0)} MiB`);
  } finally {
    await app.close();
    await redis.stop();
    await pg.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

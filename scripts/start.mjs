// `npm start`: brings the whole platform up on one origin, with demo data, on embedded defaults.
// With DATABASE_URL / REDIS_URL set it uses those and starts nothing of its own. `--dev` adds reload. `--fake-duo` (or
// DUO_FAKE=1) also starts the bundled fake DUO and the API's notification port, and prints what to set on /duo/koppeling.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './lib/embedded-postgres.mjs';
import freePortModule from './lib/free-port.cjs';
import { portalBuildIsCurrent, recordPortalBuild } from './lib/portal-freshness.mjs';
import redisModule from './lib/redis-server.cjs';
import systemPackages from './lib/system-packages.cjs';

const { freePort } = freePortModule;
const { startRedis } = redisModule;
const { ensureSystemPackages, REDIS } = systemPackages;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, '.data');
const dev = process.argv.includes('--dev');
const register = join(root, 'scripts/register.cjs');
const fakeDuo = process.argv.includes('--fake-duo') || process.env.DUO_FAKE === '1';
const fakeDuoCli = 'apps/api/src/cli/fake-duo.ts';

const say = (message) => console.log(`[inburgering] ${message}`);
const stops = [];
const children = [];
let stopping = false;

async function shutdown(code) {
  if (stopping) return;
  stopping = true;
  say('Afsluiten…');
  await Promise.all(
    children.map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
  say('Alles is gestopt.');
  process.exit(code);
}
// embedded-postgres (through async-exit-hook) stops its clusters and exits the process on SIGINT/SIGTERM, racing the
// orderly shutdown above: PostgreSQL went down under the draining API and worker, and Redis was left running.
for (const signal of ['SIGINT', 'SIGTERM']) process.removeAllListeners(signal);
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

function runStep(label, command, args, env) {
  say(label);
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${label} mislukt (exitcode ${result.status}).`);
}

/** First restart delay of a worker that died; it doubles per quick death up to RESTART_MAX_MS. */
const RESTART_FIRST_MS = 1_000;
const RESTART_MAX_MS = 60_000;
/** A worker that ran this long before dying counts as healthy: the next restart starts from the first delay again. */
const HEALTHY_RUN_MS = 60_000;

/**
 * Starts a child process. Without `restart` its death stops the whole platform (the API, the portal). With `restart`
 * (the worker) it is started again with backoff while the API stays up: a job that killed the worker is failed by
 * BullMQ after its stalls, so a restarted worker does not die on it forever.
 */
function startChild(name, args, env, { restart = false } = {}) {
  let delay = RESTART_FIRST_MS;
  const launch = () => {
    const startedAt = Date.now();
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: 'inherit' });
    children.push(child);
    child.once('exit', (code, signal) => {
      children.splice(children.indexOf(child), 1);
      if (stopping) return;
      console.error(`[inburgering] ${name} is onverwacht gestopt (${signal ?? code}).`);
      if (!restart) return void shutdown(1);
      if (Date.now() - startedAt >= HEALTHY_RUN_MS) delay = RESTART_FIRST_MS;
      say(`${name} wordt over ${Math.round(delay / 1000)} s opnieuw gestart; de API blijft draaien.`);
      setTimeout(() => { if (!stopping) launch(); }, delay);
      delay = Math.min(delay * 2, RESTART_MAX_MS);
    });
    return child;
  };
  return launch();
}

async function waitForReady(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${url}/health/ready`)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error('De API werd niet gereed binnen een minuut.');
}

/** The BSN key of this installation, made once and kept in .data (set BSN_ENCRYPTION_KEY in production). */
function bsnKey() {
  if (process.env.BSN_ENCRYPTION_KEY) return process.env.BSN_ENCRYPTION_KEY;
  const file = join(dataDir, 'bsn-encryption.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    say('PostgreSQL starten (ingebouwd, gegevens in .data/postgres)…');
    const pg = await startEmbeddedPostgres(join(dataDir, 'postgres'), { say });
    stops.push(() => pg.stop());
    await pg.ensureDatabase('inburgering');
    databaseUrl = pg.url('inburgering');
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    const redisServer = ensureSystemPackages([REDIS], { say });
    if (!redisServer.ok) {
      console.error(`[inburgering] ${redisServer.message}\nOf zet REDIS_URL naar een bestaande Redis, bijvoorbeeld REDIS_URL=redis://127.0.0.1:6379.`);
      return shutdown(1);
    }
    say('Redis starten (gegevens in .data/redis, append-only, noeviction)…');
    const redis = await startRedis(join(dataDir, 'redis'));
    stops.push(() => redis.stop());
    redisUrl = redis.url;
  }
  const port = Number(process.env.PORT ?? ((await portIsFree(3000)) ? 3000 : await freePort()));
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    BSN_ENCRYPTION_KEY: bsnKey(),
    PORT: String(port),
    // Local demo on http://127.0.0.1: introspection, field suggestions and a cookie without Secure (see config/app-config.ts).
    APP_ENV: process.env.APP_ENV ?? 'development',
    // The console shows the banner and what goes wrong; every request and job (JSON lines) with LOG_LEVEL=info.
    LOG_LEVEL: process.env.LOG_LEVEL ?? (dev ? 'info' : 'warn'),
    // The demo accounts have no second factor: offered, not required (production's default is required).
    SECOND_FACTOR: process.env.SECOND_FACTOR ?? 'offered',
    ...(dev ? {} : { PORTAL_DIST: join(root, 'dist/provider-portal') }),
  };

  const duo = fakeDuo ? await prepareFakeDuo(env) : null;

  runStep('Database bijwerken (migraties) en demodata laden indien leeg…', process.execPath, ['-r', register, 'apps/api/src/cli/migrate.ts', '--seed'], env);
  if (!dev && portalBuildIsCurrent(root)) say('Portaal is al gebouwd met de huidige bronnen; niet opnieuw gebouwd.');
  else if (!dev) {
    runStep('Portaal bouwen…', process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--config', 'apps/provider-portal/vite.config.mts'], env);
    recordPortalBuild(root);
  }

  const watch = dev ? ['--watch-path=apps/api/src', '--watch-path=libs/domain/src'] : [];
  startChild('API', [...watch, '-r', register, 'apps/api/src/main.ts'], { ...env, SERVICE_NAME: 'api' });
  startChild('worker', [...watch, '-r', register, 'apps/api/src/worker.ts'], { ...env, SERVICE_NAME: 'worker' }, { restart: true });
  const apiUrl = `http://127.0.0.1:${port}`;
  await waitForReady(apiUrl);
  if (duo) {
    startChild('nep-DUO', ['-r', register, fakeDuoCli, '--dir', duo.dir, '--port', String(duo.port), '--control-port', String(duo.controlPort), '--notify-url', duo.notifyUrl], env, { restart: true });
  }

  let portalUrl = apiUrl;
  if (dev) {
    const vitePort = await freePort();
    startChild('portaal (vite)', [join(root, 'node_modules/vite/bin/vite.js'), '--config', 'apps/provider-portal/vite.config.mts', '--port', String(vitePort), '--strictPort'], { ...env, API_PORT: String(port) });
    portalUrl = `http://127.0.0.1:${vitePort}`;
  }
  console.log('');
  say(`Inburgering Regio draait op ${portalUrl}  (GraphQL: ${apiUrl}/graphql)`);
  spawnSync(process.execPath, ['-r', register, 'apps/api/src/cli/print-demo-accounts.ts'], { cwd: root, env, stdio: 'inherit' });
  say(env.SECOND_FACTOR === 'offered'
    ? 'Tweede factor: aangeboden (SECOND_FACTOR=offered), niet verplicht; inschakelen onder "Inloggen en beveiliging". Verplicht: SECOND_FACTOR=required npm start.'
    : `Tweede factor: ${env.SECOND_FACTOR === 'required' ? 'verplicht (SECOND_FACTOR=required)' : env.SECOND_FACTOR}.`);
  if (duo) printFakeDuo(duo);
  else say('DUO-koppeling: staat uit in de demo. Met een nagebootste DUO (certificaten in .data/fake-duo): npm start -- --fake-duo');
  if (!process.env.LOG_LEVEL && !dev) say('Alleen waarschuwingen en fouten in dit venster; alle logregels: LOG_LEVEL=info npm start.');
  say('Stoppen: Ctrl-C.');
}

/**
 * The bundled fake DUO: its certificates (made on first use in .data/fake-duo), and the API's notification port with
 * mutual TLS (DUO_NOTIFY_*) so that the fake's notifications arrive. Returns null (and says why) when that fails.
 */
async function prepareFakeDuo(env) {
  const dir = join(dataDir, 'fake-duo');
  say('Nagebootste DUO voorbereiden (certificaten in .data/fake-duo)…');
  const result = spawnSync(process.execPath, ['-r', register, fakeDuoCli, '--prepare', '--dir', dir], { cwd: root, env, encoding: 'utf8' });
  if (result.status !== 0) {
    console.error(`[inburgering] De nagebootste DUO start niet (er is openssl nodig: sudo apt-get install -y openssl).\n${result.stderr}`);
    return null;
  }
  const settings = JSON.parse(result.stdout.trim().split('\n').pop());
  const port = (await portIsFree(3443)) ? 3443 : await freePort();
  const controlPort = (await portIsFree(3445)) ? 3445 : await freePort();
  const notifyPort = Number(process.env.DUO_NOTIFY_PORT ?? ((await portIsFree(3444)) ? 3444 : await freePort()));
  Object.assign(env, settings.apiEnv, { DUO_NOTIFY_PORT: String(notifyPort), DUO_NOTIFY_HOST: '127.0.0.1' });
  return { dir, port, controlPort, notifyUrl: `https://127.0.0.1:${notifyPort}/duo/v1/notificaties`, link: settings.link };
}

function printFakeDuo(duo) {
  const { link } = duo;
  say('Nagebootste DUO draait. Zet de koppeling aan als beheer@midden-gelderland.demo.nl op /duo/koppeling, bijvoorbeeld voor Arnhem:');
  for (const [label, value] of [
    ['OIN gemeente', link.municipalityOin], ['OIN DUO', link.duoOin], ['basis-URL van DUO', `https://127.0.0.1:${duo.port}/v1`],
    ['clientcertificaat', link.certPath], ['sleutel', link.keyPath], ['CA van DUO', link.caPath],
  ]) console.log(`    ${label.padEnd(19)} ${value}`);
  say(`Een notificatie van DUO (na een PIP van de consulent): curl -X POST http://127.0.0.1:${duo.controlPort}/notificaties -d '{"bsn":"<bsn>","gebeurtenisId":"SS199"}'`);
}

async function portIsFree(port) {
  const net = await import('node:net');
  return new Promise((resolve) => {
    const server = net.createServer().once('error', () => resolve(false)).once('listening', () => server.close(() => resolve(true)));
    server.listen(port, '127.0.0.1');
  });
}

main().catch((err) => {
  console.error(`[inburgering] ${err.message}`);
  void shutdown(1);
});

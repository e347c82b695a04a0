// Issue #16: operators can see into the platform. Every log line of a request carries its request id, and the
// actor's organisation and role once known (never personal data); Prometheus metrics on a port of their own (latency
// per route and operation, errors by code, queue depth, job latency, outbox lag, database pool); the platform's health
// through @nestjs/terminus (database, Redis, outbox lag, worker heartbeat).
import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { RegisterClientDocument } from '@inburgering/contracts';
import { print } from 'graphql';
import { UsersService } from '../../apps/api/src/auth/users.service';
import { SsoConnectionsService } from '../../apps/api/src/sso/sso-connections.service';
import { logger } from '../../apps/api/src/common/logger';
import { createRedisConnection } from '../../apps/api/src/jobs/redis-connection';
import { startMetricsServer, type MetricsServer } from '../../apps/api/src/observability/metrics-server';
import { measureJobs, startWorkerHeartbeat } from '../../apps/api/src/observability/platform-probes';
import { openDataSource } from '../../apps/api/src/database/open-data-source';
import { enqueueInOutbox } from '../../apps/api/src/outbox/outbox';
import { clientDueForPip } from '../support/demo-client-input';
import { DEMO_PASSWORD } from '../support/graphql-session';
import { readServerLog } from '../support/server-log';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

let platform: TestPlatform;
let metrics: MetricsServer;
const previousLevel = logger.level;

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true });
  metrics = await startMetricsServer(0, '127.0.0.1');
  logger.level = 'info';
});
afterAll(async () => {
  logger.level = previousLevel;
  await metrics.close();
  await platform.close();
});

const scrape = async () => (await fetch(`http://127.0.0.1:${metrics.port}/metrics`)).text();
const logLines = (requestId: string) => readServerLog().split('\n').filter((line) => line.includes(requestId)).map((line) => JSON.parse(line) as Record<string, unknown>);

async function session(requestId: string) {
  const response = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': requestId },
    body: JSON.stringify({ query: 'mutation L($input: LoginInput!) { login(input: $input) { id } }', variables: { input: { email: 'consulent@arnhem.demo.nl', password: DEMO_PASSWORD } } }),
  });
  return { response, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] };
}

describe('logs', () => {
  it('answer and log every request with its request id, and the organisation and role once logged in', async () => {
    const login = await session(`login-${randomUUID()}`);
    const requestId = `me-${randomUUID()}`;
    const me = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, cookie: login.cookie },
      body: JSON.stringify({ query: 'query WhoAmI { me { id role organisation { id } } }' }),
    });
    expect(me.headers.get('x-request-id')).toBe(requestId);
    // A GraphQL answer holds personal data: no browser or proxy keeps it.
    expect(me.headers.get('cache-control')).toBe('no-store');
    const body = (await me.json()) as { data: { me: { id: string; role: string; organisation: { id: string } } } };
    const lines = await waitFor('de logregel van het verzoek', async () => { const found = logLines(requestId); return found.length > 0 && found; });
    for (const line of lines) expect(line.requestId).toBe(requestId);
    // One line per request: the request line names the GraphQL operation, the user and the errors too.
    expect(lines).toEqual([
      expect.objectContaining({
        requestId, organisationId: body.data.me.organisation.id, role: body.data.me.role, req: expect.objectContaining({ path: '/graphql' }),
        operation: 'WhoAmI', userId: body.data.me.id, graphqlErrors: 0, responseTime: expect.any(Number),
      }),
    ]);
    // No body, no variables, no cookie in the request line; the organisation and role once per line (no duplicate keys).
    expect(JSON.stringify(lines)).not.toMatch(/Inburgering2026|cookie|ir_session|variables/);
    for (const raw of readServerLog().split('\n').filter((line) => line.includes(requestId))) {
      expect({ organisationId: raw.split('"organisationId"').length - 1, role: raw.split('"role"').length - 1 }).toEqual({ organisationId: 1, role: 1 });
    }
  });

  it("log a job's lines with the request id of the request that caused it (ids only, no personal data)", async () => {
    const login = await session(`login-${randomUUID()}`);
    const requestId = `register-${randomUUID()}`;
    const input = clientDueForPip(7);
    const response = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': requestId, cookie: login.cookie },
      body: JSON.stringify({ query: print(RegisterClientDocument), variables: { input } }),
    });
    const body = (await response.json()) as { data?: { registerClient: { id: string } } };
    expect(body.data?.registerClient.id).toBeDefined();
    const jobLine = await waitFor('de logregel van de job die de registratie veroorzaakte', async () => logLines(requestId).find((line) => line.msg === 'job afgerond'), 30_000);
    expect(jobLine).toEqual(expect.objectContaining({ requestId, job: expect.any(String), jobId: expect.any(String) }));
    expect(JSON.stringify(logLines(requestId))).not.toContain(input.lastName);
  });

  it("writes a request's other lines with its request id too: unexpected errors of a resolver and a route, a refused single sign-on", async () => {
    const login = await session(`login-${randomUUID()}`);
    const failing = `failing-${randomUUID()}`;
    // A defect in a resolver's service, simulated once: the answer hides it, the log line names the request.
    const broken = jest.spyOn(UsersService.prototype, 'me').mockRejectedValueOnce(new Error('kapot'));
    const answer = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-request-id': failing, cookie: login.cookie },
      body: JSON.stringify({ query: 'query WhoAmI { me { id } }' }),
    });
    broken.mockRestore();
    expect(((await answer.json()) as { errors: { message: string }[] }).errors[0].message).toBe('Er ging iets mis aan onze kant. Probeer het later opnieuw.');
    const errorLine = await waitFor('de foutregel van het verzoek', async () => logLines(failing).find((line) => line.msg === 'unexpected error in GraphQL resolver'));
    expect(errorLine).toEqual(expect.objectContaining({ requestId: failing, role: 'CONSULTANT', err: expect.objectContaining({ message: 'kapot' }) }));

    // The same defect behind an HTTP route (the file and single sign-on endpoints): a Dutch 500, the line names the request.
    const httpFailing = `http-failing-${randomUUID()}`;
    const brokenRoute = jest.spyOn(SsoConnectionsService.prototype, 'publicJwks').mockRejectedValueOnce(new Error('kapot'));
    const jwks = await fetch(`${platform.url}/api/sso/${randomUUID()}/jwks.json`, { headers: { 'x-request-id': httpFailing } });
    brokenRoute.mockRestore();
    expect({ status: jwks.status, body: await jwks.json() }).toEqual({ status: 500, body: { code: 'INTERNAL_SERVER_ERROR', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' } });
    const routeLine = await waitFor('de foutregel van de route', async () => logLines(httpFailing).find((line) => line.msg === 'unexpected error in HTTP route'));
    expect(routeLine).toEqual(expect.objectContaining({ requestId: httpFailing, err: expect.objectContaining({ message: 'kapot' }) }));

    const refused = `sso-${randomUUID()}`;
    const callback = await fetch(`${platform.url}/api/sso/callback?state=onbekend&code=x`, { redirect: 'manual', headers: { 'x-request-id': refused } });
    expect(callback.status).toBe(303);
    const ssoLine = await waitFor('de regel van de geweigerde single sign-on', async () => logLines(refused).find((line) => String(line.msg).startsWith('single sign-on geweigerd')));
    expect(ssoLine).toEqual(expect.objectContaining({ requestId: refused, reason: 'state' }));
  });

  it('logs a client that goes away before its request is read as an aborted request, not as an error', async () => {
    const requestId = `weg-${randomUUID()}`;
    const { port } = new URL(platform.url);
    await new Promise<void>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => {
        // Half a body: the API waits for the rest, and the client closes the connection (a phone losing its network).
        socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nx-request-id: ${requestId}\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"query":`);
        setTimeout(() => { socket.destroy(); resolve(); }, 200);
      });
      socket.on('error', reject);
    });
    const aborted = await waitFor('de regel van het afgebroken verzoek', async () => logLines(requestId).find((line) => line.msg === 'verzoek afgebroken'));
    expect(aborted).toEqual(expect.objectContaining({ level: 40, requestId, req: { method: 'POST', path: '/graphql' } }));
    // A later request's line: by then the aborted one's error handling has long run.
    const later = `daarna-${randomUUID()}`;
    await fetch(`${platform.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': later }, body: JSON.stringify({ query: '{ __typename }' }) });
    await waitFor('de regel van het verzoek daarna', async () => logLines(later).length > 0);
    expect(logLines(requestId).filter((line) => Number(line.level) >= 50)).toEqual([]);
  });

  it('gives a request without (or with a malformed) X-Request-Id a fresh one', async () => {
    const response = await fetch(`${platform.url}/health/live`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('metrics', () => {
  it('are not served on the API/portal port', async () => {
    const response = await fetch(`${platform.url}/metrics`);
    expect(await response.text()).not.toContain('http_request_duration_seconds');
  });

  it('measure requests per route, GraphQL operations, errors by code, queue depth, outbox lag and the pool', async () => {
    const login = await session(`m-${randomUUID()}`);
    await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: login.cookie },
      body: JSON.stringify({ query: `{ client(id: "${randomUUID()}") { id } }` }),
    });
    await fetch(`${platform.url}/api/sso/${randomUUID()}/jwks.json`);
    const text = await scrape();
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*method="POST",route="\/graphql",status_code="200"/);
    // File and SSO routes by their declared route, never by the path with its ids.
    expect(text).toMatch(/http_request_duration_seconds_bucket\{[^}]*method="GET",route="\/api\/sso\/:organisationId\/jwks.json",status_code="404"/);
    expect(text).toMatch(/graphql_operation_duration_seconds_count\{type="http",operation="GET \/api\/sso\/:organisationId\/jwks.json",outcome="error"\} [1-9]/);
    expect(text).toMatch(/graphql_operation_duration_seconds_count\{type="mutation",operation="login",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/graphql_operation_duration_seconds_count\{type="query",operation="client",outcome="error"\} [1-9]/);
    expect(text).toMatch(/app_errors_total\{code="NOT_FOUND"\} [1-9]/);
    expect(text).toMatch(/queue_jobs\{queue="[^"]+",state="waiting"\} \d+/);
    expect(text).toMatch(/outbox_lag_seconds \d/);
    expect(text).toMatch(/db_pool_connections\{state="total"\} [1-9]/);
  });

  it('measure job latency per queue', async () => {
    measureJobs(platform.worker!.worker);
    const db = await openDataSource(platform.databaseUrl);
    await enqueueInOutbox(db.manager, 'deadlines.scan-all', {}, null);
    await db.destroy();
    await waitFor('job_duration_seconds voor de deadline-scan', async () => /job_duration_seconds_count\{queue="[^"]+",job="deadlines.scan-all",outcome="completed"\} 1/.test(await scrape()), 30_000);
    expect(await scrape()).toMatch(/job_wait_seconds_count\{queue="[^"]+",job="deadlines.scan-all"\} 1/);
  });
});

describe('platform health (terminus)', () => {
  it('reports database, Redis, outbox and worker heartbeat; down without a worker heartbeat', async () => {
    const before = await fetch(`${platform.url}/health/platform`);
    expect(before.status).toBe(503);
    expect(await before.json()).toEqual(expect.objectContaining({ status: 'error', error: { worker: expect.objectContaining({ status: 'down' }) } }));

    const redis = createRedisConnection(platform.config.redisUrl, 'producer');
    const heartbeat = startWorkerHeartbeat(redis, platform.config.queuePrefix, 'test-worker');
    try {
      await waitFor('de heartbeat is geschreven', async () => heartbeat.lastBeat() > 0);
      const after = await fetch(`${platform.url}/health/platform`);
      expect(after.status).toBe(200);
      expect(await after.json()).toEqual(expect.objectContaining({
        status: 'ok',
        info: { database: expect.objectContaining({ status: 'up' }), redis: { status: 'up' }, outbox: expect.objectContaining({ status: 'up' }), worker: { status: 'up', live: 1 } },
      }));
    } finally {
      await heartbeat.stop();
      redis.disconnect();
    }
  });
});

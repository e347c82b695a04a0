import { RegisterClientDocument } from '@inburgering/contracts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { clientDueForPip } from '../support/demo-client-input';
import { loginAs } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitForQueueIdle } from '../support/job-events';
import { waitFor } from '../support/wait-for';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedis } = require('../../scripts/lib/redis-server.cjs') as typeof import('../../scripts/lib/redis-server.cjs');

let platform: TestPlatform;
let pg: Client;
let redis: Awaited<ReturnType<typeof startRedis>>;
const dir = mkdtempSync(join(tmpdir(), 'ir-redis-'));

beforeAll(async () => {
  redis = await startRedis(dir);
  platform = await startTestPlatform({ worker: true, redisUrl: redis.url });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await platform.close();
  await redis.stop();
});

it('a change saved while Redis is down ends with its job done once after Redis returns', async () => {
  const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  await redis.stop('SIGKILL');

  const { registerClient } = await consultant.ok(RegisterClientDocument, { input: clientDueForPip(7) });
  // A relay attempt while Redis is away fails and leaves the row owed (its transaction rolls back). The worker's own
  // relay, woken by the insert, may be the one trying: it holds the row, so this attempt finds nothing (0) instead.
  const attempt: unknown = await platform.worker!.relay.relayAll().catch((error: unknown) => error);
  expect(attempt instanceof Error || attempt === 0).toBe(true);
  const pending = await pg.query(`SELECT relayed_at FROM outbox_message WHERE payload->>'clientId' = $1`, [registerClient.id]);
  expect(pending.rows).toEqual([{ relayed_at: null }]);

  redis = await startRedis(dir, { port: redis.port });
  await waitFor('deadline signal after Redis restart', async () =>
    (await pg.query(`SELECT 1 FROM deadline_signal WHERE client_id = $1`, [registerClient.id])).rowCount === 1, 30_000);
  await waitForQueueIdle(platform.config, async () => Number((await pg.query(`SELECT count(*) FROM outbox_message WHERE relayed_at IS NULL`)).rows[0].count));
  const executions = await pg.query(`SELECT count(*)::int AS n FROM job_execution j JOIN outbox_message o ON j.job_key = 'deadlines.scan-client:outbox-' || o.id WHERE o.payload->>'clientId' = $1`, [registerClient.id]);
  expect(executions.rows[0].n).toBe(1);
  const signals = await pg.query(`SELECT count(*)::int AS n FROM deadline_signal WHERE client_id = $1`, [registerClient.id]);
  expect(signals.rows[0].n).toBe(1);
});

import { Client } from 'pg';
import { startWorker, type RunningWorker } from '../../apps/api/src/worker/create-worker';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitForQueueIdle } from '../support/job-events';
import { waitFor } from '../support/wait-for';

let platform: TestPlatform;
let pg: Client;
const workers: RunningWorker[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
});
afterAll(async () => {
  await Promise.all(workers.map((worker) => worker.close()));
  await pg.end();
  await platform.close();
});

it('two workers on one queue relay and handle every job exactly once', async () => {
  const jobs = 150;
  await pg.query(
    `INSERT INTO outbox_message (job_name, payload)
     SELECT 'deadlines.scan-client', jsonb_build_object('clientId', id, 'municipalityId', municipality_id) FROM client ORDER BY id LIMIT $1`,
    [jobs],
  );
  const handledBy: Record<string, string[]> = { a: [], b: [] };
  for (const name of ['a', 'b'] as const) {
    const worker = await startWorker(platform.config, { relayIntervalMs: 50, concurrency: 2 });
    worker.worker.on('completed', (job) => handledBy[name].push(job.id!));
    workers.push(worker);
  }
  await waitFor('all jobs handled', async () => handledBy.a.length + handledBy.b.length >= jobs, 60_000);
  // Any duplicate delivery would still be queued or running: wait until the queue is idle before counting.
  await waitForQueueIdle(platform.config, async () => Number((await pg.query(`SELECT count(*) FROM outbox_message WHERE relayed_at IS NULL`)).rows[0].count));

  const all = [...handledBy.a, ...handledBy.b];
  expect(all).toHaveLength(jobs);
  expect(new Set(all).size).toBe(jobs);
  expect(handledBy.a.length).toBeGreaterThan(0);
  expect(handledBy.b.length).toBeGreaterThan(0);
  const { rows } = await pg.query(`SELECT count(*)::int AS executed FROM job_execution WHERE job_name = 'deadlines.scan-client'`);
  expect(rows[0].executed).toBe(jobs);
  const pending = await pg.query(`SELECT count(*)::int AS pending FROM outbox_message WHERE relayed_at IS NULL`);
  expect(pending.rows[0].pending).toBe(0);
});

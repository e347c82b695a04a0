import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { ImportBatchDocument } from '@inburgering/contracts';
import type { Job } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import { SettableClock } from '../../apps/api/src/clock/clock';
import { startWorker, type RunningWorker } from '../../apps/api/src/worker/create-worker';
import { hoursCsv, uploadHours } from '../support/hours-fixtures';
import { loginAs } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startRedis } = require('../../scripts/lib/redis-server.cjs') as typeof import('../../scripts/lib/redis-server.cjs');

// The outbox row stays owed until its job ran: Redis losing its data (FLUSHALL) loses no job and runs none twice; the
// relay is woken by PostgreSQL NOTIFY, not by its poll; the import's finished_at is when it finished.

let platform: TestPlatform;
let pg: Client;
let redis: Awaited<ReturnType<typeof startRedis>>;
let worker: RunningWorker | null = null;
const dir = mkdtempSync(join(tmpdir(), 'ir-redis-flush-'));
/** The clock stands still at the start of the run (a job must not take its time from it). */
const clock = new SettableClock();

beforeAll(async () => {
  redis = await startRedis(dir);
  platform = await startTestPlatform({ redisUrl: redis.url, clock });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
});
afterEach(async () => {
  await worker?.close();
  worker = null;
});
afterAll(async () => {
  await pg.end();
  await platform.close();
  await redis.stop();
});

/** `count` scan-client jobs for distinct clients (from `offset`), written straight into the outbox; returns their row ids. */
async function owe(count: number, offset: number): Promise<string[]> {
  const { rows } = await pg.query(
    `INSERT INTO outbox_message (job_name, payload)
     SELECT 'deadlines.scan-client', jsonb_build_object('clientId', id, 'municipalityId', municipality_id) FROM (SELECT * FROM client ORDER BY id OFFSET $2 LIMIT $1) c
     RETURNING id`,
    [count, offset],
  );
  return rows.map((row: { id: string }) => row.id);
}

const countOf = async (sql: string, ids: string[]): Promise<number> => Number((await pg.query(sql, [ids])).rows[0].n);
const completed = (ids: string[]) => countOf(`SELECT count(*) AS n FROM outbox_message WHERE id = ANY($1::bigint[]) AND completed_at IS NOT NULL`, ids);
const relayed = (ids: string[]) => countOf(`SELECT count(*) AS n FROM outbox_message WHERE id = ANY($1::bigint[]) AND relayed_at IS NOT NULL`, ids);

it('relays a committed row when PostgreSQL notifies, without waiting for the poll', async () => {
  // Poll and sweep once in ten minutes: only the NOTIFY of the outbox trigger can bring this job in time.
  worker = await startWorker(platform.config, { relayIntervalMs: 600_000, redeliverAfterMs: 600_000 });
  await waitFor('the relay listens', async () =>
    Number((await pg.query(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN outbox_message'`)).rows[0].count) >= 1);
  const ids = await owe(1, 0);
  await waitFor('the job ran', async () => (await completed(ids)) === 1);
  // The job's transaction marked its row and its execution together.
  expect(await countOf(`SELECT count(*) AS n FROM job_execution WHERE job_key = ANY(SELECT 'deadlines.scan-client:outbox-' || unnest($1::bigint[]))`, ids)).toBe(1);
});

it('runs every owed job exactly once when Redis loses its data mid-stream', async () => {
  worker = await startWorker(platform.config, { relayIntervalMs: 100, redeliverAfterMs: 1_000, concurrency: 4 });
  const ran = new Map<string, number>();
  worker.worker.on('completed', (job: Job, result: { ran: boolean }) => {
    if (result.ran) ran.set(job.id!, (ran.get(job.id!) ?? 0) + 1);
  });

  // Before: jobs run as usual.
  const before = await owe(20, 1);
  await waitFor('the first jobs ran', async () => (await completed(before)) === before.length, 60_000);

  // Mid-stream: jobs relayed to Redis and waiting there (the worker is paused) when Redis loses everything.
  await worker.worker.pause();
  const lost = await owe(80, 21);
  await waitFor('the jobs are relayed', async () => (await relayed(lost)) === lost.length, 60_000);
  expect(await completed(lost)).toBe(0);
  const admin = new IORedis(redis.url);
  await admin.flushall();
  admin.disconnect();

  // After: new jobs go to the emptied Redis; the lost ones are offered again by the sweep.
  const after = await owe(30, 101);
  worker.worker.resume();
  const all = [...before, ...lost, ...after];
  await waitFor('every owed job ran', async () => (await completed(all)) === all.length, 120_000);
  // The worker reports a job completed after its transaction committed: wait for the reports, not only the rows.
  await waitFor('every job reported completed', async () => all.every((id) => ran.has(`outbox-${id}`)), 30_000);

  // Each ran once: one execution per job, one successful run per job id, nothing owed, nothing failed.
  expect(await countOf(`SELECT count(*) AS n FROM job_execution WHERE job_key = ANY(SELECT 'deadlines.scan-client:outbox-' || unnest($1::bigint[]))`, all)).toBe(all.length);
  expect([...ran.keys()].sort()).toEqual(all.map((id) => `outbox-${id}`).sort());
  expect([...ran.values()].every((n) => n === 1)).toBe(true);
  expect(await countOf(`SELECT count(*) AS n FROM outbox_message WHERE id = ANY($1::bigint[]) AND (failed_at IS NOT NULL OR completed_at IS NULL)`, all)).toBe(0);
}, 240_000);

it('takes a job someone waits for before the background checks queued ahead of it', async () => {
  // An import or an offer to waiting clients must not wait behind a backlog of absence checks and deadline scans.
  worker = await startWorker(platform.config, { relayIntervalMs: 100, concurrency: 1 });
  await worker.worker.pause();
  const checks = await owe(10, 200);
  const { rows: [{ id: lotId }] } = await pg.query<{ id: string }>(`SELECT id FROM lot ORDER BY id LIMIT 1`);
  const { rows: [{ id: offer }] } = await pg.query<{ id: string }>(
    `INSERT INTO outbox_message (job_name, payload) VALUES ('placements.offer-waiting', jsonb_build_object('lotId', $1::text)) RETURNING id`, [lotId]);
  await waitFor('the jobs are relayed', async () => (await relayed([...checks, offer])) === checks.length + 1, 60_000);
  worker.worker.resume();
  await waitFor('every job ran', async () => (await completed([...checks, offer])) === checks.length + 1, 60_000);
  const { rows: order } = await pg.query<{ id: string }>(`SELECT id FROM outbox_message WHERE id = ANY($1::bigint[]) ORDER BY completed_at, id`, [[...checks, offer]]);
  expect(order[0].id).toBe(offer);
});

it('records when an import finished, not when it started (nor a stopped clock)', async () => {
  const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  const upload = await uploadHours(platform.url, provider, 'uren.csv', hoursCsv([]), 'DRY_RUN', randomUUID());
  expect(upload.status).toBe(201);
  // The job starts (its transaction is open) and then waits on its batch row; the time is taken while it waits.
  const blocker = new Client({ connectionString: platform.databaseUrl });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE import_batch IN ACCESS EXCLUSIVE MODE');
  let whileRunning: Date;
  try {
    worker = await startWorker(platform.config, { relayIntervalMs: 100 });
    await waitFor('the job waits on its batch', async () =>
      Number((await pg.query(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].count) >= 1, 60_000);
    whileRunning = (await blocker.query(`SELECT clock_timestamp() AS t`)).rows[0].t as Date;
  } finally {
    await blocker.query('ROLLBACK');
    await blocker.end();
  }
  const batch = await waitFor('the import finished', async () => {
    const { importBatch } = await provider.ok(ImportBatchDocument, { id: upload.body.id! });
    return ['QUEUED', 'RUNNING'].includes(importBatch.status) ? undefined : importBatch;
  });
  expect(batch.status).toBe('INVALID');
  expect(new Date(batch.finishedAt as string).getTime()).toBeGreaterThan(whileRunning.getTime());
  const { rows: [execution] } = await pg.query(`SELECT finished_at FROM job_execution WHERE job_key = $1`, [`hours.import:${upload.body.id}`]);
  expect((execution.finished_at as Date).getTime()).toBeGreaterThan(whileRunning.getTime());
}, 120_000);

/** `times` scan-client jobs for one client (at `offset`), each caused by another request; returns their row ids in order. */
async function oweAgain(times: number, offset: number): Promise<string[]> {
  const { rows } = await pg.query(
    `INSERT INTO outbox_message (job_name, payload)
     SELECT 'deadlines.scan-client', jsonb_build_object('clientId', c.id, 'municipalityId', c.municipality_id, 'requestId', 'verzoek-' || n)
       FROM (SELECT * FROM client ORDER BY id OFFSET $2 LIMIT 1) c, generate_series(1, $1) n ORDER BY n
     RETURNING id`,
    [times, offset],
  );
  return rows.map((row: { id: string }) => row.id);
}

/** Per job id: whether its run found its work covered by an earlier identical run. */
function watchCoverage(running: RunningWorker): Map<string, boolean> {
  const seen = new Map<string, boolean>();
  running.worker.on('completed', (job: Job, result: { coveredBefore?: boolean }) => seen.set(job.id!, result.coveredBefore === true));
  return seen;
}

it('runs a recomputing check once for the identical checks queued before it started, and only those', async () => {
  // Five saves of one client's data while the worker is busy elsewhere, and one save of another client.
  const same = await oweAgain(5, 300);
  const other = await owe(1, 301);
  worker = await startWorker(platform.config, { relayIntervalMs: 100, concurrency: 1 });
  const covered = watchCoverage(worker);
  const all = [...same, ...other];
  await waitFor('every job reported completed', async () => all.every((id) => covered.has(`outbox-${id}`)), 60_000);

  // The first run did the work for all five; the other client's check ran on its own. Nothing is left owed, and each
  // job has its execution (so a redelivery stays a no-op).
  expect(same.map((id) => covered.get(`outbox-${id}`))).toEqual([false, true, true, true, true]);
  expect(covered.get(`outbox-${other[0]}`)).toBe(false);
  expect(await completed(all)).toBe(all.length);
  expect(await countOf(`SELECT count(*) AS n FROM job_execution WHERE job_key = ANY(SELECT 'deadlines.scan-client:outbox-' || unnest($1::bigint[]))`, all)).toBe(all.length);
}, 120_000);

it('does not count a check written after the covering run began as covered', async () => {
  const [first] = await oweAgain(1, 310);
  // The run starts (its first statement reads the outbox), then waits on the client table.
  const blocker = new Client({ connectionString: platform.databaseUrl });
  await blocker.connect();
  await blocker.query('BEGIN');
  await blocker.query('LOCK TABLE client IN ACCESS EXCLUSIVE MODE');
  let later: string;
  let covered: Map<string, boolean>;
  try {
    worker = await startWorker(platform.config, { relayIntervalMs: 100, concurrency: 1 });
    covered = watchCoverage(worker);
    await waitFor('the run waits on the client table', async () =>
      Number((await pg.query(`SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].count) >= 1, 60_000);
    // The same job again (copied, as the client table is locked), caused by another request.
    ({ rows: [{ id: later }] } = await pg.query<{ id: string }>(
      `INSERT INTO outbox_message (job_name, payload) SELECT job_name, payload || '{"requestId":"later"}' FROM outbox_message WHERE id = $1 RETURNING id`, [first]));
  } finally {
    await blocker.query('ROLLBACK');
    await blocker.end();
  }
  await waitFor('both jobs reported completed', async () => covered.has(`outbox-${first}`) && covered.has(`outbox-${later}`), 60_000);
  // The later row's change may not have been visible to the first run: it got a run of its own.
  expect(covered.get(`outbox-${later}`)).toBe(false);
  expect(await completed([first, later])).toBe(2);
}, 120_000);

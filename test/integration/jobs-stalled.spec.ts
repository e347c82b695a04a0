import { randomUUID } from 'node:crypto';
import { ImportBatchDocument } from '@inburgering/contracts';
import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import IORedis from 'ioredis';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { openDataSource } from '../../apps/api/src/database/open-data-source';
import { COALESCE_DELAY_MS, JOB_NAMES, QUEUE_NAME, type JobName } from '../../apps/api/src/jobs/job-definitions';
import { OutboxRelay } from '../../apps/api/src/outbox/outbox-relay';
import { startWorker, type RunningWorker } from '../../apps/api/src/worker/create-worker';
import { calendarDateInAmsterdam } from '@inburgering/domain';
import { hoursCsv, uploadHours } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { readServerLog } from '../support/server-log';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitForQueueIdle } from '../support/job-events';
import { waitFor } from '../support/wait-for';

// Every job kind, stalled (its worker died holding it) past BullMQ's limit, ends FAILED visibly: its outbox row says when
// and why, an import says so to the provider, the log has a line. Once under the limit, it simply runs again. And when
// the worker that failed it dies before recording that, the relay's sweep records it.

const STALLED_REASON = 'job stalled more than allowable limit';

let platform: TestPlatform;
let pg: Client;
let db: DataSource;
let queue: Queue;
let redis: IORedis;
let provider: GraphqlSession;
let worker: RunningWorker | null = null;
/** Plays the worker that dies: it takes jobs and never finishes or renews them (as a SIGKILLed process would not). */
let dying: Worker;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  db = await openDataSource(platform.databaseUrl);
  queue = new Queue(QUEUE_NAME, { connection: { url: platform.config.redisUrl }, prefix: platform.config.queuePrefix });
  redis = new IORedis(platform.config.redisUrl);
  dying = new Worker(QUEUE_NAME, null, {
    connection: { url: platform.config.redisUrl, maxRetriesPerRequest: null }, prefix: platform.config.queuePrefix,
    autorun: false, lockDuration: 300, stalledInterval: 1, maxStalledCount: 1,
  });
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(async () => {
  await worker?.close();
  await dying.close(true);
  redis.disconnect();
  await queue.close();
  await db.destroy();
  await pg.end();
  await platform.close();
});

const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await pg.query(sql, params)).rows[0] as T;

/** One outbox row per job kind with a payload that runs (the import's row is written by an upload, as in real use). */
async function oneRowPerKind(): Promise<{ rows: Map<JobName, string>; batchId: string }> {
  const upload = await uploadHours(platform.url, provider, `uren-${randomUUID()}.csv`, hoursCsv([]), 'DRY_RUN', randomUUID());
  expect(upload.status).toBe(201);
  const batchId = upload.body.id!;
  const client = await one<{ id: string; municipality_id: string }>(`SELECT id, municipality_id FROM client ORDER BY id LIMIT 1`);
  const lot = await one<{ id: string }>(`SELECT id FROM lot ORDER BY id LIMIT 1`);
  const newBees = await one<{ id: string }>(`SELECT id FROM organisation WHERE name = 'New Bees'`);
  const scanDate = calendarDateInAmsterdam(new Date());
  const payloads: Record<Exclude<JobName, 'hours.import'>, Record<string, unknown>> = {
    'deadlines.scan-client': { clientId: client.id, municipalityId: client.municipality_id },
    'deadlines.scan-all': { scanDate },
    'deadlines.scan-municipality': { municipalityId: client.municipality_id, scanDate },
    'placements.offer-waiting': { lotId: lot.id },
    'procurement.scan-quality': { scanDate },
    'procurement.scan-provider': { providerId: newBees.id },
    'hours.check-absence': { providerId: newBees.id, placementIds: [] },
    'duo.send': { messageId: randomUUID(), clientId: client.id, municipalityId: client.municipality_id },
    'duo.send-waiting': {},
    'duo.process-notification': { notificationId: randomUUID(), municipalityId: client.municipality_id },
    'figures.generate-report': { reportId: randomUUID(), regionId: randomUUID() },
    'figures.schedule-quarterly-reports': { runDate: scanDate },
    'housekeeping.clean': { runDate: scanDate },
    'retention.run': { runDate: scanDate },
    'administration.send-mail': { mailId: randomUUID() },
  };
  const rows = new Map<JobName, string>();
  rows.set('hours.import', (await one<{ id: string }>(`SELECT id FROM outbox_message WHERE payload->>'batchId' = $1`, [batchId])).id);
  for (const [name, payload] of Object.entries(payloads)) {
    const { id } = await one<{ id: string }>(`INSERT INTO outbox_message (job_name, payload) VALUES ($1, $2) RETURNING id`, [name, JSON.stringify(payload)]);
    rows.set(name as JobName, id);
  }
  expect([...rows.keys()].sort()).toEqual([...JOB_NAMES].sort());
  // Relay them (no worker runs yet): the real relay, once.
  await new OutboxRelay(db, queue, { listen: false }).relayAll();
  return { rows, batchId };
}

const jobIds = (rows: Map<JobName, string>) => [...rows.values()].map((id) => `outbox-${id}`);

/** The dying worker takes every one of these jobs, then "dies": their locks run out and BullMQ's stalled check finds them. */
async function takeAndDie(ids: string[]): Promise<{ job: Job; token: string }[]> {
  const taken: { job: Job; token: string }[] = [];
  // The coalescing checks wait COALESCE_DELAY_MS before BullMQ hands them out: taken once their wait is over.
  await waitFor('every job taken', async () => {
    for (;;) {
      const token = randomUUID();
      const job = (await dying.getNextJob(token, { block: false })) as Job | undefined;
      if (!job) return taken.length === ids.length;
      taken.push({ job, token });
    }
  }, COALESCE_DELAY_MS + 10_000);
  expect(taken.map(({ job }) => job.id).sort()).toEqual([...ids].sort());
  return taken;
}

/** BullMQ's own stalled check, run until it has moved these (lock-less) jobs out of active: it marks first, then moves. */
async function stalledCheck(ids: string[]): Promise<void> {
  const check = (dying as unknown as { moveStalledJobsToWait(): Promise<void> }).moveStalledJobsToWait.bind(dying);
  await waitFor('the dead worker\'s locks run out', async () => (await Promise.all(ids.map((id) => redis.exists(`${platform.config.queuePrefix}:${QUEUE_NAME}:${id}:lock`)))).every((n) => n === 0));
  await waitFor('BullMQ finds the jobs stalled', async () => {
    await check();
    const states = await Promise.all(ids.map((id) => queue.getJobState(id)));
    return states.every((state) => state === 'waiting');
  });
}

async function startRealWorker(): Promise<RunningWorker> {
  worker = await startWorker(platform.config, { relayIntervalMs: 100, redeliverAfterMs: 500, lockDurationMs: 2_000, stalledIntervalMs: 500 });
  return worker;
}

async function stopRealWorker(): Promise<void> {
  await worker?.close();
  worker = null;
}

async function outboxStates(rows: Map<JobName, string>) {
  const { rows: states } = await pg.query(`SELECT id, job_name, completed_at IS NOT NULL AS completed, failed_at IS NOT NULL AS failed, failure FROM outbox_message WHERE id = ANY($1::bigint[])`, [[...rows.values()]]);
  return states as { id: string; job_name: string; completed: boolean; failed: boolean; failure: string | null }[];
}

describe('a job of every kind whose worker died while running it', () => {
  afterEach(stopRealWorker);

  it('runs again after one stall and completes', async () => {
    const { rows } = await oneRowPerKind();
    const ids = jobIds(rows);
    await takeAndDie(ids);
    await stalledCheck(ids);

    await startRealWorker();
    await waitFor('every job ran after its stall', async () => (await outboxStates(rows)).every((row) => row.completed), 60_000);
    for (const row of await outboxStates(rows)) expect(row).toMatchObject({ completed: true, failed: false, failure: null });
    for (const id of ids) expect(await queue.getJobState(id)).toBe('completed');
    // The nightly scan handed out one job per municipality: let them finish, so the next test's queue holds only its own.
    await waitForQueueIdle(platform.config, async () => Number((await one<{ n: string }>(`SELECT count(*) AS n FROM outbox_message WHERE completed_at IS NULL AND failed_at IS NULL`)).n), 120_000);
  }, 240_000);

  it('ends FAILED visibly after stalling past the limit: the row says why, the import tells the provider, the log says so', async () => {
    const { rows, batchId } = await oneRowPerKind();
    const ids = jobIds(rows);
    for (let stall = 1; stall <= 2; stall++) {
      await takeAndDie(ids);
      await stalledCheck(ids);
    }

    // The next worker to take them fails them for good (BullMQ), and the failure is recorded for each kind.
    await startRealWorker();
    const states = await waitFor('every job is failed for good and recorded', async () => {
      const current = await outboxStates(rows);
      return current.every((row) => row.failed) ? current : undefined;
    }, 60_000);
    for (const row of states) {
      expect(row).toMatchObject({ completed: false, failed: true, failure: expect.stringContaining('De worker stopte steeds tijdens deze job') });
    }
    const { importBatch } = await provider.ok(ImportBatchDocument, { id: batchId });
    expect(importBatch).toMatchObject({ status: 'FAILED', errorCount: 1 });
    expect(importBatch.errors).toEqual([{ row: 0, column: 'bestand', message: expect.stringContaining('herhaaldelijk vastlopen') }]);
    for (const id of ids) expect(await queue.getJobState(id)).toBe('failed');
    await waitFor('the log says so for every kind', async () => {
      const log = readServerLog();
      return ids.every((id) => log.includes(`"jobId":"${id}"`) && log.includes('job definitief mislukt: de worker stopte steeds'));
    });
  }, 120_000);

  it('is recorded FAILED by the relay\'s sweep when the worker that failed it died before recording it', async () => {
    const { rows, batchId } = await oneRowPerKind();
    const ids = jobIds(rows);
    for (let stall = 1; stall <= 2; stall++) {
      await takeAndDie(ids);
      await stalledCheck(ids);
    }
    // The dying worker takes them a third time and fails them in BullMQ (as the next worker would), then dies before
    // any handler ran: BullMQ says failed, PostgreSQL knows nothing yet.
    // One at a time: the dying worker's locks last 300 ms, shorter than taking every kind first on a busy machine.
    const failed: string[] = [];
    while (failed.length < ids.length) {
      const token = randomUUID();
      const job = (await dying.getNextJob(token, { block: false })) as Job | undefined;
      if (!job) throw new Error(`Maar ${failed.length} van ${ids.length} jobs in de wachtrij`);
      expect(job.deferredFailure).toBe(STALLED_REASON);
      await job.moveToFailed(new UnrecoverableError(STALLED_REASON), token, false);
      failed.push(job.id!);
    }
    expect(failed.sort()).toEqual([...ids].sort());
    for (const row of await outboxStates(rows)) expect(row).toMatchObject({ completed: false, failed: false });
    expect((await provider.ok(ImportBatchDocument, { id: batchId })).importBatch.status).toBe('QUEUED');

    await startRealWorker();
    const states = await waitFor('the sweep records every failure', async () => {
      const current = await outboxStates(rows);
      return current.every((row) => row.failed) ? current : undefined;
    }, 60_000);
    for (const row of states) expect(row.failure).toContain('De worker stopte steeds tijdens deze job');
    const { importBatch } = await provider.ok(ImportBatchDocument, { id: batchId });
    expect(importBatch).toMatchObject({ status: 'FAILED' });
    expect(importBatch.errors[0].message).toContain('herhaaldelijk vastlopen');
  }, 120_000);
});

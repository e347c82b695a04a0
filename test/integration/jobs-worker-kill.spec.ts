import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ImportBatchDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { hoursCsv, pastWeekdays, placeClients, uploadHours, type FixturePlacement } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// SIGKILL the worker twice while it runs a 5,000-row import: the import ends FAILED (or APPLIED), never stuck RUNNING.
// The workers run with the production timings, so this also shows a dead worker's import is taken up again within a
// minute (not "RUNNING 5000/5000" for a minute while nothing runs).

const root = join(__dirname, '../..');
let platform: TestPlatform;
let pg: Client;
let provider: GraphqlSession;
let placements: FixturePlacement[];
const children: ChildProcess[] = [];
const output: string[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  placements = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 25, groupName: 'Kill' });
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await pg.end();
  await platform.close();
});

/** A real worker process as `npm start` runs it (default lock and stalled timings), on this test's database and queue. */
function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, ['-r', join(root, 'scripts/register.cjs'), join(root, 'apps/api/src/worker.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: platform.databaseUrl,
      REDIS_URL: platform.config.redisUrl,
      QUEUE_PREFIX: platform.config.queuePrefix,
      BSN_ENCRYPTION_KEY: platform.config.bsnKey.toString('base64'),
      SERVICE_NAME: 'worker',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  children.push(child);
  return child;
}

function kill(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}


/** Backends of this database waiting on a lock: each worker that picked the job up hangs on one until it is killed. */
const lockWaiters = async (): Promise<number[]> =>
  (await pg.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows.map((r: { pid: number }) => r.pid);
/** Backends LISTENing for the outbox: one per running worker (its relay). */
const listeners = async (): Promise<number[]> =>
  (await pg.query(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN outbox_message'`)).rows.map((r: { pid: number }) => r.pid);

/** Starts a worker process and waits until it runs (its relay listens), so a wait after it measures the job, not the boot. */
async function startReadyWorker(): Promise<ChildProcess> {
  const before = new Set(await listeners());
  const child = startWorkerProcess();
  await waitFor('the worker has started', async () => (await listeners()).some((pid) => !before.has(pid)), 180_000);
  return child;
}

/** Waits until a backend not yet seen waits on a lock (a dead worker's backend may have given up its wait meanwhile). */
async function newLockWaiter(what: string, seen: Set<number>, timeoutMs: number): Promise<void> {
  const pid = await waitFor(what, async () => (await lockWaiters()).find((p) => !seen.has(p)), timeoutMs);
  seen.add(pid);
}

const batchRow = async (id: string) =>
  (await pg.query(`SELECT status, processed_rows, total_rows FROM import_batch WHERE id = $1`, [id])).rows[0] as { status: string; processed_rows: number; total_rows: number | null };

it('a 5,000-row import whose worker is killed twice ends FAILED with a Dutch reason, and is taken up again within a minute', async () => {
  const days = pastWeekdays(100);
  const rows = placements.flatMap((p) => days.flatMap((date) => [
    { clientNumber: p.clientNumber, date, category: 'taal', planned: '2,5', attended: '2,5' },
    { clientNumber: p.clientNumber, date, category: 'KNM', planned: '1', attended: '1' },
  ]));
  expect(rows).toHaveLength(5000);
  const { rows: [newBees] } = await pg.query(`SELECT id FROM organisation WHERE name = 'New Bees'`);

  // The import validates all 5,000 rows, then waits for the provider's import lock (held here) before writing: a worker
  // killed there leaves "RUNNING 5000/5000" behind, exactly the state of the report.
  const holder = new Client({ connectionString: platform.databaseUrl });
  await holder.connect();
  await holder.query(`SELECT pg_advisory_lock(hashtext($1))`, [`hours.import:${newBees.id}`]);
  let batchId: string;
  try {
    const upload = await uploadHours(platform.url, provider, 'uren.csv', hoursCsv(rows), 'APPLY', randomUUID());
    expect(upload.status).toBe(201);
    batchId = upload.body.id!;

    const seen = new Set<number>();
    const first = await startReadyWorker();
    await newLockWaiter('the first worker validated every row and waits to write', seen, 120_000);
    expect(await batchRow(batchId)).toEqual({ status: 'RUNNING', processed_rows: 5000, total_rows: 5000 });

    // A second worker runs beside it (as after a restart, or scaled out); it notices the dead one's job and runs it
    // again from the start, within a minute of the death (not counting its own start).
    const second = await startReadyWorker();
    await kill(first);
    await newLockWaiter('the second worker takes the import up again within a minute', seen, 60_000);
    // A third worker is up when the second dies too.
    await startReadyWorker();
    await kill(second);
  } finally {
    await holder.end();
  }

  // The third worker finds the import stalled past its limit and fails it visibly, whatever its remaining attempts.
  const batch = await waitFor('the import has ended', async () => {
    const { importBatch } = await provider.ok(ImportBatchDocument, { id: batchId });
    return ['QUEUED', 'RUNNING'].includes(importBatch.status) ? undefined : importBatch;
  }, 120_000).catch((err: Error) => {
    throw new Error(`${err.message}\n${output.join('').slice(-4000)}`);
  });
  expect(batch).toMatchObject({ status: 'FAILED', errorCount: 1 });
  expect(batch.errors).toEqual([{ row: 0, column: 'bestand', message: expect.stringContaining('herhaaldelijk vastlopen') }]);
  expect(batch.finishedAt).not.toBeNull();
  expect(await pg.query(`SELECT 1 FROM hour_entry WHERE import_batch_id = $1`, [batchId])).toMatchObject({ rowCount: 0 });
  // Its outbox row is no longer owed: it says it failed, and why.
  const { rows: [row] } = await pg.query(`SELECT completed_at, failed_at, failure FROM outbox_message WHERE payload->>'batchId' = $1`, [batchId]);
  expect(row).toMatchObject({ completed_at: null, failed_at: expect.any(Date), failure: expect.stringContaining('De worker stopte steeds') });
}, 420_000);

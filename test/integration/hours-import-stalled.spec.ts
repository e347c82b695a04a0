import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ImportBatchDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { hoursCsv, uploadHours } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { readServerLog } from '../support/server-log';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// A job that keeps killing its worker must end FAILED after its stalls, with a reason, instead of killing every new worker.

const root = join(__dirname, '../..');
let platform: TestPlatform;
let pg: Client;
let provider: GraphqlSession;
const children: ChildProcess[] = [];
const output: string[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await pg.end();
  await platform.close();
});

/**
 * A real worker process (as `npm start` runs it) on this test's database and queue, noticing a dead worker within a second.
 * Like the API, it logs to the run's server log (LOG_FILE), which the run checks for personal data.
 */
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
      WORKER_LOCK_DURATION_MS: '1000',
      WORKER_STALLED_INTERVAL_MS: '300',
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

describe('a job that kills its worker', () => {
  it('is picked up once more after its worker died, and after the second death the import is FAILED with a Dutch reason', async () => {
    const upload = await uploadHours(platform.url, provider, 'uren.csv', hoursCsv([]), 'DRY_RUN', randomUUID());
    expect(upload.status).toBe(201);

    // The import hangs as soon as it touches its batch, as a worker stuck on a hostile file would; then its worker dies.
    const blocker = new Client({ connectionString: platform.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE import_batch IN ACCESS EXCLUSIVE MODE');
    try {
      const seen = new Set<number>();
      const first = await startReadyWorker();
      await newLockWaiter('the first worker runs the import', seen, 90_000);
      const second = await startReadyWorker();
      await kill(first);
      await newLockWaiter('the second worker picks the stalled import up again', seen, 90_000);
      await startReadyWorker();
      await kill(second);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }

    const batch = await waitFor('the import is failed', async () => {
      const { importBatch } = await provider.ok(ImportBatchDocument, { id: upload.body.id! });
      return importBatch.status === 'FAILED' ? importBatch : undefined;
    }, 90_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${output.join('').slice(-4000)}`);
    });
    expect(batch).toMatchObject({ status: 'FAILED', errorCount: 1 });
    expect(batch.errors).toEqual([{ row: 0, column: 'bestand', message: expect.stringContaining('herhaaldelijk vastlopen') }]);
    await waitFor('the worker logged the stalled job as failed for good', async () => (output.join('') + readServerLog()).includes('job definitief mislukt: de worker stopte steeds'));
    expect(await pg.query(`SELECT 1 FROM hour_entry WHERE import_batch_id = $1`, [upload.body.id])).toMatchObject({ rowCount: 0 });
    // Three worker processes boot one after the other; on a loaded machine each takes a while. Every wait above is for an event.
  }, 300_000);
});

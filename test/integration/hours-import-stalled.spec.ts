import { randomUUID } from 'node:crypto';
import { ImportBatchDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { hoursCsv, uploadHours } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { readServerLog } from '../support/server-log';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';
import { workerProcesses, type WorkerProcesses } from '../support/worker-processes';

// A job that keeps killing its worker must end FAILED after its stalls, with a reason, instead of killing every new worker.

let platform: TestPlatform;
let pg: Client;
let provider: GraphqlSession;
let workers: WorkerProcesses;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  workers = workerProcesses(platform, pg, { WORKER_LOCK_DURATION_MS: '1000', WORKER_STALLED_INTERVAL_MS: '300' });
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(async () => {
  workers?.killAll();
  await pg.end();
  await platform.close();
});

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
      const first = await workers.startReady();
      await workers.newLockWaiter('the first worker runs the import', seen, 90_000);
      const second = await workers.startReady();
      await workers.kill(first);
      await workers.newLockWaiter('the second worker picks the stalled import up again', seen, 90_000);
      await workers.startReady();
      await workers.kill(second);
    } finally {
      await blocker.query('ROLLBACK');
      await blocker.end();
    }

    const batch = await waitFor('the import is failed', async () => {
      const { importBatch } = await provider.ok(ImportBatchDocument, { id: upload.body.id! });
      return importBatch.status === 'FAILED' ? importBatch : undefined;
    }, 90_000).catch((err: Error) => {
      throw new Error(`${err.message}\n${workers.output.join('').slice(-4000)}`);
    });
    expect(batch).toMatchObject({ status: 'FAILED', errorCount: 1 });
    expect(batch.errors).toEqual([{ row: 0, column: 'bestand', message: expect.stringContaining('herhaaldelijk vastlopen') }]);
    await waitFor('the worker logged the stalled job as failed for good', async () => (workers.output.join('') + readServerLog()).includes('job definitief mislukt: de worker stopte steeds'));
    expect(await pg.query(`SELECT 1 FROM hour_entry WHERE import_batch_id = $1`, [upload.body.id])).toMatchObject({ rowCount: 0 });
    // Three worker processes boot one after the other; on a loaded machine each takes a while. Every wait above is for an event.
  }, 300_000);
});

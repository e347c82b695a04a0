import { randomUUID } from 'node:crypto';
import { ImportBatchDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { hoursCsv, pastWeekdays, placeClients, uploadHours, type FixturePlacement } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';
import { workerProcesses, type WorkerProcesses } from '../support/worker-processes';

// SIGKILL the worker twice while it runs a 5,000-row import: the import ends FAILED (or APPLIED), never stuck RUNNING.
// The workers run with the production timings, so this also shows a dead worker's import is taken up again within a
// minute (not "RUNNING 5000/5000" for a minute while nothing runs).

let platform: TestPlatform;
let pg: Client;
let provider: GraphqlSession;
let placements: FixturePlacement[];
let workers: WorkerProcesses;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  workers = workerProcesses(platform, pg);
  placements = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 25, groupName: 'Kill' });
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(async () => {
  workers?.killAll();
  await pg.end();
  await platform.close();
});

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

  // The import reads the file, then waits for the provider's import lock (held here) before it checks and writes the
  // rows (it writes each checked chunk while checking the next): a worker killed there leaves "RUNNING 0/5000" behind.
  const holder = new Client({ connectionString: platform.databaseUrl });
  await holder.connect();
  await holder.query(`SELECT pg_advisory_lock(hashtext($1))`, [`hours.import:${newBees.id}`]);
  let batchId: string;
  try {
    const upload = await uploadHours(platform.url, provider, 'uren.csv', hoursCsv(rows), 'APPLY', randomUUID());
    expect(upload.status).toBe(201);
    batchId = upload.body.id!;

    const seen = new Set<number>();
    const first = await workers.startReady();
    await workers.newLockWaiter('the first worker read the file and waits to check and write it', seen, 120_000);
    // Its progress goes out on its own connection, beside the wait.
    await waitFor('the batch shows RUNNING 0/5000', async () => {
      const row = await batchRow(batchId);
      return row.status === 'RUNNING' && row.total_rows === 5000 ? row : undefined;
    });
    expect(await batchRow(batchId)).toEqual({ status: 'RUNNING', processed_rows: 0, total_rows: 5000 });

    // A second worker runs beside it (as after a restart, or scaled out); it notices the dead one's job and runs it
    // again from the start, within a minute of the death (not counting its own start).
    const second = await workers.startReady();
    await workers.kill(first);
    await workers.newLockWaiter('the second worker takes the import up again within a minute', seen, 60_000);
    // A third worker is up when the second dies too.
    await workers.startReady();
    await workers.kill(second);
  } finally {
    await holder.end();
  }

  // The third worker finds the import stalled past its limit and fails it visibly, whatever its remaining attempts.
  const batch = await waitFor('the import has ended', async () => {
    const { importBatch } = await provider.ok(ImportBatchDocument, { id: batchId });
    return ['QUEUED', 'RUNNING'].includes(importBatch.status) ? undefined : importBatch;
  }, 120_000).catch((err: Error) => {
    throw new Error(`${err.message}\n${workers.output.join('').slice(-4000)}`);
  });
  expect(batch).toMatchObject({ status: 'FAILED', errorCount: 1 });
  expect(batch.errors).toEqual([{ row: 0, column: 'bestand', message: expect.stringContaining('herhaaldelijk vastlopen') }]);
  expect(batch.finishedAt).not.toBeNull();
  expect(await pg.query(`SELECT 1 FROM hour_entry WHERE import_batch_id = $1`, [batchId])).toMatchObject({ rowCount: 0 });
  // Its outbox row is no longer owed: it says it failed, and why.
  const { rows: [row] } = await pg.query(`SELECT completed_at, failed_at, failure FROM outbox_message WHERE payload->>'batchId' = $1`, [batchId]);
  expect(row).toMatchObject({ completed_at: null, failed_at: expect.any(Date), failure: expect.stringContaining('De worker stopte steeds') });
}, 420_000);

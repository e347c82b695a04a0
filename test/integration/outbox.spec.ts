import { RegisterClientDocument } from '@inburgering/contracts';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import { QUEUE_NAME } from '../../apps/api/src/jobs/job-definitions';
import { jobCompleted } from '../support/job-events';
import { clientDueForPip } from '../support/demo-client-input';
import { loginAs } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

let platform: TestPlatform;
let pg: Client;

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const count = async (sql: string, params: unknown[] = []) => Number((await pg.query(sql, params)).rows[0].count);

describe('outbox and worker', () => {
  it('turns a registration into a deadline signal through the outbox, exactly once', async () => {
    const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    const { registerClient } = await consultant.ok(RegisterClientDocument, { input: clientDueForPip(1) });
    const signal = await waitFor('deadline signal recorded', async () => {
      const { rows } = await pg.query(`SELECT kind, status FROM deadline_signal WHERE client_id = $1`, [registerClient.id]);
      return rows.length > 0 ? rows : undefined;
    });
    expect(signal).toEqual([{ kind: 'PIP_DEADLINE', status: 'DUE_SOON' }]);
    expect(await count(`SELECT count(*) FROM outbox_message WHERE payload->>'clientId' = $1 AND relayed_at IS NOT NULL`, [registerClient.id])).toBe(1);
    // The job payload carries ids only: no name, no BSN.
    const { rows } = await pg.query(`SELECT payload FROM outbox_message WHERE payload->>'clientId' = $1`, [registerClient.id]);
    // (and the id of the request that caused it, for the job's log lines).
    expect(Object.keys(rows[0].payload).sort()).toEqual(['clientId', 'municipalityId', 'requestId']);
  });

  it('writes no outbox row when the change itself is refused', async () => {
    const before = await count(`SELECT count(*) FROM outbox_message`);
    const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    const result = await consultant.request(RegisterClientDocument, { input: { ...clientDueForPip(2), bsn: '123456789' } });
    expect(result.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'bsn' });
    expect(await count(`SELECT count(*) FROM outbox_message`)).toBe(before);
  });

  it('runs a redelivered job only once', async () => {
    const [{ id }] = (await pg.query(`SELECT id FROM client LIMIT 1`)).rows;
    await platform.worker!.relay.stop();
    await pg.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('deadlines.scan-client', $1)`, [JSON.stringify({ clientId: id, municipalityId: '00000000-0000-0000-0000-000000000000' })]);
    const [{ id: outboxId }] = (await pg.query(`SELECT max(id) AS id FROM outbox_message`)).rows;
    const jobId = `outbox-${outboxId}`;
    const first = jobCompleted<{ ran: boolean }>(platform.worker!.worker, jobId);
    await platform.worker!.relay.relayAll();
    expect(await first).toEqual({ ran: true });
    // Simulate a relay that crashed after adding the job but before marking the row, with the first job gone from
    // Redis (cleaned up or lost): the queue takes the job again and the handler runs, but the work is not repeated.
    const queue = new Queue(QUEUE_NAME, { connection: { url: platform.config.redisUrl }, prefix: platform.config.queuePrefix });
    await queue.remove(jobId);
    await pg.query(`UPDATE outbox_message SET relayed_at = NULL WHERE id = $1`, [outboxId]);
    const second = jobCompleted<{ ran: boolean }>(platform.worker!.worker, jobId);
    await platform.worker!.relay.relayAll();
    expect(await second).toEqual({ ran: false });
    await queue.close();
    expect(await count(`SELECT count(*) FROM job_execution WHERE job_key LIKE $1`, [`%outbox-${outboxId}`])).toBe(1);
    platform.worker!.relay.start();
  });
});

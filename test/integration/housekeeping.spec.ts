import { ApplyImportDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { loginAs } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// Issue 14: the tables that grow without end are cleaned up on a schedule; what still matters stays.

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

const RUN_DATE = '2026-06-01';
const OLD = '2026-01-15T12:00:00Z';
const RECENT = '2026-05-25T12:00:00Z';

async function exists(sql: string, params: unknown[]): Promise<boolean> {
  return (await pg.query(sql, params)).rows.length > 0;
}

describe('the nightly cleanup', () => {
  it('removes done outbox rows, old job executions, expired sessions and old hours files\' bytes, and keeps what still matters', async () => {
    const outbox = async (completedAt: string | null, failedAt: string | null) => (await pg.query(
      `INSERT INTO outbox_message (job_name, payload, relayed_at, completed_at, failed_at) VALUES ('deadlines.scan-all', '{}', $1, $1, $2) RETURNING id`,
      [completedAt, failedAt],
    )).rows[0].id as string;
    const oldDone = await outbox(OLD, null);
    const recentDone = await outbox(RECENT, null);
    const failedWhileAgo = await outbox(null, '2026-04-15T12:00:00Z');
    await pg.query(`INSERT INTO job_execution (job_key, job_name, finished_at) VALUES ('test:old', 'deadlines.scan-all', $1), ('test:recent', 'deadlines.scan-all', $2)`, ['2026-02-01T00:00:00Z', RECENT]);
    const userId = (await pg.query(`SELECT id FROM app_user WHERE email = 'consulent@arnhem.demo.nl'`)).rows[0].id;
    await pg.query(`INSERT INTO user_session (token_hash, user_id, expires_at) VALUES ('test-expired', $1, $2), ('test-valid', $1, '2026-05-30T00:00:00Z')`, [userId, '2026-05-01T00:00:00Z']);
    const providerId = (await pg.query(`SELECT id FROM organisation WHERE name = 'New Bees'`)).rows[0].id;
    const batch = async (key: string, status: string, finishedAt: string | null) => (await pg.query(
      `INSERT INTO import_batch (provider_id, idempotency_key, filename, format, sha256, content, mode, status, finished_at)
       VALUES ($1, $2, 'uren.csv', 'CSV', 'x', convert_to('gemeente;klantnummer', 'UTF8'), 'APPLY', $3, $4) RETURNING id`,
      [providerId, key, status, finishedAt],
    )).rows[0].id as string;
    const oldApplied = await batch('test-old', 'APPLIED', '2026-02-01T00:00:00Z');
    const oldDryRun = await batch('test-old-dry-run', 'VALID', '2026-02-01T00:00:00Z');
    await pg.query(`UPDATE import_batch SET mode = 'DRY_RUN' WHERE id = $1`, [oldDryRun]);
    const recentApplied = await batch('test-recent', 'APPLIED', RECENT);

    // Figures data versions: per region and source table only the highest one is read (FiguresCache), so only that one stays.
    const regionId = (await pg.query(`SELECT id FROM organisation WHERE kind = 'REGION' AND name LIKE '%Midden-Gelderland%'`)).rows[0].id;
    await pg.query(`INSERT INTO figures_region_change (region_id, source) VALUES ($1, NULL), ($1, NULL), ($1, 'placement'), ($1, 'placement'), ($1, 'hour_entry')`, [regionId]);
    const regionVersions = async () => (await pg.query(
      `SELECT max(version)::text AS latest, count(*)::int AS n, count(DISTINCT coalesce(source, '-'))::int AS sources,
              max(version) FILTER (WHERE source = 'placement')::text AS placement
         FROM figures_region_change WHERE region_id = $1`, [regionId])).rows[0];
    const versionsBefore = await regionVersions();
    expect(versionsBefore.n).toBeGreaterThan(versionsBefore.sources);

    await pg.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('housekeeping.clean', $1)`, [{ runDate: RUN_DATE }]);
    await waitFor('the cleanup ran', () => exists(`SELECT 1 FROM job_execution WHERE job_key = $1`, [`housekeeping.clean:${RUN_DATE}`]));

    expect(await exists(`SELECT 1 FROM outbox_message WHERE id = $1`, [oldDone])).toBe(false);
    expect(await exists(`SELECT 1 FROM outbox_message WHERE id = $1`, [recentDone])).toBe(true);
    // A failure is kept 90 days, so an administrator still sees what failed.
    expect(await exists(`SELECT 1 FROM outbox_message WHERE id = $1`, [failedWhileAgo])).toBe(true);
    expect(await exists(`SELECT 1 FROM job_execution WHERE job_key = 'test:old'`, [])).toBe(false);
    expect(await exists(`SELECT 1 FROM job_execution WHERE job_key = 'test:recent'`, [])).toBe(true);
    expect(await exists(`SELECT 1 FROM user_session WHERE token_hash = 'test-expired'`, [])).toBe(false);
    expect(await exists(`SELECT 1 FROM user_session WHERE token_hash = 'test-valid'`, [])).toBe(true);
    const sizes = (await pg.query(`SELECT id, octet_length(content) AS n, status, filename FROM import_batch WHERE id = ANY($1)`, [[oldApplied, recentApplied]])).rows;
    // The old batch keeps its record (status, name), only the bytes go.
    expect(sizes.find((r) => r.id === oldApplied)).toMatchObject({ n: 0, status: 'APPLIED', filename: 'uren.csv' });
    expect(sizes.find((r) => r.id === recentApplied)!.n).toBeGreaterThan(0);
    const versionsAfter = await regionVersions();
    expect(versionsAfter.n).toBe(versionsBefore.sources);
    expect(versionsAfter.sources).toBe(versionsBefore.sources);
    expect(BigInt(versionsAfter.latest)).toBeGreaterThanOrEqual(BigInt(versionsBefore.latest));
    expect(BigInt(versionsAfter.placement)).toBeGreaterThanOrEqual(BigInt(versionsBefore.placement));
    // A proefimport whose file is gone cannot be imported any more, and says why.
    const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const apply = await newBees.request(ApplyImportDocument, { input: { batchId: oldDryRun, idempotencyKey: 'test-apply-old-dry-run' } });
    expect(apply.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'batchId', code: 'DRY_RUN_FILE_REMOVED' })]);
  });
});

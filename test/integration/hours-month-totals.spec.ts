import { randomUUID } from 'node:crypto';
import {
  ApproveHourPeriodDocument, CopyPreviousHourWeekDocument, CorrectHourEntryDocument, HourPeriodsDocument, HourWeekDocument, ImportBatchDocument,
  SaveHourEntriesDocument, SubmitHourPeriodDocument, type HourCellInput,
} from '@inburgering/contracts';
import { addDays } from '@inburgering/domain';
import { Client } from 'pg';
import { hoursCsv, placeClients, uploadHours, weekInPreviousMonth, type FixturePlacement } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// The months list and a period's totals come from hour_month_total, kept up to date by triggers on hour_entry: these
// tests prove the totals equal the hour rows after every kind of write, and that a month is submitted and decided once.

let platform: TestPlatform;
let pg: Client;
let provider: GraphqlSession;
let group: FixturePlacement[];
const { weekStart, days, month } = weekInPreviousMonth();

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  group = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 6, groupName: 'Totalen' });
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const cell = (placementId: string, date: string, planned: number, attended: number, version: number | null = null): HourCellInput =>
  ({ placementId, date, category: 'LANGUAGE', plannedMinutes: planned, attendedMinutes: attended, absenceReason: attended < planned ? 'SICK' : null, version });

/** Every (placement, month) whose maintained total (hour_placement_month, the contract figures' source) differs from the current hour rows. */
async function placementMismatches(): Promise<unknown[]> {
  const { rows } = await pg.query(
    `WITH current AS (
       SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM hour_entry ORDER BY placement_id, lesson_date, category, revision DESC
     ), actual AS (
       SELECT placement_id, date_trunc('month', lesson_date)::date AS month, sum(planned_minutes)::int AS planned,
              sum(attended_minutes)::int AS attended, count(*)::int AS entries
         FROM current GROUP BY 1, 2
     ), kept AS (SELECT * FROM hour_placement_month WHERE entry_count <> 0 OR planned_minutes <> 0 OR attended_minutes <> 0)
     SELECT a.*, k.planned_minutes, k.attended_minutes, k.entry_count
       FROM actual a FULL JOIN kept k ON k.placement_id = a.placement_id AND k.month = a.month
      WHERE a.planned IS DISTINCT FROM k.planned_minutes OR a.attended IS DISTINCT FROM k.attended_minutes OR a.entries IS DISTINCT FROM k.entry_count`,
  );
  return rows;
}

/** Every (provider, municipality, month) whose maintained total differs from the sum of the current hour rows, in the whole database, and every placement month. */
async function mismatches(): Promise<unknown[]> {
  const placements = await placementMismatches();
  if (placements.length > 0) return placements;
  const { rows } = await pg.query(
    `WITH current AS (
       SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM hour_entry ORDER BY placement_id, lesson_date, category, revision DESC
     ), actual AS (
       SELECT provider_id, municipality_id, date_trunc('month', lesson_date)::date AS month, sum(planned_minutes)::int AS planned,
              sum(attended_minutes)::int AS attended, count(*)::int AS entries, (count(*) FILTER (WHERE revision > 0))::int AS corrections
         FROM current GROUP BY 1, 2, 3
     ), summed AS (
       SELECT provider_id, municipality_id, month, sum(planned_minutes)::int AS planned_minutes, sum(attended_minutes)::int AS attended_minutes,
              sum(entry_count)::int AS entry_count, sum(correction_count)::int AS correction_count
         FROM hour_month_total GROUP BY 1, 2, 3
     ), kept AS (SELECT * FROM summed WHERE entry_count <> 0 OR planned_minutes <> 0 OR attended_minutes <> 0 OR correction_count <> 0)
     SELECT a.*, k.planned_minutes, k.attended_minutes, k.entry_count, k.correction_count
       FROM actual a FULL JOIN kept k ON k.provider_id = a.provider_id AND k.municipality_id = a.municipality_id AND k.month = a.month
      WHERE a.planned IS DISTINCT FROM k.planned_minutes OR a.attended IS DISTINCT FROM k.attended_minutes
         OR a.entries IS DISTINCT FROM k.entry_count OR a.corrections IS DISTINCT FROM k.correction_count`,
  );
  return rows;
}

/** The provider's month for Arnhem as the months list shows it. */
async function arnhemMonth(session: GraphqlSession = provider) {
  const { hourPeriodPage: { items: hourPeriods } } = await session.ok(HourPeriodsDocument, { status: null });
  return hourPeriods.find((p) => p.month === month && p.municipalityId === group[0].municipalityId && p.providerName === 'New Bees');
}

async function rowsOfMonth(): Promise<{ entries: number; planned: number; attended: number; corrections: number }> {
  const { rows: [row] } = await pg.query(
    `SELECT count(*)::int AS entries, coalesce(sum(planned_minutes), 0)::int AS planned, coalesce(sum(attended_minutes), 0)::int AS attended,
            (count(*) FILTER (WHERE revision > 0))::int AS corrections
       FROM (SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM hour_entry
              WHERE provider_id = (SELECT provider_id FROM placement WHERE id = $1) AND municipality_id = $2
                AND lesson_date >= $3 AND lesson_date < ($3::date + interval '1 month')
              ORDER BY placement_id, lesson_date, category, revision DESC) current`,
    [group[0].placementId, group[0].municipalityId, month],
  );
  return row;
}

async function expectTotalsMatchRows(): Promise<void> {
  expect(await mismatches()).toEqual([]);
  const rows = await rowsOfMonth();
  expect(await arnhemMonth()).toMatchObject({ entryCount: rows.entries, plannedMinutes: rows.planned, attendedMinutes: rows.attended, correctionCount: rows.corrections });
}

describe('maintained monthly totals', () => {
  it('start equal to the hour rows of the demo data', async () => {
    expect(await mismatches()).toEqual([]);
    const { rows: [{ count }] } = await pg.query(`SELECT count(*)::int FROM hour_month_total`);
    expect(count).toBeGreaterThan(0);
    const { rows: [{ count: placementMonths }] } = await pg.query(`SELECT count(*)::int FROM hour_placement_month WHERE entry_count > 0`);
    expect(placementMonths).toBeGreaterThan(0);
  });

  it('follow grid saves, edits, emptied cells, a copied week, an import, direct SQL and a correction', async () => {
    await provider.ok(SaveHourEntriesDocument, { input: { cells: group.flatMap((p) => days.map((d) => cell(p.placementId, d, 180, 180))) } });
    await expectTotalsMatchRows();

    const { hourWeek } = await provider.ok(HourWeekDocument, { weekStart, groupName: 'Totalen' });
    const first = hourWeek.rows.find((r) => r.placementId === group[0].placementId)!.entries;
    await provider.ok(SaveHourEntriesDocument, { input: { cells: [cell(group[0].placementId, days[0], 180, 60, first[0].version), cell(group[0].placementId, days[1], 0, 0, first[1].version)] } });
    await expectTotalsMatchRows();

    const copied = await provider.ok(CopyPreviousHourWeekDocument, { input: { weekStart: addDays(weekStart, 7), category: 'LANGUAGE', groupName: 'Totalen' } });
    expect(copied.copyPreviousHourWeek).toBeGreaterThan(0);
    await expectTotalsMatchRows();

    const csv = hoursCsv(group.slice(0, 3).map((p) => ({ clientNumber: p.clientNumber, date: days[2], category: 'KNM', planned: '1', attended: '1' })));
    const upload = await uploadHours(platform.url, provider, 'uren.csv', csv, 'APPLY', randomUUID());
    expect(upload.status).toBe(201);
    await waitFor('import applied', async () => (await provider.ok(ImportBatchDocument, { id: upload.body.id! })).importBatch.status === 'APPLIED', 60_000);
    await expectTotalsMatchRows();

    await pg.query(`UPDATE hour_entry SET attended_minutes = 0, absence_reason = 'SICK' WHERE placement_id = $1 AND lesson_date = $2`, [group[1].placementId, days[3]]);
    await pg.query(`DELETE FROM hour_entry WHERE placement_id = $1 AND lesson_date = $2`, [group[2].placementId, days[4]]);
    await expectTotalsMatchRows();

    const { submitHourPeriod } = await provider.ok(SubmitHourPeriodDocument, { input: { municipalityId: group[0].municipalityId, month } });
    const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    const { approveHourPeriod } = await consultant.ok(ApproveHourPeriodDocument, { periodId: submitHourPeriod.id! });
    const before = await rowsOfMonth();
    expect(approveHourPeriod).toMatchObject({ status: 'APPROVED', entryCount: before.entries, attendedMinutes: before.attended, correctionCount: 0 });

    const entry = (await provider.ok(HourWeekDocument, { weekStart, groupName: 'Totalen' })).hourWeek.rows.find((r) => r.placementId === group[3].placementId)!.entries[0];
    const { correctHourEntry } = await provider.ok(CorrectHourEntryDocument, { input: { entryId: entry.id, plannedMinutes: 180, attendedMinutes: 90, absenceReason: 'EXCUSED', reason: 'Later binnengekomen' } });
    await provider.ok(CorrectHourEntryDocument, { input: { entryId: correctHourEntry.id, plannedMinutes: 180, attendedMinutes: 120, absenceReason: 'EXCUSED', reason: 'Toch langer gebleven' } });
    await expectTotalsMatchRows();
    expect(await arnhemMonth(consultant)).toMatchObject({ status: 'APPROVED', correctionCount: 1, entryCount: before.entries, attendedMinutes: before.attended - 60 });

    // A placement removed with its hours (cascade) takes its hours out of the totals.
    const [extra] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'Totalen' });
    await pg.query(`INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes)
                    SELECT id, client_id, provider_id, municipality_id, $2, 'LANGUAGE', 60, 60 FROM placement WHERE id = $1`, [extra.placementId, days[0]]);
    expect(await mismatches()).toEqual([]);
    await pg.query(`DELETE FROM placement WHERE id = $1`, [extra.placementId]);
    expect(await mismatches()).toEqual([]);
  });
});

describe('saving hours of one month at once', () => {
  it('lets two connections write hours of the same provider, municipality and month without waiting for each other', async () => {
    // Each connection shifts its own slot of the month's totals (backend pid mod 16); pick a second connection whose
    // slot differs from the first's (pids are consecutive, so the next one nearly always does).
    const first = new Client({ connectionString: platform.databaseUrl });
    await first.connect();
    const pidOf = async (client: Client) => Number((await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid);
    const firstSlot = (await pidOf(first)) & 15;
    const opened: Client[] = [];
    let second: Client | undefined;
    while (!second) {
      const candidate = new Client({ connectionString: platform.databaseUrl });
      await candidate.connect();
      opened.push(candidate);
      if (((await pidOf(candidate)) & 15) !== firstSlot) second = candidate;
    }
    const insert = `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes)
                    SELECT id, client_id, provider_id, municipality_id, $2, 'KNM', 60, 60 FROM placement WHERE id = $1`;
    try {
      await first.query('BEGIN');
      await first.query(insert, [group[4].placementId, days[0]]);
      await second.query('BEGIN');
      // With one total row per month this waits for the first transaction, and gives up after the lock timeout.
      await second.query(`SET LOCAL lock_timeout = '3s'`);
      await second.query(insert, [group[5].placementId, days[0]]);
      await second.query('COMMIT');
      await first.query('COMMIT');
    } finally {
      await Promise.all([first, ...opened].map((client) => client.end()));
    }
    await expectTotalsMatchRows();
  });
});

describe('deciding a month', () => {
  it('ends six concurrent submissions of one month in one submission, and six approvals in one approval', async () => {
    const [other] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'Gelijktijdig' });
    const otherMonth = `${addDays(month, -1).slice(0, 7)}-01`;
    await provider.ok(SaveHourEntriesDocument, { input: { cells: [cell(other.placementId, addDays(otherMonth, 14), 120, 120)] } });
    const submits = await Promise.all(Array.from({ length: 6 }, () => provider.request(SubmitHourPeriodDocument, { input: { municipalityId: other.municipalityId, month: otherMonth } })));
    const submitted = submits.filter((r) => !r.errors);
    expect(submitted).toHaveLength(1);
    expect(submits.filter((r) => r.errors).map((r) => r.errors?.[0].extensions?.fields?.[0].message)).toEqual(Array(5).fill(expect.stringContaining('is al ingediend of goedgekeurd')));
    const periodId = submitted[0].data!.submitHourPeriod.id!;
    expect(submitted[0].data!.submitHourPeriod).toMatchObject({ status: 'SUBMITTED', month: otherMonth });

    const consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    const approvals = await Promise.all(Array.from({ length: 6 }, () => consultant.request(ApproveHourPeriodDocument, { periodId })));
    expect(approvals.filter((r) => !r.errors)).toHaveLength(1);
    expect(approvals.filter((r) => r.errors).map((r) => r.errors?.[0].extensions?.fields?.[0].message)).toEqual(Array(5).fill(expect.stringContaining('is niet ingediend')));
  });

  it('makes a save into an open month wait for a submission of that month in progress, and then refuses it', async () => {
    const [late] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'Laat' });
    const lateMonth = `${addDays(month, -32).slice(0, 7)}-01`;
    const lesson = addDays(lateMonth, 15);
    const submitter = new Client({ connectionString: platform.databaseUrl });
    await submitter.connect();
    try {
      // A submission of the (still open, never seen) month holds its period row, as submitHourPeriod does.
      await submitter.query('BEGIN');
      const { rows: [period] } = await submitter.query(
        `INSERT INTO hour_period (provider_id, municipality_id, month) SELECT provider_id, municipality_id, $2 FROM placement WHERE id = $1 RETURNING id`,
        [late.placementId, lateMonth],
      );
      await submitter.query(`SELECT id FROM hour_period WHERE id = $1 FOR UPDATE`, [period.id]);
      const save = provider.request(SaveHourEntriesDocument, { input: { cells: [cell(late.placementId, lesson, 120, 120)] } });
      await waitFor('save waits for the period row', async () => {
        const { rows } = await pg.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE '%hour_period%'`);
        return rows[0].n > 0;
      });
      await submitter.query(`UPDATE hour_period SET status = 'SUBMITTED', submitted_at = now() WHERE id = $1`, [period.id]);
      await submitter.query('COMMIT');
      const result = await save;
      expect(result.errors?.[0].extensions?.fields?.[0].message).toContain('zijn ingediend en wachten op de gemeente');
      const { rows: [{ n }] } = await pg.query(`SELECT count(*)::int AS n FROM hour_entry WHERE placement_id = $1`, [late.placementId]);
      expect(n).toBe(0);
    } finally {
      await submitter.end();
    }
  });
});

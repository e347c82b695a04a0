import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { ApplyImportDocument, HourWeekDocument, ImportBatchDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { hoursCsv, pastWeekdays, placeClients, uploadHours, type FixturePlacement } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

let platform: TestPlatform;
let pg: Client;
let provider: GraphqlSession;
let placements: FixturePlacement[];
const days = pastWeekdays(100);

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  placements = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 26, groupName: 'Import' });
  provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

/** Rows of this file's placements (the demo data has hours of its own). */
const hourRows = async (): Promise<number> =>
  Number((await pg.query(`SELECT count(*) FROM hour_entry WHERE placement_id = ANY($1::uuid[])`, [placements.map((p) => p.placementId)])).rows[0].count);

/** 25 clients × 100 lesson days × 2 categories = 5,000 rows. */
function fiveThousandRows() {
  return placements.slice(0, 25).flatMap((p) => days.flatMap((date) => [
    { clientNumber: p.clientNumber, date, category: 'taal', planned: '2,5', attended: '2,5' },
    { clientNumber: p.clientNumber, date, category: 'KNM', planned: '1', attended: '0', reason: 'ziek' },
  ]));
}

async function finished(session: GraphqlSession, id: string) {
  return waitFor(`import ${id} klaar`, async () => {
    const { importBatch } = await session.ok(ImportBatchDocument, { id });
    return ['QUEUED', 'RUNNING'].includes(importBatch.status) ? undefined : importBatch;
  }, 60_000);
}

describe('hours import', () => {
  it('reports exactly the 3 bad rows of a 5,000-row file with row, column and reason, and writes nothing', async () => {
    const rows = fiveThousandRows();
    rows[99] = { ...rows[99], date: '31-02-2026' }; // spreadsheet row 101
    rows[1999] = { ...rows[1999], planned: 'twee' }; // row 2001
    rows[4498] = { ...rows[4498], clientNumber: 999999 }; // row 4500
    const upload = await uploadHours(platform.url, provider, 'uren-met-fouten.csv', hoursCsv(rows), 'APPLY', randomUUID());
    expect(upload.status).toBe(201);
    const batch = await finished(provider, upload.body.id!);
    expect(batch).toMatchObject({ status: 'INVALID', totalRows: 5000, processedRows: 5000, errorCount: 3 });
    expect(batch.errors).toEqual([
      { row: 101, column: 'datum', message: '"31-02-2026" is geen geldige datum; gebruik dag-maand-jaar, bijvoorbeeld 31-01-2026.' },
      { row: 2001, column: 'gepland', message: '"twee" is geen aantal uren; gebruik een komma voor decimalen, bijvoorbeeld 1,5.' },
      { row: 4500, column: 'klantnummer', message: 'Klantnummer 999999 van deze gemeente is niet bij u geplaatst.' },
    ]);
    expect(await hourRows()).toBe(0);
  });

  it('writes all 5,000 rows of the fixed file after a dry run, and a second upload adds nothing', async () => {
    const csv = hoursCsv(fiveThousandRows());
    const dryRun = await uploadHours(platform.url, provider, 'uren.csv', csv, 'DRY_RUN', randomUUID());
    expect(await finished(provider, dryRun.body.id!)).toMatchObject({ status: 'VALID', errorCount: 0, totalRows: 5000 });
    expect(await hourRows()).toBe(0);

    const applyKey = randomUUID();
    const { applyImport } = await provider.ok(ApplyImportDocument, { input: { batchId: dryRun.body.id!, idempotencyKey: applyKey } });
    expect(await finished(provider, applyImport.id)).toMatchObject({ status: 'APPLIED', processedRows: 5000 });
    expect(await hourRows()).toBe(5000);
    const { rows: [sum] } = await pg.query(`SELECT sum(planned_minutes)::int AS planned, sum(attended_minutes)::int AS attended FROM hour_entry WHERE placement_id = ANY($1::uuid[])`, [placements.map((p) => p.placementId)]);
    expect(sum).toEqual({ planned: 2500 * 150 + 2500 * 60, attended: 2500 * 150 });

    // Clicking again with the same key is the same submission.
    const again = await provider.ok(ApplyImportDocument, { input: { batchId: dryRun.body.id!, idempotencyKey: applyKey } });
    expect(again.applyImport.id).toBe(applyImport.id);

    const reupload = await uploadHours(platform.url, provider, 'uren (kopie).csv', csv, 'APPLY', randomUUID());
    expect(await finished(provider, reupload.body.id!)).toMatchObject({ status: 'DUPLICATE' });
    expect(await hourRows()).toBe(5000);
    const { hourWeek } = await provider.ok(HourWeekDocument, { weekStart: days[days.length - 1], groupName: 'Import' });
    const imported = hourWeek.rows.find((row) => row.placementId === placements[0].placementId);
    expect(imported?.entries.find((e) => e.category === 'LANGUAGE')).toMatchObject({ plannedMinutes: 150, imported: true });
  });

  it('leaves all rows or none when the import dies mid-write, and a retry with the same key ends with exactly one copy', async () => {
    const extra = placements.slice(0, 25).flatMap((p) => days.slice(0, 20).map((date) => ({ clientNumber: p.clientNumber, date, category: 'participatie', planned: '2', attended: '2' })));
    const csv = hoursCsv(extra);
    const key = randomUUID();
    const before = await hourRows();
    // Hold the table so the worker's write waits, then kill its connection mid-transaction, as a crash would.
    const blocker = new Client({ connectionString: platform.databaseUrl });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('LOCK TABLE hour_entry IN SHARE MODE');
    const upload = await uploadHours(platform.url, provider, 'participatie.csv', csv, 'APPLY', key);
    const pid = await waitFor('import waits on the table lock', async () => {
      const { rows } = await pg.query(`SELECT pid FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE 'INSERT INTO hour_entry%'`);
      return rows[0]?.pid as number | undefined;
    });
    await pg.query('SELECT pg_terminate_backend($1)', [pid]);
    await blocker.query('ROLLBACK');
    await blocker.end();
    expect(await hourRows()).toBe(before);

    // The retry (same key: the same batch) runs the job again and applies the file once.
    const retry = await uploadHours(platform.url, provider, 'participatie.csv', csv, 'APPLY', key);
    expect(retry.body.id).toBe(upload.body.id);
    expect(await finished(provider, upload.body.id!)).toMatchObject({ status: 'APPLIED' });
    expect(await hourRows()).toBe(before + 500);
    const again = await uploadHours(platform.url, provider, 'participatie.csv', csv, 'APPLY', key);
    expect(again.body).toMatchObject({ id: upload.body.id, status: 'APPLIED' });
    expect(await hourRows()).toBe(before + 500);
  });

  it('accepts XLSX with Dutch numbers and dates, and refuses a reused key for another file', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Uren');
    sheet.addRow(['gemeente', 'klantnummer', 'datum', 'categorie', 'gepland', 'aanwezig', 'reden']);
    sheet.addRow(['Arnhem', placements[25].clientNumber, days[10].split('-').reverse().join('-'), 'Taal', '1,5', '0,75', 'geoorloofd']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    const key = randomUUID();
    const upload = await uploadHours(platform.url, provider, 'uren.xlsx', xlsx, 'DRY_RUN', key);
    expect(await finished(provider, upload.body.id!)).toMatchObject({ status: 'VALID', format: 'XLSX', totalRows: 1, errorCount: 0 });
    const reused = await uploadHours(platform.url, provider, 'ander.csv', hoursCsv([]), 'DRY_RUN', key);
    expect(reused).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  it('reports a damaged spreadsheet as unreadable instead of retrying it', async () => {
    const damaged = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...new TextEncoder().encode('geen echte werkmap')]);
    const upload = await uploadHours(platform.url, provider, 'kapot.xlsx', damaged, 'DRY_RUN', randomUUID());
    expect(upload.status).toBe(201);
    expect(await finished(provider, upload.body.id!)).toMatchObject({
      status: 'INVALID',
      errors: [{ row: 1, column: 'bestand', message: 'Het bestand kan niet worden gelezen. Gebruik het sjabloon (CSV of XLSX).' }],
    });
  });

  it('refuses a 5,000-row file for its one bad row deep inside (row 4,900), naming that row, and applies none of the other 4,999', async () => {
    // Other hours than the applied file's, so a partial write would show in the sums.
    const rows = fiveThousandRows().map((r) => ({ ...r, planned: '3', attended: '3', reason: '' }));
    rows[4898] = { ...rows[4898], category: 'zwemmen' }; // spreadsheet row 4900, in the last chunk of 1,000
    const before = await pg.query(`SELECT count(*)::int AS n, sum(planned_minutes)::int AS planned FROM hour_entry WHERE placement_id = ANY($1::uuid[])`, [placements.map((p) => p.placementId)]);
    const upload = await uploadHours(platform.url, provider, 'uren-een-fout.csv', hoursCsv(rows), 'APPLY', randomUUID());
    expect(await finished(provider, upload.body.id!)).toMatchObject({
      status: 'INVALID', totalRows: 5000, processedRows: 5000, errorCount: 1,
      errors: [{ row: 4900, column: 'categorie', message: 'Onbekende categorie "zwemmen"; kies taal, KNM, MAP, PVT, participatie, alfabetisering of overige vakken.' }],
    });
    const after = await pg.query(`SELECT count(*)::int AS n, sum(planned_minutes)::int AS planned FROM hour_entry WHERE placement_id = ANY($1::uuid[])`, [placements.map((p) => p.placementId)]);
    expect(after.rows[0]).toEqual(before.rows[0]);
    expect((await pg.query(`SELECT count(*)::int AS n FROM hour_entry WHERE import_batch_id = $1`, [upload.body.id])).rows[0].n).toBe(0);
  });

  it('refuses a file that would overwrite a closed presence list\'s day in its fifth thousand rows, naming that row, and writes nothing', async () => {
    // placements[20]'s taal on days[40] is spreadsheet row 2 + 20 × 200 + 80 = 4082; its hours came from a closed presence list.
    const cell = { placementId: placements[20].placementId, date: days[40] };
    const marked = await pg.query(`UPDATE hour_entry SET source = 'PRESENCE_LIST' WHERE placement_id = $1 AND lesson_date = $2 AND category = 'LANGUAGE' RETURNING id`, [cell.placementId, cell.date]);
    expect(marked.rowCount).toBe(1);
    try {
      const rows = fiveThousandRows().map((r) => (r.category === 'taal' ? { ...r, planned: '3', attended: '3' } : r));
      const upload = await uploadHours(platform.url, provider, 'uren-over-lijst.csv', hoursCsv(rows), 'APPLY', randomUUID());
      const batch = await finished(provider, upload.body.id!);
      expect(batch).toMatchObject({ status: 'INVALID', processedRows: 5000, errorCount: 1 });
      expect(batch.errors).toEqual([{ row: 4082, column: 'datum', message: expect.stringMatching(/^De uren van \d{1,2}-\d{1,2}-\d{4} komen uit een afgesloten presentielijst en worden niet overschreven/) }]);
      expect((await pg.query(`SELECT count(*)::int AS n FROM hour_entry WHERE import_batch_id = $1`, [upload.body.id])).rows[0].n).toBe(0);
      const { rows: [kept] } = await pg.query(`SELECT planned_minutes, source FROM hour_entry WHERE id = $1`, [marked.rows[0].id]);
      expect(kept).toEqual({ planned_minutes: 150, source: 'PRESENCE_LIST' });
    } finally {
      await pg.query(`UPDATE hour_entry SET source = NULL WHERE id = $1`, [marked.rows[0].id]);
    }
  });

  it('replaces the days that are there already, also when they come after a thousand new ones, and adds the new days once', async () => {
    // Spreadsheet rows 2–1001: new days (alfabetisering); rows 1002–1501: days of the applied file with other hours.
    const fresh = placements.slice(0, 10).flatMap((p) => days.map((date) => ({ clientNumber: p.clientNumber, date, category: 'alfabetisering', planned: '1', attended: '1' })));
    const changed = placements.slice(0, 5).flatMap((p) => days.map((date) => ({ clientNumber: p.clientNumber, date, category: 'taal', planned: '3', attended: '3' })));
    const before = await hourRows();
    const upload = await uploadHours(platform.url, provider, 'uren-aangevuld.csv', hoursCsv([...fresh, ...changed]), 'APPLY', randomUUID());
    expect(await finished(provider, upload.body.id!)).toMatchObject({ status: 'APPLIED', totalRows: 1500, processedRows: 1500, errorCount: 0 });
    expect(await hourRows()).toBe(before + 1000);
    const { rows: [language] } = await pg.query(
      `SELECT count(*)::int AS n, min(planned_minutes) AS planned, min(version) AS version, count(*) FILTER (WHERE import_batch_id = $2)::int AS marked
         FROM hour_entry WHERE placement_id = ANY($1::uuid[]) AND category = 'LANGUAGE'`, [placements.slice(0, 5).map((p) => p.placementId), upload.body.id]);
    expect(language).toEqual({ n: 500, planned: 180, version: 2, marked: 500 });
    const { rows: [literacy] } = await pg.query(`SELECT count(*)::int AS n, sum(planned_minutes)::int AS planned FROM hour_entry WHERE import_batch_id = $1 AND category = 'LITERACY'`, [upload.body.id]);
    expect(literacy).toEqual({ n: 1000, planned: 60_000 });
  });

  it('offers the template and refuses uploads without the portal header', async () => {
    const cookie = provider.lastSetCookie!.split(';')[0];
    const template = await fetch(`${platform.url}/api/hours/import-template?format=csv`, { headers: { cookie } });
    expect(template.status).toBe(200);
    expect((await template.text()).replace('\ufeff', '').split('\r\n')[0]).toBe('gemeente;klantnummer;achternaam;datum;categorie;gepland;aanwezig;reden');
    const form = new FormData();
    form.append('file', new Blob(['x']), 'x.csv');
    const crossSite = await fetch(`${platform.url}/api/hours/imports`, { method: 'POST', headers: { cookie }, body: form });
    expect(crossSite.status).toBe(403);
  });
});

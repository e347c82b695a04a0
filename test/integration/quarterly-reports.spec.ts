import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { previousQuarter, quarterPeriod } from '@inburgering/domain';
import { type FiguresFieldsFragment, LotFiguresDocument, QuarterlyReportsDocument, RegionFiguresDocument, RequestQuarterlyReportDocument } from '@inburgering/contracts';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { today } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

let platform: TestPlatform;
let pg: Client;
let projectleider: GraphqlSession;
let otherRegion: GraphqlSession;
let newBees: GraphqlSession;
let arnhem: GraphqlSession;
let lotId: string;
const past = previousQuarter(today());
/** The dashboard's period selector set to the report's quarter. */
const pastPeriod = { periodFrom: quarterPeriod(past).from, periodTo: quarterPeriod(past).to };

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  [projectleider, otherRegion, newBees, arnhem] = await Promise.all([
    loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl'),
    loginAs(platform.url, 'projectleider@noordoost-brabant.demo.nl'),
    loginAs(platform.url, 'aanbieder@newbees.demo.nl'),
    loginAs(platform.url, 'consulent@arnhem.demo.nl'),
  ]);
  const { rows } = await pg.query(`SELECT id FROM lot WHERE name = 'B1-route Midden-Gelderland'`);
  lotId = rows[0].id;
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

function download(session: GraphqlSession, path: string): Promise<Response> {
  const cookie = session.lastSetCookie?.split(';')[0];
  return fetch(`${platform.url}${path}`, { headers: cookie ? { cookie } : {} });
}

async function ready(id: string, lot: string | null = null) {
  return waitFor(`rapportage ${id} klaar`, async () => {
    const { quarterlyReports } = await projectleider.ok(QuarterlyReportsDocument, { lotId: lot });
    const report = quarterlyReports.find((r) => r.id === id);
    return report?.status === 'READY' ? report : undefined;
  }, 60_000);
}

async function workbookOf(url: string): Promise<ExcelJS.Workbook> {
  const response = await download(projectleider, url);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('spreadsheetml');
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
  return workbook;
}

/** The sheet's rows below the header, cell values as the spreadsheet holds them. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): unknown[][] {
  const sheet = workbook.getWorksheet(name);
  expect(sheet).toBeDefined();
  const rows: unknown[][] = [];
  sheet!.eachRow((row, n) => { if (n > 1) rows.push((row.values as unknown[]).slice(1)); });
  return rows;
}

/** The report's numbers equal the figures API's for the projectleider, small numbers hidden the same way. */
function expectSameFigures(workbook: ExcelJS.Workbook, figures: FiguresFieldsFragment) {
  const groups = [...figures.groups, figures.total];
  const hidden = (v: number | null | undefined) => (v === null || v === undefined ? figures.suppressedLabel : v);
  const intake = rowsOf(workbook, 'Instroom');
  expect(intake.map((r) => r[0])).toEqual(groups.map((g) => g.label));
  groups.forEach((g, i) => expect(intake[i].slice(1, 6)).toEqual([g.intake.requested, g.intake.accepted, g.intake.started, g.intake.waiting, g.intake.total].map(hidden)));
  const hours = rowsOf(workbook, 'Uren');
  groups.forEach((g, i) => {
    const planned = hours[i][1];
    if (g.hours.plannedMinutes === null) expect(planned).toBe(figures.suppressedLabel);
    else expect(Number(planned) * 60).toBeCloseTo(g.hours.plannedMinutes, 6);
    expect(hours[i][3]).toEqual(hidden(g.hours.attendancePercent));
    // The shares of the route norm and of the PIP's hours: hidden with the row's hours, empty where there is none.
    const share = (v: number | null | undefined) => (v === null || v === undefined ? (g.hours.plannedMinutes === null ? figures.suppressedLabel : expect.anything()) : v);
    expect(hours[i].slice(5, 7)).toEqual([share(g.hours.routeNormPercent), share(g.hours.pipPercent)]);
  });
  expect(groups.some((g) => typeof g.hours.pipPercent === 'number')).toBe(true);
  const results = rowsOf(workbook, 'Resultaten');
  groups.forEach((g, i) => expect(results[i].slice(1, 5)).toEqual([g.results.knmCompleted, g.results.mapCompleted, g.results.pvtCompleted, g.results.zCompletions].map(hidden)));
  const kpis = rowsOf(workbook, "KPI's");
  expect(kpis).toHaveLength(groups.reduce((n, g) => n + g.kpis.length, 0));
  const totalKpis = kpis.filter((r) => r[0] === 'Totaal');
  figures.total.kpis.forEach((k, i) => expect(totalKpis[i].slice(1, 6)).toEqual([k.label, k.targetPercent, hidden(k.cohort), hidden(k.achieved), hidden(k.percent)]));
  const money = rowsOf(workbook, 'Geld');
  const withSpend = groups.filter((g) => g.spend);
  expect(money.map((r) => r[0])).toEqual(withSpend.map((g) => g.label));
  withSpend.forEach((g, i) => {
    expect(money[i][1]).toBeCloseTo(g.spend!.realisedCents / 100, 2);
    expect(money[i][3]).toBe(g.spend!.ceilingCents === null ? '' : g.spend!.ceilingCents / 100);
  });
  expect(workbook.getWorksheet('Geld')!.getColumn(2).numFmt).toContain('€');
}

describe('quarterly reports', () => {
  let regionReportId: string;

  it('generates the region report on demand through the worker: XLSX per section equal to the dashboard, versions, idempotent', async () => {
    const key = randomUUID();
    const input = { year: past.year, quarter: past.quarter, idempotencyKey: key };
    const { requestQuarterlyReport: first } = await projectleider.ok(RequestQuarterlyReportDocument, { input });
    expect(first).toMatchObject({ status: 'QUEUED', version: 1, scopeLabel: 'Hele regio', xlsxUrl: null });
    const { requestQuarterlyReport: again } = await projectleider.ok(RequestQuarterlyReportDocument, { input });
    expect(again.id).toBe(first.id);
    regionReportId = first.id;
    const report = await ready(first.id);
    expect(report.quarterLabel).toBe(`${past.year}-K${past.quarter}`);
    expect(report.generatedAt).toBeTruthy();

    const workbook = await workbookOf(report.xlsxUrl!);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Rapportage', 'Instroom', 'Uren', 'Resultaten', "KPI's", 'Geld']);
    expect(workbook.getWorksheet('Rapportage')!.getCell('B4').value).toBeInstanceOf(Date);
    // The report names a hidden cell's label as the portal does: typographic quotes, the sign bound to the number.
    const smallNumbers = workbook.getWorksheet('Rapportage')!.getSheetValues().find((row) => Array.isArray(row) && row[1] === 'Kleine aantallen') as unknown[];
    expect(smallNumbers[2]).toBe('Cellen met minder dan 5 inburgeraars tonen “<\u00a05”.');
    const { regionFigures } = await projectleider.ok(RegionFiguresDocument, pastPeriod);
    expect(regionFigures.suppressed).toBe(true);
    expect(regionFigures.periodFrom).toBe(pastPeriod.periodFrom);
    expectSameFigures(workbook, regionFigures);
    // The quarter is not the whole term: the report would not equal the dashboard over all time.
    const { regionFigures: allTime } = await projectleider.ok(RegionFiguresDocument, {});
    expect(JSON.stringify([allTime.total.intake, allTime.total.hours])).not.toBe(JSON.stringify([regionFigures.total.intake, regionFigures.total.hours]));

    // A new generation is version 2; version 1 stays listed and downloadable.
    const { requestQuarterlyReport: second } = await projectleider.ok(RequestQuarterlyReportDocument, { input: { ...input, idempotencyKey: randomUUID() } });
    expect(second.version).toBe(2);
    await ready(second.id);
    const { quarterlyReports } = await projectleider.ok(QuarterlyReportsDocument, {});
    expect(quarterlyReports.filter((r) => r.lotId === null && r.quarterLabel === report.quarterLabel).map((r) => r.version)).toEqual([2, 1]);
    expect((await download(projectleider, report.xlsxUrl!)).status).toBe(200);
  });

  it('generates a lot report equal to the lot figures, and an accessible tagged PDF', async () => {
    const { requestQuarterlyReport } = await projectleider.ok(RequestQuarterlyReportDocument, { input: { lotId, year: past.year, quarter: past.quarter, idempotencyKey: randomUUID() } });
    expect(requestQuarterlyReport.scopeLabel).toBe('B1-route Midden-Gelderland');
    const report = await ready(requestQuarterlyReport.id, lotId);
    const { lotFigures } = await projectleider.ok(LotFiguresDocument, { lotId, ...pastPeriod });
    expectSameFigures(await workbookOf(report.xlsxUrl!), lotFigures);

    const response = await download(projectleider, report.pdfUrl!);
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer());
    const raw = pdf.toString('latin1');
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    let info: string | null = null;
    try {
      info = execFileSync('pdfinfo', ['-'], { input: pdf }).toString();
    } catch {
      info = null; // pdfinfo is not installed on this machine
    }
    if (info !== null) {
      expect(info).toMatch(/Tagged:\s+yes/);
      expect(info).toContain('Kwartaalrapportage B1-route Midden-Gelderland');
    }
  });

  it('refuses a future quarter in Dutch, other roles, and other regions (the same NOT_FOUND for foreign and unknown)', async () => {
    const future = await projectleider.request(RequestQuarterlyReportDocument, { input: { year: past.year + 2, quarter: 1, idempotencyKey: randomUUID() } });
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(future.errors)).toContain('Dit kwartaal is nog niet begonnen');
    for (const session of [newBees, arnhem]) {
      const result = await session.request(QuarterlyReportsDocument, {});
      expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await download(session, `/api/reports/${regionReportId}/xlsx`)).status).toBe(403);
    }
    const { quarterlyReports } = await otherRegion.ok(QuarterlyReportsDocument, {});
    expect(quarterlyReports.some((r) => r.id === regionReportId)).toBe(false);
    const foreign = await download(otherRegion, `/api/reports/${regionReportId}/pdf`);
    const unknown = await download(otherRegion, `/api/reports/00000000-0000-4000-8000-000000000000/pdf`);
    expect(foreign.status).toBe(404);
    expect(await foreign.json()).toEqual(await unknown.json());
  });

  it('on the first day of a quarter the scheduled job makes the past quarter\'s reports of every region and lot, once', async () => {
    const runDate = `${past.year + 1}-01-01`;
    const enqueue = () => pg.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('figures.schedule-quarterly-reports', $1::jsonb)`, [JSON.stringify({ runDate })]);
    const expected = Number((await pg.query(`SELECT (SELECT count(*) FROM organisation WHERE kind = 'REGION') + (SELECT count(*) FROM lot) AS n`)).rows[0].n);
    await enqueue();
    const count = () => pg.query(`SELECT count(*)::int AS n, count(*) FILTER (WHERE status = 'READY')::int AS ready FROM quarterly_report WHERE year = $1 AND quarter = 4`, [past.year]);
    await waitFor('geplande rapportages klaar', async () => {
      const { rows: [row] } = await count();
      return row.n === expected && row.ready === expected ? row : undefined;
    }, 120_000);
    await enqueue();
    await waitFor('tweede planning verwerkt', async () => {
      const { rows } = await pg.query(`SELECT count(*)::int AS n FROM outbox_message WHERE job_name = 'figures.schedule-quarterly-reports' AND completed_at IS NULL`);
      return rows[0].n === 0 ? true : undefined;
    });
    expect((await count()).rows[0].n).toBe(expected);
  });
});

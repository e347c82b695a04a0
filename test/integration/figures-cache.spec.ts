// Issue 10: computed figures are kept while their source data stay the same, and computed anew after any write to
// them, also one that did not go through this API process. Viewers with the same question share one computation,
// never one another's small-number suppression.
import { RegionFiguresDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { FIGURE_SECTION_READS, FIGURES_SOURCE_TABLES, FiguresRepository, type FigureFilter, type FigureSection } from '../../apps/api/src/figures/figures.repository';
import type { MunicipalityId, ProviderId, RegionId } from '../../apps/api/src/tenancy';
import { placeClients } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let projectleider: GraphqlSession;
let arnhem: GraphqlSession;
let arnhemId: string;
let sagennContractId: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  [projectleider, arnhem] = await Promise.all([
    loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl'),
    loginAs(platform.url, 'consulent@arnhem.demo.nl'),
  ]);
  arnhemId = (await pg.query(`SELECT id FROM organisation WHERE cbs_code = 'GM0202'`)).rows[0].id;
  sagennContractId = (await pg.query(
    `SELECT k.id FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation o ON o.id = k.provider_id WHERE l.name = 'B1-route Midden-Gelderland' AND o.name = 'Sagenn'`,
  )).rows[0].id;
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

it('answers the same figures (and "Bijgewerkt op") while nothing changed, and new ones after a write made outside the API', async () => {
  const first = (await arnhem.ok(RegionFiguresDocument, {})).regionFigures;
  const second = (await arnhem.ok(RegionFiguresDocument, {})).regionFigures;
  expect(second.computedAt).toBe(first.computedAt);
  expect(second.total).toEqual(first.total);

  // Another process (here: plain SQL) puts one started placement of Arnhem back on the waiting list.
  const { rows: moved } = await pg.query(
    `UPDATE placement SET status = 'WAITING', start_date = NULL
      WHERE id = (SELECT p.id FROM placement p JOIN contract k ON k.id = p.contract_id JOIN lot l ON l.id = k.lot_id
                   WHERE l.name = 'B1-route Midden-Gelderland' AND p.status = 'STARTED' AND p.municipality_id = $1 ORDER BY p.id LIMIT 1) RETURNING id`,
    [arnhemId],
  );
  expect(moved).toHaveLength(1);
  const third = (await arnhem.ok(RegionFiguresDocument, {})).regionFigures;
  expect(Date.parse(third.computedAt)).toBeGreaterThan(Date.parse(first.computedAt));
  expect(third.total.intake.waiting).toBe((first.total.intake.waiting ?? 0) + 1);
});

it("shares one computation between the projectleider and a consultant, but not the projectleider's hidden cells", async () => {
  // Sagenn gets exactly 2 waiting clients in Arnhem: a cell the projectleider may not see, the consultant may.
  await pg.query(`UPDATE placement SET status = 'STARTED' WHERE status = 'WAITING' AND contract_id = $1`, [sagennContractId]);
  const placed = await placeClients(pg, { provider: 'Sagenn', municipality: 'GM0202', route: 'B1', count: 2, groupName: 'B1 wacht' });
  await pg.query(`UPDATE placement SET status = 'WAITING', start_date = NULL WHERE id = ANY($1::uuid[])`, [placed.map((p) => p.placementId)]);

  const asProjectleider = (await projectleider.ok(RegionFiguresDocument, { groupBy: 'CONTRACT', municipalityId: arnhemId })).regionFigures;
  expect(asProjectleider.suppressed).toBe(true);
  expect(asProjectleider.groups.find((g) => g.id === sagennContractId)?.intake.waiting).toBeNull();

  const asConsultant = (await arnhem.ok(RegionFiguresDocument, { municipalityId: arnhemId })).regionFigures;
  // The same computation (the same moment), shown without suppression: the hidden cell was not written into it.
  expect(asConsultant.computedAt).toBe(asProjectleider.computedAt);
  expect(asConsultant.suppressed).toBe(false);
  expect(asConsultant.groups.find((g) => g.id === sagennContractId)?.intake.waiting).toBe(2);
});

it("keeps a region's figures through writes in another region, and computes them anew after a write in its own", async () => {
  const one = async (sql: string): Promise<void> => {
    const { rowCount } = await pg.query(sql);
    expect(rowCount).toBe(1);
  };
  const first = (await arnhem.ok(RegionFiguresDocument, {})).regionFigures;
  // Noordoost-Brabant: a client of Oss and one of its hour rows change (a no-op update still fires the triggers).
  await one(`UPDATE client SET updated_at = now() WHERE id = (SELECT c.id FROM client c JOIN organisation o ON o.id = c.municipality_id WHERE o.cbs_code = 'GM0828' ORDER BY c.id LIMIT 1)`);
  await one(`UPDATE hour_entry SET attended_minutes = attended_minutes
              WHERE id = (SELECT h.id FROM hour_entry h JOIN placement p ON p.id = h.placement_id JOIN organisation o ON o.id = p.municipality_id WHERE o.cbs_code = 'GM0828' ORDER BY h.id LIMIT 1)`);
  const afterOtherRegion = (await arnhem.ok(RegionFiguresDocument, {})).regionFigures;
  expect(afterOtherRegion.computedAt).toBe(first.computedAt);

  // Midden-Gelderland: one of Arnhem's hour rows.
  await one(`UPDATE hour_entry SET attended_minutes = attended_minutes
              WHERE id = (SELECT h.id FROM hour_entry h JOIN placement p ON p.id = h.placement_id WHERE p.municipality_id = '${arnhemId}' ORDER BY h.id LIMIT 1)`);
  const afterOwnRegion = (await arnhem.ok(RegionFiguresDocument, {})).regionFigures;
  expect(Date.parse(afterOwnRegion.computedAt)).toBeGreaterThan(Date.parse(first.computedAt));
  expect(afterOwnRegion.total).toEqual(first.total);
});

it('watches, for each section of the figures, every table its SQL reads', async () => {
  const statements: string[] = [];
  const recording = { query: async (sql: string) => { statements.push(sql); return []; } } as unknown as EntityManager;
  const repository = new FiguresRepository(recording);
  const id = '00000000-0000-4000-8000-000000000000';
  const filters: FigureFilter[] = [
    { contractIds: [id], municipalityId: null, period: null },
    // A period that starts within a month reads the hour rows themselves; individual placements read their region.
    { contractIds: [id], municipalityId: id as MunicipalityId, period: { from: '2026-03-15', to: '2026-06-30' }, individualRegionId: id as RegionId, individualProviderId: id as ProviderId },
  ];
  const queries: Record<FigureSection, (f: FigureFilter) => Promise<unknown>> = {
    intake: (f) => repository.intake(f, 'CONTRACT'), waits: (f) => repository.waits(f, 'ALL'), hours: (f) => repository.hours(f, 'MUNICIPALITY', '2026-11-30'),
    results: (f) => repository.results(f, 'CONTRACT'), completions: (f) => repository.completions(f, 'ALL'), kpis: (f) => repository.kpis(f, 'ALL', '2026-11-30'),
    spend: (f) => repository.spend(f), quarters: (f) => repository.quarters(f, 'CONTRACT'),
  };
  // Kept by hour_entry's triggers; a municipality's region (individual placements) is the region's set-up, not figures data.
  const readAs: Record<string, string> = { hour_placement_month: 'hour_entry' };
  const setUp = new Set(['organisation']);
  for (const [section, query] of Object.entries(queries) as [FigureSection, (f: FigureFilter) => Promise<unknown>][]) {
    statements.length = 0;
    for (const filter of filters) await query(filter);
    const sql = statements.join('\n');
    const named = new Set([...sql.matchAll(/\b([a-z_]+) AS \(/g)].map((m) => m[1]));
    const tables = new Set([...sql.matchAll(/(?<!DISTINCT )\b(?:FROM|JOIN)\s+([a-z_]+)/g)].map((m) => readAs[m[1]] ?? m[1]).filter((t) => !named.has(t) && !setUp.has(t)));
    expect({ section, tables: [...tables].sort() }).toEqual({ section, tables: [...FIGURE_SECTION_READS[section]].sort() });
    for (const table of tables) expect(FIGURES_SOURCE_TABLES).toContain(table);
  }
});

it('brings only the figures that read hours up to date after hours were saved: intake and KPIs stay as they were computed', async () => {
  const first = (await arnhem.ok(RegionFiguresDocument, {})).regionFigures;
  // A change the figures' triggers do not record (triggers off for this session): one of Arnhem's started placements
  // back on the waiting list. Only a recompute of the intake would show it.
  const silent = new Client({ connectionString: platform.databaseUrl });
  await silent.connect();
  try {
    await silent.query(`SET session_replication_role = replica`);
    const { rowCount } = await silent.query(
      `UPDATE placement SET status = 'WAITING', start_date = NULL
        WHERE id = (SELECT p.id FROM placement p JOIN contract k ON k.id = p.contract_id JOIN lot l ON l.id = k.lot_id
                     WHERE l.name = 'B1-route Midden-Gelderland' AND p.status = 'STARTED' AND p.municipality_id = $1 ORDER BY p.id DESC LIMIT 1)`,
      [arnhemId],
    );
    expect(rowCount).toBe(1);
  } finally {
    await silent.end();
  }
  // An hour saved for Arnhem (one more hour on a current hour row of a contract's placement), through the triggers.
  const { rowCount } = await pg.query(
    `UPDATE hour_entry SET attended_minutes = attended_minutes + 60
      WHERE id = (SELECT h.id FROM hour_entry h JOIN placement p ON p.id = h.placement_id
                   WHERE p.municipality_id = $1 AND p.contract_id IS NOT NULL AND h.attended_minutes IS NOT NULL
                     AND NOT EXISTS (SELECT 1 FROM hour_entry later WHERE later.placement_id = h.placement_id AND later.lesson_date = h.lesson_date
                                       AND later.category = h.category AND later.revision > h.revision)
                   ORDER BY h.id LIMIT 1)`,
    [arnhemId],
  );
  expect(rowCount).toBe(1);
  const afterHours = (await arnhem.ok(RegionFiguresDocument, {})).regionFigures;
  expect(afterHours.total.hours.attendedMinutes).toBe((first.total.hours.attendedMinutes ?? 0) + 60);
  expect(Date.parse(afterHours.computedAt)).toBeGreaterThan(Date.parse(first.computedAt));
  expect(afterHours.total.intake).toEqual(first.total.intake);
  expect(afterHours.total.kpis).toEqual(first.total.kpis);

  // A write to the placements (a no-op update still fires the triggers) brings the intake up to date.
  await pg.query(`UPDATE placement SET version = version WHERE id = (SELECT id FROM placement WHERE municipality_id = $1 ORDER BY id LIMIT 1)`, [arnhemId]);
  const afterPlacement = (await arnhem.ok(RegionFiguresDocument, {})).regionFigures;
  expect(afterPlacement.total.intake.waiting).toBe((first.total.intake.waiting ?? 0) + 1);
  expect(afterPlacement.total.intake.started).toBe((first.total.intake.started ?? 0) - 1);
});

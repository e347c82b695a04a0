// Issue 10: computed figures are kept while their source data stay the same, and computed anew after any write to
// them, also one that did not go through this API process. Viewers with the same question share one computation,
// never one another's small-number suppression.
import { RegionFiguresDocument } from '@inburgering/contracts';
import { Client } from 'pg';
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

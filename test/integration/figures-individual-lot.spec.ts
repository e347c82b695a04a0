// Issue #10: the row "Zonder perceel (individueel)" (individual placements: no lot, no contract) drills down to exactly the
// clients (consultant) or placements (provider) it counts, and a provider's totals on a lot page to its own placements under
// its contracts of that lot. The test's own SQL says which; the figures give the counts. And a result recorded on another
// provider's placement of the same client counts in neither that provider's figure nor its list.
import { randomUUID } from 'node:crypto';
import { addDays } from '@inburgering/domain';
import { type ClientFilterInput, type ProviderPlacementFilterInput, ClientsDocument, LotFiguresDocument, ProviderPlacementsDocument, RegionFiguresDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { allProviderPlacements } from '../support/figure-lists';
import { today } from '../support/hours-fixtures';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let kerkrade: GraphqlSession;
let arnhem: GraphqlSession;
let parkstad: GraphqlSession;
let newBees: GraphqlSession;
let sagenn: GraphqlSession;
let projectleider: GraphqlSession;
let b1LotId: string;

const INDIVIDUAL = 'Zonder perceel (individueel)';
const LOT_NOT_FOUND = 'Dit perceel bestaat niet of is niet bij uw organisatie bekend.';
/** The individual placements (alias p) as the figures take them: no lot, no contract, a route placement. */
const INDIVIDUAL_SQL = `p.lot_id IS NULL AND p.contract_id IS NULL AND p.kind = 'REGULAR'`;
/** The statuses of an intake stage as the figures count them (an ended placement only with a start date). */
const STAGE_SQL: Record<'REQUESTED' | 'ACCEPTED' | 'STARTED' | 'WAITING', string> = {
  REQUESTED: `p.status = 'REQUESTED'`, ACCEPTED: `p.status = 'ACCEPTED'`, STARTED: `(p.status = 'STARTED' OR (p.status = 'ENDED' AND p.start_date IS NOT NULL))`, WAITING: `p.status = 'WAITING'`,
};

type Placement = { id: string; client_id: string; municipality_id: string; provider_id: string };

/** Results within the placement: [kind, exam part, level, passed, days ago]. */
async function insertResults(placement: Placement, results: [string, string | null, string | null, boolean | null, number][]) {
  for (const [kind, examPart, level, passed, daysAgo] of results) {
    await pg.query(
      `INSERT INTO integration_result (client_id, placement_id, municipality_id, provider_id, kind, exam_part, level, passed, result_date, idempotency_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [placement.client_id, placement.id, placement.municipality_id, placement.provider_id, kind, examPart, level, passed, addDays(today(), -daysAgo), randomUUID()],
    );
  }
}

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  [kerkrade, arnhem, parkstad, newBees, sagenn, projectleider] = await Promise.all([
    loginAs(platform.url, 'consulent@kerkrade.demo.nl'),
    loginAs(platform.url, 'consulent@arnhem.demo.nl'),
    loginAs(platform.url, 'aanbieder@parkstadtaal.demo.nl'),
    loginAs(platform.url, 'aanbieder@newbees.demo.nl'),
    loginAs(platform.url, 'aanbieder@sagenn.demo.nl'),
    loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl'),
  ]);
  ({ rows: [{ id: b1LotId }] } = await pg.query(`SELECT id FROM lot WHERE name = 'B1-route Midden-Gelderland'`));
  // Results within Kerkrade's started individual placement (with Taalcentrum Parkstad): KNM completed, a B1 Lezen exam
  // passed after a failed attempt, so the row's result and exam-part figures have something to drill down to.
  const { rows: [individual] } = await pg.query(
    `SELECT p.id, p.client_id, p.municipality_id, p.provider_id FROM placement p JOIN organisation m ON m.id = p.municipality_id
      WHERE m.name = 'Gemeente Kerkrade' AND ${INDIVIDUAL_SQL} AND p.status = 'STARTED' ORDER BY p.id LIMIT 1`,
  );
  expect(individual).toBeDefined();
  await insertResults(individual, [['KNM', null, null, true, 10], ['EXAM', 'LEZEN', 'B1', false, 40], ['EXAM', 'LEZEN', 'B1', true, 12]]);
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

/** Every page of a consultant's caseload for a filter: the client ids, the total, the attempts an exam cell counts. */
async function allClients(session: GraphqlSession, filter: ClientFilterInput) {
  const ids: string[] = [];
  let total = 0;
  let attempts: number | null = null;
  do {
    const { clients } = await session.ok(ClientsDocument, { limit: 200, offset: ids.length, filter });
    ids.push(...clients.items.map((c) => c.id));
    ({ total } = clients);
    attempts = clients.examAttemptsInFigure ?? null;
    if (clients.items.length === 0) break;
  } while (ids.length < total);
  return { ids: ids.sort(), total, attempts };
}

/** Every page of a provider's placed clients for a filter: the placement ids, their clients (sorted), the total, the attempts an exam cell counts. */
async function allPlacements(session: GraphqlSession, filter: ProviderPlacementFilterInput) {
  const { items, total, attempts } = await allProviderPlacements(session, filter);
  return { ids: items.map((p) => p.id).sort(), clientIds: items.map((p) => p.clientId).sort(), total, attempts };
}

/**
 * Per intake stage, the list from the row's link (`list`) holds exactly the ids of the test's own SQL (`own`, on the stage's
 * statuses) and as many as the row counts; answers how many the stages listed together.
 */
async function everyStageListed(stages: readonly ('REQUESTED' | 'ACCEPTED' | 'STARTED' | 'WAITING')[], row: { intake: Record<string, number | null | undefined> },
  list: (stage: (typeof stages)[number]) => Promise<{ ids: string[]; total: number }>, own: (where: string) => Promise<string[]>): Promise<number> {
  let listed = 0;
  for (const stage of stages) {
    const { ids, total } = await list(stage);
    expect({ stage, ids, total }).toEqual({ stage, ids: await own(STAGE_SQL[stage]), total: row.intake[stage.toLowerCase()] });
    listed += total;
  }
  return listed;
}

/** The ids (`select`: client or placement) of the placements `p` the test's own SQL picks, sorted, distinct. */
async function ownIds(select: 'p.client_id' | 'p.id', from: string, where: string, params: unknown[]): Promise<string[]> {
  const { rows } = await pg.query(`SELECT DISTINCT ${select}::text AS id FROM ${from} WHERE ${where}`, params);
  return rows.map((r) => r.id as string).sort();
}

/** The Dutch field messages of a refusal. */
const fieldsOf = (r: GraphqlResult<unknown>) => (r.errors?.[0].extensions?.fields ?? []) as { field: string; message: string }[];

describe('the row "Zonder perceel (individueel)" drills down for the consultant', () => {
  it('lists Kerkrade exactly its own clients with an individual placement the row counts: per intake stage, KNM completed, an exam-part cell, the hours and the median wait', async () => {
    const { regionFigures } = await kerkrade.ok(RegionFiguresDocument, {});
    const row = regionFigures.groups.find((g) => g.label === INDIVIDUAL)!;
    expect(row).toMatchObject({ id: null });
    const own = (where: string, extraFrom = '') => ownIds('p.client_id', `placement p JOIN organisation m ON m.id = p.municipality_id ${extraFrom}`, `m.name = 'Gemeente Kerkrade' AND ${INDIVIDUAL_SQL} AND ${where}`, []);
    // One individual placement per client: the count of placements is the count of clients.
    const listed = await everyStageListed(['REQUESTED', 'ACCEPTED', 'STARTED', 'WAITING'], row, (stage) => allClients(kerkrade, { individual: true, intakeStage: stage }), own);
    expect(listed).toBeGreaterThanOrEqual(2);
    // KNM completed (one client, the result just recorded) and the exam-part cells (attempts).
    const knm = await allClients(kerkrade, { individual: true, completed: 'KNM' });
    expect({ ids: knm.ids, total: knm.total }).toEqual({ ids: await own(`EXISTS (SELECT 1 FROM integration_result r WHERE r.placement_id = p.id AND r.kind = 'KNM')`), total: row.results.knmCompleted });
    expect(knm.total).toBe(1);
    const cell = row.results.examParts.find((p) => p.level === 'B1' && p.part === 'LEZEN')!;
    for (const [examOutcome, figure] of [['PASSED', cell.passed], ['FAILED', cell.failed]] as const) {
      const list = await allClients(kerkrade, { individual: true, examPart: 'LEZEN', examLevel: 'B1', examOutcome });
      expect({ examOutcome, ids: list.ids, attempts: list.attempts }).toEqual({
        examOutcome, ids: await own(`EXISTS (SELECT 1 FROM integration_result r WHERE r.placement_id = p.id AND r.kind = 'EXAM' AND r.exam_part = 'LEZEN' AND r.level = 'B1' AND r.passed = ${examOutcome === 'PASSED'})`), attempts: figure,
      });
      expect(list.total).toBe(1);
    }
    // The hours and the median wait: the clients they cover (the test's own SQL: hour rows, a start on or after the signed PIP).
    const hours = await allClients(kerkrade, { individual: true, withHours: true });
    expect(hours.ids).toEqual(await own(`EXISTS (SELECT 1 FROM hour_entry h WHERE h.placement_id = p.id)`));
    expect(hours.total > 0).toBe(Boolean(row.hours.plannedMinutes || row.hours.attendedMinutes));
    const waits = await allClients(kerkrade, { individual: true, waitCohort: true });
    expect(waits.ids).toEqual(await own(`p.status IN ('STARTED', 'ENDED') AND p.start_date >= coalesce(c.first_pip_signed_on, c.pip_signed_on)`, 'JOIN client c ON c.id = p.client_id'));
    expect(waits.total > 0).toBe(row.intake.medianDaysPipToStart !== null);
    expect(waits.total).toBeGreaterThan(0);
  });

  it('lists another municipality only its own individual placements, never Kerkrade\'s', async () => {
    const list = await allClients(arnhem, { individual: true, intakeStage: 'STARTED' });
    expect(list.ids).toEqual(await ownIds('p.client_id', 'placement p JOIN organisation m ON m.id = p.municipality_id', `m.name = 'Gemeente Arnhem' AND ${INDIVIDUAL_SQL} AND ${STAGE_SQL.STARTED}`, []));
    const kerkradeClients = await ownIds('p.client_id', 'placement p JOIN organisation m ON m.id = p.municipality_id', `m.name = 'Gemeente Kerkrade' AND ${INDIVIDUAL_SQL}`, []);
    expect(list.ids.filter((id) => kerkradeClients.includes(id))).toEqual([]);
  });
});

describe('the row "Zonder perceel (individueel)" drills down for the provider', () => {
  it('lists Taalcentrum Parkstad exactly its own individual placements the row counts: per intake stage, KNM completed and an exam-part cell', async () => {
    const { regionFigures } = await parkstad.ok(RegionFiguresDocument, {});
    const row = regionFigures.groups.find((g) => g.label === INDIVIDUAL)!;
    expect(row).toMatchObject({ id: null });
    const own = (where: string) => ownIds('p.id', 'placement p JOIN organisation o ON o.id = p.provider_id', `o.name = 'Taalcentrum Parkstad (fictief)' AND ${INDIVIDUAL_SQL} AND ${where}`, []);
    const listed = await everyStageListed(['REQUESTED', 'ACCEPTED', 'STARTED'], row, (stage) => allPlacements(parkstad, { individual: true, intakeStage: stage }), own);
    expect(listed).toBeGreaterThanOrEqual(2);
    const knm = await allPlacements(parkstad, { individual: true, completed: 'KNM' });
    expect({ ids: knm.ids, total: knm.total }).toEqual({ ids: await own(`EXISTS (SELECT 1 FROM integration_result r WHERE r.placement_id = p.id AND r.kind = 'KNM')`), total: row.results.knmCompleted });
    expect(knm.total).toBe(1);
    const cell = row.results.examParts.find((p) => p.level === 'B1' && p.part === 'LEZEN')!;
    const passed = await allPlacements(parkstad, { individual: true, examPart: 'LEZEN', examLevel: 'B1', examOutcome: 'PASSED' });
    expect({ total: passed.total, attempts: passed.attempts }).toEqual({ total: 1, attempts: cell.passed });
  });

  it('lists a provider without individual placements none, never another provider\'s', async () => {
    const { regionFigures } = await newBees.ok(RegionFiguresDocument, {});
    expect(regionFigures.groups.some((g) => g.label === INDIVIDUAL)).toBe(false);
    for (const stage of ['REQUESTED', 'STARTED'] as const) expect((await allPlacements(newBees, { individual: true, intakeStage: stage })).total).toBe(0);
    expect((await allPlacements(newBees, { individual: true, completed: 'KNM' })).total).toBe(0);
  });
});

describe('a provider\'s totals on a lot page drill down to its own placements under its contracts of that lot', () => {
  it('lists New Bees and Sagenn, from the B1 lot\'s total, their own placements per intake stage, KNM completed and the clients with hours, never the other\'s', async () => {
    for (const [name, session] of [['New Bees', newBees], ['Sagenn', sagenn]] as const) {
      const { lotFigures } = await session.ok(LotFiguresDocument, { lotId: b1LotId });
      const total = lotFigures.total;
      const under = `p.contract_id IN (SELECT k.id FROM contract k JOIN organisation o ON o.id = k.provider_id WHERE k.lot_id = $1 AND o.name = $2)`;
      expect({ name, listed: await everyStageListed(['REQUESTED', 'ACCEPTED', 'STARTED'], total, (stage) => allPlacements(session, { lotId: b1LotId, intakeStage: stage }),
        (where) => ownIds('p.id', 'placement p', `${under} AND ${where}`, [b1LotId, name])) > 0 }).toEqual({ name, listed: true });
      const knm = await allPlacements(session, { lotId: b1LotId, completed: 'KNM' });
      expect({ name, clients: knm.clientIds, total: knm.total }).toEqual({
        name, total: total.results.knmCompleted,
        clients: await ownIds('p.client_id', 'placement p JOIN integration_result r ON r.placement_id = p.id', `${under} AND ((r.kind = 'KNM' AND r.passed IS DISTINCT FROM false) OR (r.kind = 'EXAM' AND r.exam_part = 'KNM' AND r.passed))`, [b1LotId, name]),
      });
      const hours = await allPlacements(session, { lotId: b1LotId, withHours: true });
      expect({ name, clients: hours.clientIds }).toEqual({ name, clients: await ownIds('p.client_id', 'placement p JOIN hour_entry h ON h.placement_id = p.id', under, [b1LotId, name]) });
      expect(hours.total).toBeGreaterThan(0);
    }
  });

  it('refuses a lot without an own contract, another region\'s or an unknown lot (NOT_FOUND)', async () => {
    // A lot of its own region that only other providers hold a contract on, a lot of another region, an unknown one.
    const lotWithout = async (sameRegion: boolean) => (await pg.query(
      `SELECT l.id FROM lot l WHERE (l.region_id = (SELECT region_id FROM lot WHERE id = $1)) = $2
          AND EXISTS (SELECT 1 FROM contract k WHERE k.lot_id = l.id)
          AND NOT EXISTS (SELECT 1 FROM contract k JOIN organisation o ON o.id = k.provider_id WHERE k.lot_id = l.id AND o.name = 'New Bees')
        ORDER BY l.name LIMIT 1`,
      [b1LotId, sameRegion],
    )).rows[0].id as string;
    for (const lotId of [await lotWithout(true), await lotWithout(false), randomUUID()]) {
      const result = await newBees.request(ProviderPlacementsDocument, { filter: { lotId, intakeStage: 'STARTED' } });
      expect({ lotId, error: result.errors?.[0] }).toEqual({ lotId, error: expect.objectContaining({ message: LOT_NOT_FOUND, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }) });
      expect(result.data).toBeNull();
    }
  });
});

describe('refusals of the individual placements\' lists', () => {
  it('refuses the individual placements with a contract or a lot, or without a figure, in Dutch on the field', async () => {
    const { rows: [{ id: contractId }] } = await pg.query(`SELECT k.id FROM contract k JOIN organisation o ON o.id = k.provider_id WHERE k.lot_id = $1 AND o.name = 'New Bees'`, [b1LotId]);
    const individualWith = (what: string) => `De individuele plaatsingen vallen buiten een perceel en een contract: kies de individuele plaatsingen of ${what}, niet allebei.`;
    const cases: [GraphqlSession, 'clients' | 'placements', Record<string, unknown>, string, string][] = [
      [arnhem, 'clients', { individual: true, contractId, intakeStage: 'STARTED' }, 'individual', individualWith('een contract')],
      [arnhem, 'clients', { individual: true, lotId: b1LotId, completed: 'KNM' }, 'individual', individualWith('een perceel')],
      [arnhem, 'clients', { individual: true }, 'intakeStage', 'Kies de stand van de plaatsingen (aangevraagd, geaccepteerd, gestart of wachtend).'],
      [newBees, 'placements', { individual: true, contractId, intakeStage: 'STARTED' }, 'individual', individualWith('een contract')],
      [newBees, 'placements', { individual: true, lotId: b1LotId, withHours: true }, 'individual', individualWith('een perceel')],
      [newBees, 'placements', { individual: true }, 'intakeStage', 'Kies de stand van de plaatsingen (aangevraagd, geaccepteerd of gestart).'],
      [newBees, 'placements', { lotId: b1LotId }, 'intakeStage', 'Kies de stand van de plaatsingen (aangevraagd, geaccepteerd of gestart).'],
    ];
    for (const [session, list, filter, field, message] of cases) {
      const result = list === 'clients' ? await session.request(ClientsDocument, { filter }) : await session.request(ProviderPlacementsDocument, { filter });
      expect({ list, filter, code: result.errors?.[0].extensions?.code, fields: fieldsOf(result) }).toEqual({ list, filter, code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field, message })] });
    }
  });

  it('answers malformed values with HTTP 400 naming the field', async () => {
    const cases = [
      [arnhem, `query C($filter: ClientFilterInput) { clients(filter: $filter) { total } }`, { individual: 'ja', intakeStage: 'STARTED' }, 'filter.individual'],
      [newBees, `query P($filter: ProviderPlacementFilterInput) { providerPlacementPage(filter: $filter) { total } }`, { individual: 1, intakeStage: 'STARTED' }, 'filter.individual'],
      [newBees, `query P($filter: ProviderPlacementFilterInput) { providerPlacementPage(filter: $filter) { total } }`, { lotId: 'x', intakeStage: 'STARTED' }, 'filter.lotId'],
    ] as const;
    for (const [session, query, filter, field] of cases) {
      const response = await session.request(query, { filter });
      expect({ filter, status: response.status, code: response.errors?.[0].extensions?.code, fields: response.errors?.[0].extensions?.fields?.map((f) => f.field) })
        .toEqual({ filter, status: 400, code: 'BAD_USER_INPUT', fields: [field] });
    }
  });

  it('gives the projectleider and providers no caseload and consultants no provider list (FORBIDDEN)', async () => {
    for (const session of [projectleider, newBees]) {
      expect((await session.request(ClientsDocument, { filter: { individual: true, intakeStage: 'STARTED' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    for (const session of [projectleider, kerkrade]) {
      expect((await session.request(ProviderPlacementsDocument, { filter: { individual: true, intakeStage: 'STARTED' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('a result on another provider\'s placement of the same client', () => {
  it('counts in neither New Bees\' figure nor its list, and in both of Sagenn\'s: the figure and the list agree', async () => {
    // A New Bees client (a started placement under its B1 contract, no KNM yet) who is also placed with Sagenn under
    // Sagenn's B1 contract; KNM and a B1 Schrijven exam are recorded within the Sagenn placement.
    const { rows: [ownPlacement] } = await pg.query(
      `SELECT p.* FROM placement p JOIN organisation o ON o.id = p.provider_id
        WHERE o.name = 'New Bees' AND p.lot_id = $1 AND p.status = 'STARTED'
          AND NOT EXISTS (SELECT 1 FROM integration_result r WHERE r.client_id = p.client_id AND (r.kind = 'KNM' OR r.exam_part IN ('KNM', 'SCHRIJVEN')))
        ORDER BY p.id LIMIT 1`,
      [b1LotId],
    );
    expect(ownPlacement).toBeDefined();
    const { rows: [sagennContract] } = await pg.query(`SELECT k.id, k.provider_id FROM contract k JOIN organisation o ON o.id = k.provider_id WHERE k.lot_id = $1 AND o.name = 'Sagenn'`, [b1LotId]);
    await pg.query(`CREATE TEMP TABLE other_copy AS SELECT * FROM placement WHERE id = $1`, [ownPlacement.id]);
    await pg.query(`UPDATE other_copy SET id = gen_random_uuid(), contract_id = $1, provider_id = $2, start_moment_id = NULL, idempotency_key = gen_random_uuid()::text`, [sagennContract.id, sagennContract.provider_id]);
    const { rows: [other] } = await pg.query(`INSERT INTO placement SELECT * FROM other_copy RETURNING id, client_id, municipality_id, provider_id`);
    await pg.query(`DROP TABLE other_copy`);
    const before = {
      newBees: (await newBees.ok(RegionFiguresDocument, {})).regionFigures.total.results,
      sagenn: (await sagenn.ok(RegionFiguresDocument, {})).regionFigures.total.results,
    };
    await insertResults(other, [['KNM', null, null, true, 5], ['EXAM', 'SCHRIJVEN', 'B1', true, 5]]);
    const after = {
      newBees: (await newBees.ok(RegionFiguresDocument, {})).regionFigures.total.results,
      sagenn: (await sagenn.ok(RegionFiguresDocument, {})).regionFigures.total.results,
    };
    const schrijven = (r: typeof before.newBees) => r.examParts.find((p) => p.level === 'B1' && p.part === 'SCHRIJVEN')?.passed ?? 0;
    // New Bees: neither figure moved, and neither list has the client.
    expect({ knm: after.newBees.knmCompleted, schrijven: schrijven(after.newBees) }).toEqual({ knm: before.newBees.knmCompleted, schrijven: schrijven(before.newBees) });
    const newBeesKnm = await allPlacements(newBees, { completed: 'KNM' });
    const newBeesExam = await allPlacements(newBees, { examPart: 'SCHRIJVEN', examLevel: 'B1', examOutcome: 'PASSED' });
    expect({ knm: newBeesKnm.clientIds.includes(other.client_id), exam: newBeesExam.clientIds.includes(other.client_id) }).toEqual({ knm: false, exam: false });
    expect({ knm: newBeesKnm.total, attempts: newBeesExam.attempts }).toEqual({ knm: after.newBees.knmCompleted, attempts: schrijven(after.newBees) });
    // Sagenn: both figures count it, and both lists show the client through the Sagenn placement.
    expect({ knm: after.sagenn.knmCompleted, schrijven: schrijven(after.sagenn) }).toEqual({ knm: before.sagenn.knmCompleted! + 1, schrijven: schrijven(before.sagenn) + 1 });
    const sagennKnm = await allPlacements(sagenn, { completed: 'KNM' });
    const sagennExam = await allPlacements(sagenn, { examPart: 'SCHRIJVEN', examLevel: 'B1', examOutcome: 'PASSED' });
    expect({ knm: sagennKnm.ids.includes(other.id), exam: sagennExam.ids.includes(other.id) }).toEqual({ knm: true, exam: true });
    expect({ knm: sagennKnm.total, attempts: sagennExam.attempts }).toEqual({ knm: after.sagenn.knmCompleted, attempts: schrijven(after.sagenn) });
  });
});

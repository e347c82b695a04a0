// Issue #10: a provider's attended hours, attendance, median wait and exam-part counts drill down to its own placements of
// the clients they cover, one row per client; the test's own SQL says which clients and gives the figures back. The
// exam-part figures count attempts, and the page says how many.
import { randomUUID } from 'node:crypto';
import { previousQuarter, quarterPeriod, type FigurePeriod } from '@inburgering/domain';
import { type ExamPart, type Level, type ProviderPlacementFilterInput, ContractFiguresDocument, ProviderPlacementsDocument, RegionFiguresDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { allProviderPlacements } from '../support/figure-lists';
import { today } from '../support/hours-fixtures';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let newBees: GraphqlSession;
let sagenn: GraphqlSession;
let arnhem: GraphqlSession;
let projectleider: GraphqlSession;
let newBeesContractId: string;
let sagennContractId: string;

const CONTRACT_NOT_FOUND = 'Dit contract bestaat niet of is niet bij uw organisatie bekend.';

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  [newBees, sagenn, arnhem, projectleider] = await Promise.all([
    loginAs(platform.url, 'aanbieder@newbees.demo.nl'),
    loginAs(platform.url, 'aanbieder@sagenn.demo.nl'),
    loginAs(platform.url, 'consulent@arnhem.demo.nl'),
    loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl'),
  ]);
  const { rows } = await pg.query(
    `SELECT k.id AS contract_id, o.name FROM lot l JOIN contract k ON k.lot_id = l.id JOIN organisation o ON o.id = k.provider_id WHERE l.name = 'B1-route Midden-Gelderland'`,
  );
  newBeesContractId = rows.find((r) => r.name === 'New Bees').contract_id;
  sagennContractId = rows.find((r) => r.name === 'Sagenn').contract_id;
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

/** A row of a figure: under one contract or all of the provider's own (contracts and individual placements), perhaps one municipality. */
interface Scope { providerName: string; contractId: string | null; municipalityId: string | null; period: FigurePeriod | null }

/** The placements under the scope, by the test's own SQL (alias p, parameters $1 provider name, $2 contract, $3 municipality). */
const UNDER_SCOPE = `(CASE WHEN $2::uuid IS NOT NULL THEN p.contract_id = $2::uuid
                          ELSE p.contract_id IN (SELECT k.id FROM contract k JOIN organisation ko ON ko.id = k.provider_id WHERE ko.name = $1)
                               OR (p.contract_id IS NULL AND p.lot_id IS NULL AND p.kind = 'REGULAR' AND p.provider_id = (SELECT id FROM organisation WHERE name = $1 AND kind = 'PROVIDER')) END)
                     AND ($3::uuid IS NULL OR p.municipality_id = $3::uuid)`;

const allListed = allProviderPlacements;

/** The clients with hour rows under the scope, by the test's own SQL over the current hour rows: their attended minutes and placements with hours. */
async function clientsWithHours(scope: Scope): Promise<Map<string, { attended: number; placements: string[] }>> {
  const { rows } = await pg.query(
    `WITH cur AS (
       SELECT DISTINCT ON (h.placement_id, h.lesson_date, h.category) h.placement_id, h.lesson_date, h.attended_minutes
         FROM hour_entry h ORDER BY h.placement_id, h.lesson_date, h.category, h.revision DESC
     )
     SELECT p.client_id, sum(cur.attended_minutes)::int AS attended, array_agg(DISTINCT p.id::text) AS placements
       FROM cur JOIN placement p ON p.id = cur.placement_id
      WHERE ${UNDER_SCOPE} AND ($4::date IS NULL OR cur.lesson_date BETWEEN $4::date AND $5::date)
      GROUP BY p.client_id`,
    [scope.providerName, scope.contractId, scope.municipalityId, scope.period?.from ?? null, scope.period?.to ?? null],
  );
  return new Map(rows.map((r) => [r.client_id, { attended: r.attended, placements: r.placements }]));
}

/** Over the listed clients, by the test's own SQL: how many have a placement under the scope started in the period on or after the signed PIP, and the median wait of those placements. */
async function waitsOf(scope: Scope, clientIds: string[]): Promise<{ clients: number; median: number | null; placements: string[] }> {
  const { rows: [own] } = await pg.query(
    `SELECT count(DISTINCT p.client_id)::int AS clients, coalesce(array_agg(p.id::text), '{}') AS placements,
            ceil(percentile_cont(0.5) WITHIN GROUP (ORDER BY p.start_date - coalesce(c.first_pip_signed_on, c.pip_signed_on)))::int AS median
       FROM placement p JOIN client c ON c.id = p.client_id
      WHERE ${UNDER_SCOPE} AND p.status IN ('STARTED', 'ENDED') AND p.start_date >= coalesce(c.first_pip_signed_on, c.pip_signed_on)
        AND ($4::date IS NULL OR p.start_date BETWEEN $4::date AND $5::date) AND p.client_id = ANY($6::uuid[])`,
    [scope.providerName, scope.contractId, scope.municipalityId, scope.period?.from ?? null, scope.period?.to ?? null, clientIds],
  );
  return own;
}

/** Every row with a list and the total of the provider's dashboard (per contract and per municipality) and of each own contract's page, in the period. */
async function rowsOf(session: GraphqlSession, period: FigurePeriod | null) {
  const args = period ? { periodFrom: period.from, periodTo: period.to } : {};
  const rows: { label: string; contractId: string | null; municipalityId: string | null; attended: number | null; median: number | null }[] = [];
  for (const groupBy of ['CONTRACT', 'MUNICIPALITY'] as const) {
    const { regionFigures } = await session.ok(RegionFiguresDocument, { groupBy, ...args });
    expect(regionFigures.suppressed).toBe(false);
    // The row of individual placements (no id) lists with individual: true: figures-individual-lot.spec; the total covers it here.
    for (const g of [...regionFigures.groups.filter((x) => x.id), regionFigures.total]) {
      rows.push({
        label: `dashboard per ${groupBy}: ${g.label}`, contractId: groupBy === 'CONTRACT' ? g.id ?? null : null, municipalityId: groupBy === 'MUNICIPALITY' ? g.id ?? null : null,
        attended: g.hours.attendedMinutes ?? null, median: g.intake.medianDaysPipToStart ?? null,
      });
    }
    if (groupBy === 'CONTRACT') {
      for (const contract of regionFigures.groups.filter((x) => x.id)) {
        const { contractFigures } = await session.ok(ContractFiguresDocument, { contractId: contract.id!, ...args });
        for (const g of [...contractFigures.groups.filter((x) => x.id), contractFigures.total]) {
          rows.push({ label: `contract ${contract.label}: ${g.label}`, contractId: contract.id!, municipalityId: g.id ?? null, attended: g.hours.attendedMinutes ?? null, median: g.intake.medianDaysPipToStart ?? null });
        }
      }
    }
  }
  return rows;
}

/** The Dutch field messages of a refusal. */
const fieldsOf = (r: GraphqlResult<unknown>) => (r.errors?.[0].extensions?.fields ?? []) as { field: string; message: string }[];

const PROVIDERS = [['New Bees', () => newBees], ['Sagenn', () => sagenn]] as const;

/**
 * For New Bees and Sagenn, the whole term and the previous quarter, every row with a list and every total (rowsOf): the
 * provider's list from the row's link (`figure`: withHours or waitCohort) and the row's scope, for `check`. Answers how
 * many rows listed any client.
 */
async function forEveryRow(
  figure: Pick<ProviderPlacementFilterInput, 'withHours' | 'waitCohort'>,
  check: (row: Awaited<ReturnType<typeof rowsOf>>[number], scope: Scope, listed: Awaited<ReturnType<typeof allListed>>, at: Record<string, unknown>) => Promise<void>,
): Promise<number> {
  let compared = 0;
  for (const [providerName, session] of PROVIDERS) {
    for (const period of [null, quarterPeriod(previousQuarter(today()))]) {
      for (const row of await rowsOf(session(), period)) {
        const filter: ProviderPlacementFilterInput = {
          ...(row.contractId ? { contractId: row.contractId } : {}), ...(row.municipalityId ? { municipalityId: row.municipalityId } : {}),
          ...figure, ...(period ? { periodFrom: period.from, periodTo: period.to } : {}),
        };
        const listed = await allListed(session(), filter);
        await check(row, { providerName, contractId: row.contractId, municipalityId: row.municipalityId, period }, listed, { provider: providerName, row: row.label, period });
        if (listed.total > 0) compared += 1;
      }
    }
  }
  return compared;
}

describe('the provider\'s hours figures drill down to its own placements of the clients they cover', () => {
  it('lists New Bees and Sagenn, for every row and total of the dashboard and the contract pages, the clients of the test\'s own SQL, one placement each with hours, whose attended hours add up to the figure (whole term and the previous quarter)', async () => {
    const compared = await forEveryRow({ withHours: true }, async (row, scope, listed, at) => {
      const own = await clientsWithHours(scope);
      expect({ ...at, total: listed.total, clients: listed.items.map((p) => p.clientId).sort() }).toEqual({ ...at, total: listed.items.length, clients: [...own.keys()].sort() });
      // One row per client, a placement of that client with hours under the row's contracts in the period.
      for (const item of listed.items) expect({ ...at, placement: item.id, of: own.get(item.clientId)?.placements.includes(item.id) }).toEqual({ ...at, placement: item.id, of: true });
      // The listed clients' attended minutes add up to the figure.
      expect({ ...at, attended: [...own.values()].reduce((n, c) => n + c.attended, 0) }).toEqual({ ...at, attended: row.attended });
    });
    expect(compared).toBeGreaterThanOrEqual(12);
  });
});

describe('the provider\'s median wait drills down to its own placements of the clients it is computed over', () => {
  it('lists New Bees and Sagenn, for every row and total of the dashboard and the contract pages, the clients started on or after the signed PIP (in the period), one started placement each, whose waits give the figure\'s median', async () => {
    const compared = await forEveryRow({ waitCohort: true }, async (row, scope, listed, at) => {
      const clientIds = listed.items.map((p) => p.clientId);
      expect(new Set(clientIds).size).toBe(listed.items.length);
      const own = await waitsOf(scope, clientIds);
      // ... and no client of the cohort is left out: the cohort over all the provider's clients is as large.
      const { rows: [all] } = await pg.query(`SELECT array_agg(DISTINCT client_id::text) AS ids FROM placement WHERE provider_id = (SELECT id FROM organisation WHERE name = $1 AND kind = 'PROVIDER')`, [scope.providerName]);
      const whole = await waitsOf(scope, all.ids);
      expect({ ...at, total: listed.total, clients: own.clients, wholeCohort: whole.clients, median: own.median })
        .toEqual({ ...at, total: listed.items.length, clients: listed.total, wholeCohort: listed.total, median: row.median });
      for (const item of listed.items) expect({ ...at, placement: item.id, inCohort: own.placements.includes(item.id) }).toEqual({ ...at, placement: item.id, inCohort: true });
    });
    expect(compared).toBeGreaterThanOrEqual(8);
  });
});

describe('refusals of the provider\'s hours and wait lists', () => {
  it('refuses another provider\'s contract or an unknown one (NOT_FOUND) and gives consultants and the projectleider no provider list', async () => {
    for (const figure of [{ withHours: true }, { waitCohort: true }]) {
      for (const [session, contractId] of [[sagenn, newBeesContractId], [newBees, sagennContractId], [newBees, randomUUID()]] as const) {
        const result = await session.request(ProviderPlacementsDocument, { filter: { contractId, ...figure } });
        expect({ figure, error: result.errors?.[0] }).toEqual({ figure, error: expect.objectContaining({ message: CONTRACT_NOT_FOUND, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }) });
        expect(result.data).toBeNull();
      }
      for (const session of [arnhem, projectleider]) {
        expect({ figure, code: (await session.request(ProviderPlacementsDocument, { filter: figure })).errors?.[0].extensions?.code }).toEqual({ figure, code: 'FORBIDDEN' });
      }
    }
  });

  it('refuses the hours or the wait with another figure\'s filter or half a period, in Dutch on the field', async () => {
    const cases: [ProviderPlacementFilterInput, string, string][] = [
      [{ contractId: newBeesContractId, withHours: true, intakeStage: 'STARTED' }, 'intakeStage', 'Kies een stand van de plaatsingen of de uren, niet allebei.'],
      [{ waitCohort: true, intakeStage: 'ACCEPTED' }, 'intakeStage', 'Kies een stand van de plaatsingen of de wachttijd, niet allebei.'],
      [{ withHours: true, completed: 'KNM' }, 'withHours', 'Kies een voltooid onderdeel of de uren, niet allebei.'],
      [{ waitCohort: true, completed: 'MAP' }, 'waitCohort', 'Kies een voltooid onderdeel of de wachttijd, niet allebei.'],
      [{ withHours: true, waitCohort: true }, 'waitCohort', 'Kies de wachttijd of de uren, niet allebei.'],
      [{ withHours: true, periodFrom: '2026-01-01' }, 'periodTo', 'Vul ook de einddatum van de periode in.'],
    ];
    for (const [filter, field, message] of cases) {
      expect({ filter, fields: fieldsOf(await newBees.request(ProviderPlacementsDocument, { filter })) }).toEqual({ filter, fields: [expect.objectContaining({ field, message })] });
    }
  });

  it('answers malformed values with HTTP 400 naming the field, never an internal error', async () => {
    const query = `query P($filter: ProviderPlacementFilterInput) { providerPlacementPage(filter: $filter) { total } }`;
    for (const [filter, field] of [[{ withHours: 'ja' }, 'filter.withHours'], [{ waitCohort: 1 }, 'filter.waitCohort'], [{ withHours: true, contractId: 'x' }, 'filter.contractId']] as const) {
      const response = await newBees.request(query, { filter });
      expect({ filter, status: response.status, code: response.errors?.[0].extensions?.code, fields: response.errors?.[0].extensions?.fields?.map((f) => f.field) })
        .toEqual({ filter, status: 400, code: 'BAD_USER_INPUT', fields: [field] });
    }
  });
});

const CELL = { examPart: 'LEZEN', examLevel: 'B1', examOutcome: 'PASSED' } as const;

/**
 * New Bees' exam attempts of one cell under a row (one contract, or all its contracts and individual placements; perhaps one
 * municipality) in the period by result date, by the test's own SQL: per client its attempts and the placements they are in.
 */
async function ownAttempts(contractId: string | null, municipalityId: string | null, period: FigurePeriod | null, part: string, level: string, passed: boolean) {
  const { rows } = await pg.query(
    `SELECT p.client_id, count(*)::int AS attempts, array_agg(DISTINCT p.id::text) AS placements
       FROM integration_result r JOIN placement p ON p.id = r.placement_id
      WHERE (CASE WHEN $1::uuid IS NOT NULL THEN p.contract_id = $1::uuid
                  ELSE p.contract_id IN (SELECT k.id FROM contract k JOIN organisation ko ON ko.id = k.provider_id WHERE ko.name = 'New Bees')
                       OR (p.contract_id IS NULL AND p.lot_id IS NULL AND p.kind = 'REGULAR' AND p.provider_id = (SELECT id FROM organisation WHERE name = 'New Bees' AND kind = 'PROVIDER')) END)
        AND ($2::uuid IS NULL OR p.municipality_id = $2::uuid)
        AND ($3::date IS NULL OR r.result_date BETWEEN $3::date AND $4::date)
        AND r.kind = 'EXAM' AND r.exam_part = $5 AND r.level = $6 AND r.passed = $7
      GROUP BY p.client_id`,
    [contractId, municipalityId, period?.from ?? null, period?.to ?? null, part, level, passed],
  );
  return new Map<string, { attempts: number; placements: string[] }>(rows.map((r) => [r.client_id, { attempts: r.attempts, placements: r.placements }]));
}

describe('the provider\'s exam-part counts drill down to its own placements of the clients with such an attempt', () => {
  beforeAll(async () => {
    // A retake: one of New Bees' clients failed B1 Spreken twice and then passed it, so the figure counts more attempts than clients.
    const { rows: [placement] } = await pg.query(`SELECT id, client_id, municipality_id, provider_id FROM placement WHERE contract_id = $1 AND status = 'STARTED' ORDER BY id LIMIT 1`, [newBeesContractId]);
    await pg.query(
      `INSERT INTO integration_result (client_id, placement_id, municipality_id, provider_id, kind, exam_part, level, passed, result_date, idempotency_key)
       SELECT $1, $2, $3, $4, 'EXAM', 'SPREKEN', 'B1', passed, $5::date - days, gen_random_uuid()::text FROM unnest(ARRAY[false, false, true], ARRAY[30, 20, 10]) AS a(passed, days)`,
      [placement.client_id, placement.id, placement.municipality_id, placement.provider_id, today()],
    );
  });

  it('lists New Bees, for every cell of every row and the total of its dashboard (per contract and per municipality), the clients of the test\'s own SQL, one placement each with such an attempt, and the attempts equal the figure (whole term and the previous quarter)', async () => {
    let compared = 0;
    let withRetakes = 0;
    for (const period of [null, quarterPeriod(previousQuarter(today()))]) {
      const args = period ? { periodFrom: period.from, periodTo: period.to } : {};
      for (const groupBy of ['CONTRACT', 'MUNICIPALITY'] as const) {
        const { regionFigures } = await newBees.ok(RegionFiguresDocument, { groupBy, ...args });
        expect(regionFigures.suppressed).toBe(false);
        // The row of individual placements (no id) lists with individual: true: figures-individual-lot.spec; the total covers it here.
        for (const row of [...regionFigures.groups.filter((g) => g.id), regionFigures.total]) {
          const contractId = groupBy === 'CONTRACT' ? row.id ?? null : null;
          const municipalityId = groupBy === 'MUNICIPALITY' ? row.id ?? null : null;
          for (const cell of row.results.examParts) {
            for (const [examOutcome, figure] of [['PASSED', cell.passed], ['FAILED', cell.failed]] as const) {
              const at = { groupBy, row: row.label, period, level: cell.level, part: cell.part, examOutcome };
              const listed = await allListed(newBees, {
                ...(contractId ? { contractId } : {}), ...(municipalityId ? { municipalityId } : {}), ...args,
                examPart: cell.part as ExamPart, examLevel: cell.level as Level, examOutcome,
              });
              const own = await ownAttempts(contractId, municipalityId, period, cell.part, cell.level, examOutcome === 'PASSED');
              const attempts = [...own.values()].reduce((n, c) => n + c.attempts, 0);
              expect({ ...at, total: listed.total, clients: listed.items.map((p) => p.clientId).sort(), attempts: listed.attempts, figure })
                .toEqual({ ...at, total: listed.items.length, clients: [...own.keys()].sort(), attempts, figure: attempts });
              for (const item of listed.items) expect({ ...at, placement: item.id, of: own.get(item.clientId)?.placements.includes(item.id) }).toEqual({ ...at, placement: item.id, of: true });
              if (listed.total > 0) compared += 1;
              if (attempts > listed.total) withRetakes += 1;
            }
          }
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
    expect(withRetakes).toBeGreaterThanOrEqual(1);
  });
});

describe('refusals of the provider\'s exam-part list', () => {
  it('refuses another provider\'s contract or an unknown one (NOT_FOUND) and gives consultants and the projectleider no provider list', async () => {
    for (const [session, contractId] of [[sagenn, newBeesContractId], [newBees, sagennContractId], [newBees, randomUUID()]] as const) {
      const result = await session.request(ProviderPlacementsDocument, { filter: { contractId, ...CELL } });
      expect({ contractId, error: result.errors?.[0] }).toEqual({ contractId, error: expect.objectContaining({ message: CONTRACT_NOT_FOUND, extensions: expect.objectContaining({ code: 'NOT_FOUND' }) }) });
      expect(result.data).toBeNull();
    }
    for (const session of [arnhem, projectleider]) {
      expect((await session.request(ProviderPlacementsDocument, { filter: CELL })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('refuses an incomplete cell, another figure\'s filter with it or half a period, in Dutch on the field', async () => {
    const cases: [ProviderPlacementFilterInput, { field: string; message: string }[]][] = [
      [{ examPart: 'LEZEN' }, [{ field: 'examLevel', message: 'Kies het niveau van het examencijfer.' }, { field: 'examOutcome', message: 'Kies gehaald of niet gehaald.' }]],
      [{ examLevel: 'B1', examOutcome: 'FAILED' }, [{ field: 'examPart', message: 'Kies het examenonderdeel van het cijfer.' }]],
      ...(['completed', 'withHours', 'waitCohort', 'intakeStage'] as const).map((other): [ProviderPlacementFilterInput, { field: string; message: string }[]] => [
        { ...CELL, ...{ completed: { completed: 'KNM' }, withHours: { withHours: true }, waitCohort: { waitCohort: true }, intakeStage: { intakeStage: 'STARTED' } }[other] } as ProviderPlacementFilterInput,
        [{ field: 'examPart', message: 'Kies het examencijfer of een ander cijfer, niet allebei.' }],
      ]),
      [{ ...CELL, periodFrom: '2026-01-01' }, [{ field: 'periodTo', message: 'Vul ook de einddatum van de periode in.' }]],
    ];
    for (const [filter, fields] of cases) {
      expect({ filter, fields: fieldsOf(await newBees.request(ProviderPlacementsDocument, { filter })) }).toEqual({ filter, fields: fields.map((f) => expect.objectContaining(f)) });
    }
  });

  it('answers malformed values with HTTP 400 naming the field, never an internal error', async () => {
    const query = `query P($filter: ProviderPlacementFilterInput) { providerPlacementPage(filter: $filter) { total } }`;
    for (const [filter, field] of [[{ ...CELL, examPart: 'ZINGEN' }, 'filter.examPart'], [{ ...CELL, examLevel: 'C9' }, 'filter.examLevel'], [{ ...CELL, examOutcome: 'MISSCHIEN' }, 'filter.examOutcome']] as const) {
      const response = await newBees.request(query, { filter });
      expect({ filter, status: response.status, code: response.errors?.[0].extensions?.code, fields: response.errors?.[0].extensions?.fields?.map((f) => f.field) })
        .toEqual({ filter, status: 400, code: 'BAD_USER_INPUT', fields: [field] });
    }
  });
});

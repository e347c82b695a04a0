// Issue #10: a provider's exam-part counts drill down to its own placements of the clients with such an attempt, one row
// per client; the figure counts attempts, and the page says how many. The test's own SQL says which clients and attempts.
import { randomUUID } from 'node:crypto';
import { previousQuarter, quarterPeriod, type FigurePeriod } from '@inburgering/domain';
import { type ExamPart, type Level, type ProviderPlacementFilterInput, ProviderPlacementsDocument, RegionFiguresDocument } from '@inburgering/contracts';
import { Client } from 'pg';
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
const CELL = { examPart: 'LEZEN', examLevel: 'B1', examOutcome: 'PASSED' } as const;

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
  // A retake: one of New Bees' clients failed B1 Spreken twice and then passed it, so the figure counts more attempts than clients.
  const { rows: [placement] } = await pg.query(`SELECT id, client_id, municipality_id, provider_id FROM placement WHERE contract_id = $1 AND status = 'STARTED' ORDER BY id LIMIT 1`, [newBeesContractId]);
  await pg.query(
    `INSERT INTO integration_result (client_id, placement_id, municipality_id, provider_id, kind, exam_part, level, passed, result_date, idempotency_key)
     SELECT $1, $2, $3, $4, 'EXAM', 'SPREKEN', 'B1', passed, $5::date - days, gen_random_uuid()::text FROM unnest(ARRAY[false, false, true], ARRAY[30, 20, 10]) AS a(passed, days)`,
    [placement.client_id, placement.id, placement.municipality_id, placement.provider_id, today()],
  );
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

/** Every page of New Bees' list for a filter: the placements (id, client) listed, the total and the attempts it says. */
async function allListed(filter: ProviderPlacementFilterInput) {
  const items: { id: string; clientId: string }[] = [];
  let total = 0;
  let attempts: number | null | undefined;
  do {
    const { providerPlacementPage: page } = await newBees.ok(ProviderPlacementsDocument, { limit: 200, offset: items.length, filter });
    items.push(...page.items.map((p) => ({ id: p.id, clientId: p.clientId })));
    ({ total } = page);
    attempts = page.examAttemptsInFigure;
    if (page.items.length === 0) break;
  } while (items.length < total);
  return { items, total, attempts };
}

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
  it('lists New Bees, for every cell of every row and the total of its dashboard (per contract and per municipality), the clients of the test\'s own SQL, one placement each with such an attempt, and the attempts equal the figure (whole term and the previous quarter)', async () => {
    let compared = 0;
    let withRetakes = 0;
    for (const period of [null, quarterPeriod(previousQuarter(today()))]) {
      const args = period ? { periodFrom: period.from, periodTo: period.to } : {};
      for (const groupBy of ['CONTRACT', 'MUNICIPALITY'] as const) {
        const { regionFigures } = await newBees.ok(RegionFiguresDocument, { groupBy, ...args });
        expect(regionFigures.suppressed).toBe(false);
        // The row of individual placements has no list of its own (no contract to filter on); the total covers it.
        for (const row of [...regionFigures.groups.filter((g) => g.id), regionFigures.total]) {
          const contractId = groupBy === 'CONTRACT' ? row.id ?? null : null;
          const municipalityId = groupBy === 'MUNICIPALITY' ? row.id ?? null : null;
          for (const cell of row.results.examParts) {
            for (const [examOutcome, figure] of [['PASSED', cell.passed], ['FAILED', cell.failed]] as const) {
              const at = { groupBy, row: row.label, period, level: cell.level, part: cell.part, examOutcome };
              const listed = await allListed({
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
  const fieldsOf = (r: GraphqlResult<unknown>) => (r.errors?.[0].extensions?.fields ?? []) as { field: string; message: string }[];

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

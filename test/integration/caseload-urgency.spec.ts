import { randomUUID } from 'node:crypto';
import { ClientsDocument, RegisterClientDocument, SetPipDocument } from '@inburgering/contracts';
import {
  clientDeadlines,
  completionDates,
  compareDates,
  DEADLINE_KINDS,
  DEADLINE_STATUSES,
  deadlineList,
  generateSyntheticBsn,
  hasDeadline,
  isRoute,
  LEVELS,
  mostUrgentDeadline,
  type CalendarDate,
  type CompletionResult,
  type DeadlineKind,
  type DeadlineStatus,
  type KindedDeadline,
  type Level,
  type TargetGroup,
} from '@inburgering/domain';
import { Client } from 'pg';
import { SettableClock } from '../../apps/api/src/clock/clock';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

// The caseload sorted by urgency and filtered by deadline reads stored deadlines in SQL (issue 9) instead of deriving every
// client's deadlines in JavaScript before paging. What the consultant sees must not change: the same clients, in the same
// order, with the same totals, as the domain rules give (mostUrgentDeadline, hasDeadline over deadlineList of each client,
// in name order), on any day, and right after a change of a client or its results, whoever wrote it.

const clock = new SettableClock();
let platform: TestPlatform;
let pg: Client;
let arnhem: GraphqlSession;
let municipalityId: string;

beforeAll(async () => {
  clock.setToday('2026-08-20');
  platform = await startTestPlatform({ clock });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  municipalityId = (await pg.query<{ id: string }>(`SELECT id FROM organisation WHERE cbs_code = 'GM0202'`)).rows[0].id;
  // Clients in every state the rules know: no PIP (PIP overdue or due), status holders with a term, family migrants,
  // the Onderwijsroute (no MAP), closed and open route-switch windows, MAP/PVT met on time and late, the exam passed.
  const cases: { group: TargetGroup; brp: string; pip?: string; route?: 'B1' | 'Z' | 'ONDERWIJS'; level?: Level }[] = [
    { group: 'STATUS_HOLDER', brp: '2026-07-01' },
    { group: 'STATUS_HOLDER', brp: '2026-06-20' },
    { group: 'STATUS_HOLDER', brp: '2026-03-01' },
    { group: 'FAMILY_MIGRANT', brp: '2023-09-01', pip: '2023-10-15', route: 'B1', level: 'B1' },
    { group: 'FAMILY_MIGRANT', brp: '2023-08-10', pip: '2023-10-01', route: 'Z', level: 'A2' },
    { group: 'STATUS_HOLDER', brp: '2025-01-01', pip: '2025-03-01', route: 'B1', level: 'B1' },
    { group: 'STATUS_HOLDER', brp: '2025-02-01', pip: '2025-03-10', route: 'ONDERWIJS', level: 'B1' },
    { group: 'STATUS_HOLDER', brp: '2024-12-01', pip: '2025-02-20', route: 'B1', level: 'B1' },
    { group: 'OTHER', brp: '2026-05-01', pip: '2026-06-01', route: 'Z', level: 'A2' },
  ];
  for (const [i, c] of cases.entries()) {
    await arnhem.ok(RegisterClientDocument, {
      input: {
        bsn: generateSyntheticBsn(9100 + i), firstName: 'Urgent', lastName: `Geval ${i}`, dateOfBirth: '1990-01-01', targetGroup: c.group,
        brpRegistrationDate: c.brp, pipSignedOn: c.pip ?? null, route: c.route ?? null, level: c.level ?? null,
      },
    });
  }
  const id = async (i: number) => (await pg.query<{ id: string }>(`SELECT id FROM client WHERE last_name = $1`, [`Geval ${i}`])).rows[0].id;
  await addResult(await id(5), 'MAP', '2026-06-01');
  await addResult(await id(5), 'PVT', '2026-10-01');
  await addResult(await id(7), 'PVT', '2026-05-01');
  await addResult(await id(3), 'Z_COMPLETION', '2026-01-01');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

async function addResult(clientId: string, kind: string, resultDate: string) {
  await pg.query(
    `INSERT INTO integration_result (client_id, municipality_id, kind, passed, result_date, idempotency_key) SELECT id, municipality_id, $2, true, $3, $4 FROM client WHERE id = $1`,
    [clientId, kind, resultDate, randomUUID()],
  );
}

const isLevel = (value: string | null): value is Level => (LEVELS as readonly (string | null)[]).includes(value);

/**
 * What the caseload showed before issue 9, from the rows and the domain rules alone: every client of the municipality in
 * name order with its deadline list (the term and route-switch window from the first PIP, completion from the results).
 */
async function expectedCaseload(today: CalendarDate): Promise<{ id: string; deadlines: KindedDeadline[] }[]> {
  const clients = await pg.query<{ id: string; target_group: TargetGroup; route: string | null; level: string | null; brp: string; pip: string | null; first_pip: string | null }>(
    `SELECT id, target_group, route, level, to_char(brp_registration_date, 'YYYY-MM-DD') AS brp, to_char(pip_signed_on, 'YYYY-MM-DD') AS pip,
            to_char(first_pip_signed_on, 'YYYY-MM-DD') AS first_pip
       FROM client WHERE municipality_id = $1 ORDER BY last_name, first_name, client_number, id`,
    [municipalityId],
  );
  const results = await pg.query<{ client_id: string; kind: CompletionResult['kind']; exam_part: CompletionResult['examPart']; level: Level | null; passed: boolean | null; result_date: string; milestone: string | null }>(
    `SELECT r.client_id, r.kind, r.exam_part, r.level, r.passed, to_char(r.result_date, 'YYYY-MM-DD') AS result_date, r.details->>'milestoneDate' AS milestone
       FROM integration_result r JOIN client c ON c.id = r.client_id WHERE c.municipality_id = $1`,
    [municipalityId],
  );
  return clients.rows.map((c) => {
    const own = results.rows.filter((r) => r.client_id === c.id);
    const completion = completionDates(isRoute(c.route) ? c.route : null, isLevel(c.level) ? c.level : null, own.map((r) => ({
      kind: r.kind, examPart: r.exam_part, level: r.level, passed: r.passed, resultDate: r.result_date, milestoneDate: r.milestone,
    })));
    const deadlines = clientDeadlines({
      targetGroup: c.target_group, route: isRoute(c.route) ? c.route : null, brpRegistrationDate: c.brp, pipSignedOn: c.pip, firstPipSignedOn: c.first_pip,
      mapEindgesprekOn: completion.mapEindgesprekOn, pvtSignedOn: completion.pvtSignedOn, obligationMetOn: completion.obligationMetOn,
    }, today);
    return { id: c.id, deadlines: deadlineList(deadlines, today) };
  });
}

/** The urgency order as the caseload sorted it in JavaScript: most urgent deadline (status, then date), none last, stable. */
function byUrgency(caseload: { id: string; deadlines: KindedDeadline[] }[]): string[] {
  const rank: Record<DeadlineStatus, number> = { OVERDUE: 0, DUE_SOON: 1, ON_TIME: 2, MET_LATE: 3, MET: 4 };
  return caseload
    .map((c) => ({ id: c.id, urgent: mostUrgentDeadline(c.deadlines) }))
    .sort((a, b) => (!a.urgent || !b.urgent ? (a.urgent ? -1 : b.urgent ? 1 : 0) : rank[a.urgent.status] - rank[b.urgent.status] || compareDates(a.urgent.deadline, b.urgent.deadline)))
    .map((c) => c.id);
}

/** Every page of the caseload with this filter, as the portal's export walks it: the ids in order and the totals. */
async function walk(filter: Record<string, unknown>, limit = 200): Promise<{ ids: string[]; totals: Set<number> }> {
  const ids: string[] = [];
  const totals = new Set<number>();
  for (;;) {
    const { clients } = await arnhem.ok(ClientsDocument, { search: null, limit, offset: ids.length, filter });
    totals.add(clients.total);
    ids.push(...clients.items.map((c) => c.id));
    if (clients.items.length === 0 || ids.length >= clients.total) return { ids, totals };
  }
}

async function expectSameAsTheRules(today: CalendarDate) {
  clock.setToday(today);
  const caseload = await expectedCaseload(today);
  const urgent = await walk({ sort: 'URGENCY' }, 40);
  expect(urgent.ids).toEqual(byUrgency(caseload));
  expect(urgent.totals).toEqual(new Set([caseload.length]));
  const combinations: [DeadlineKind | null, DeadlineStatus | null][] = [
    ...DEADLINE_STATUSES.map((s) => [null, s] as [null, DeadlineStatus]),
    ...DEADLINE_KINDS.flatMap((k) => [null, ...DEADLINE_STATUSES].map((s) => [k, s] as [DeadlineKind, DeadlineStatus | null])),
  ];
  let nonEmpty = 0;
  for (const [kind, status] of combinations) {
    const expected = caseload.filter((c) => hasDeadline(c.deadlines, kind, status)).map((c) => c.id);
    const byName = await walk({ deadlineKind: kind, deadlineStatus: status });
    expect({ kind, status, ids: byName.ids }).toEqual({ kind, status, ids: expected });
    expect(byName.totals).toEqual(new Set([expected.length]));
    const sorted = await walk({ deadlineKind: kind, deadlineStatus: status, sort: 'URGENCY' });
    expect({ kind, status, ids: sorted.ids }).toEqual({ kind, status, ids: byUrgency(caseload.filter((c) => hasDeadline(c.deadlines, kind, status))) });
    if (expected.length > 0) nonEmpty += 1;
  }
  // The data covers the rules: most combinations have clients.
  expect(nonEmpty).toBeGreaterThan(12);
}

it('sorts by urgency and filters by deadline exactly as the domain rules do, on days around the deadlines', async () => {
  for (const today of ['2026-08-20', '2026-09-02', '2027-01-10']) await expectSameAsTheRules(today);
  clock.setToday('2026-08-20');
}, 240_000);

it('follows a change at once, whoever made it: a new PIP, a recorded result, a removed result, a date changed in SQL', async () => {
  const id = async (i: number) => (await pg.query<{ id: string }>(`SELECT id FROM client WHERE last_name = $1`, [`Geval ${i}`])).rows[0].id;
  const first = async () => (await arnhem.ok(ClientsDocument, { search: null, limit: 1, offset: 0, filter: { sort: 'URGENCY' } })).clients.items[0];

  // Geval 3's obligation was met; moving its BRP date earlier (direct SQL, no service) puts its overdue PIP first.
  await pg.query(`UPDATE client SET brp_registration_date = '2020-01-01', first_pip_signed_on = NULL, pip_signed_on = NULL, route = NULL, level = NULL WHERE id = $1`, [await id(3)]);
  expect((await first()).id).toBe(await id(3));
  await expectSameAsTheRules('2026-08-20');

  await arnhem.ok(SetPipDocument, { input: { clientId: await id(0), pipSignedOn: '2026-08-01', route: 'B1', level: 'B1' } });
  await addResult(await id(6), 'PVT', '2026-06-01');
  await expectSameAsTheRules('2026-08-20');

  await pg.query(`DELETE FROM integration_result WHERE client_id = $1`, [await id(5)]);
  await expectSameAsTheRules('2026-08-20');
}, 240_000);

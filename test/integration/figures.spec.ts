import { randomUUID } from 'node:crypto';
import { addDays, addMonths, pipLessonWeeks, pipPlannedMinutes, previousQuarter, quarterOf, quarterPeriod, routeHourNormMinutes, isRoute, type FigurePeriod } from '@inburgering/domain';
import { type ClientFilterInput, type ExamPart, type Level, type ProviderPlacementFilterInput, type RegionKpi, ClientOutcomesDocument, ClientsDocument, ContractDocument, ContractFiguresDocument, CreateContractDocument, InvoicesDocument, LotFiguresDocument, ProviderPlacementsDocument, RecordClientOutcomeDocument, RegionFiguresDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { placeClients, today, weekInPreviousMonth } from '../support/hours-fixtures';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let newBees: GraphqlSession;
let sagenn: GraphqlSession;
let arnhem: GraphqlSession;
let zevenaar: GraphqlSession;
let projectleider: GraphqlSession;
let lotId: string;
let newBeesContractId: string;
let sagennContractId: string;

const CONTRACT_NOT_FOUND = 'Dit contract bestaat niet of is niet bij uw organisatie bekend.';
const LOT_NOT_FOUND = 'Dit perceel bestaat niet of is niet bij uw organisatie bekend.';
const CLIENT_NOT_FOUND = 'Deze inburgeraar bestaat niet of is niet bij uw organisatie bekend.';

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  [newBees, sagenn, arnhem, zevenaar, projectleider] = await Promise.all([
    loginAs(platform.url, 'aanbieder@newbees.demo.nl'),
    loginAs(platform.url, 'aanbieder@sagenn.demo.nl'),
    loginAs(platform.url, 'consulent@arnhem.demo.nl'),
    loginAs(platform.url, 'consulent@zevenaar.demo.nl'),
    loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl'),
  ]);
  const { rows } = await pg.query(
    `SELECT l.id AS lot_id, k.id AS contract_id, o.name FROM lot l JOIN contract k ON k.lot_id = l.id JOIN organisation o ON o.id = k.provider_id
      WHERE l.name = 'B1-route Midden-Gelderland'`,
  );
  lotId = rows[0].lot_id;
  newBeesContractId = rows.find((r) => r.name === 'New Bees').contract_id;
  sagennContractId = rows.find((r) => r.name === 'Sagenn').contract_id;
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const notFound = (result: GraphqlResult<unknown>, message: string) => {
  expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'NOT_FOUND' } });
  expect(result.data).toBeNull();
};

/** Placements per contract and intake stage, counted by the test's own SQL. */
async function intakeCounts(contractId: string, municipalityCbs?: string): Promise<{ requested: number; accepted: number; started: number; waiting: number }> {
  const { rows: [row] } = await pg.query(
    `SELECT count(*) FILTER (WHERE p.status = 'REQUESTED')::int AS requested, count(*) FILTER (WHERE p.status = 'ACCEPTED')::int AS accepted,
            count(*) FILTER (WHERE p.status = 'STARTED' OR (p.status = 'ENDED' AND p.start_date IS NOT NULL))::int AS started,
            count(*) FILTER (WHERE p.status = 'WAITING')::int AS waiting
       FROM placement p JOIN organisation m ON m.id = p.municipality_id WHERE p.contract_id = $1 AND ($2::text IS NULL OR m.cbs_code = $2)`,
    [contractId, municipalityCbs ?? null],
  );
  return row;
}

describe('who sees which figures', () => {
  it('shows a provider only its own contract on the shared B1 lot, never the other provider', async () => {
    const { lotFigures } = await sagenn.ok(LotFiguresDocument, { lotId });
    expect(lotFigures.groups.map((g) => g.label)).toEqual(['Sagenn']);
    expect(lotFigures.suppressed).toBe(false);
    const own = await intakeCounts(sagennContractId);
    expect(lotFigures.total.intake).toMatchObject(own);

    notFound(await sagenn.request(ContractFiguresDocument, { contractId: newBeesContractId }), CONTRACT_NOT_FOUND);
    const { regionFigures } = await sagenn.ok(RegionFiguresDocument, {});
    expect(regionFigures.groups.every((g) => !g.label.includes('New Bees'))).toBe(true);
    const { contractFigures } = await newBees.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    expect(contractFigures.total.intake).toMatchObject(await intakeCounts(newBeesContractId));
    expect(contractFigures.total.spend?.ceilingCents).toBeGreaterThan(0);
  });

  it('shows a consultant the figures of the own clients only, unsuppressed', async () => {
    const { contractFigures } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    expect(contractFigures.suppressed).toBe(false);
    // "Bijgewerkt op": the moment the figures were computed (on this request).
    expect(Math.abs(Date.parse(contractFigures.computedAt) - Date.now())).toBeLessThan(60_000);
    expect(contractFigures.groups).toHaveLength(1);
    expect(contractFigures.total.intake).toMatchObject(await intakeCounts(newBeesContractId, 'GM0202'));
    const arnhemId = (await pg.query(`SELECT id FROM organisation WHERE cbs_code = 'GM0202'`)).rows[0].id;
    const zevenaarId = (await pg.query(`SELECT id FROM organisation WHERE cbs_code = 'GM0299'`)).rows[0].id;
    expect((await zevenaar.request(RegionFiguresDocument, { municipalityId: arnhemId })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const { regionFigures } = await arnhem.ok(RegionFiguresDocument, { municipalityId: arnhemId });
    expect(regionFigures.suppressed).toBe(false);
    expect(zevenaarId).toBeTruthy();
  });

  it('shows the projectleider both B1 providers side by side, hiding a small cell and a complement so totals give nothing back', async () => {
    // Sagenn gets exactly 2 waiting clients on the lot; New Bees gets 7.
    await pg.query(`UPDATE placement SET status = 'STARTED' WHERE status = 'WAITING' AND lot_id = $1`, [lotId]);
    const waitingAt = async (provider: string, count: number) => {
      const placed = await placeClients(pg, { provider, municipality: 'GM0202', route: 'B1', count, groupName: 'B1 wacht' });
      await pg.query(`UPDATE placement SET status = 'WAITING', start_date = NULL WHERE id = ANY($1::uuid[])`, [placed.map((p) => p.placementId)]);
    };
    await waitingAt('Sagenn', 2);
    await waitingAt('New Bees', 7);

    const { lotFigures } = await projectleider.ok(LotFiguresDocument, { lotId });
    expect(lotFigures.suppressed).toBe(true);
    expect(lotFigures.suppressedLabel).toBe('<\u00a05');
    expect(lotFigures.groups.map((g) => g.label)).toEqual(['New Bees', 'Sagenn']);
    const [nb, sg] = lotFigures.groups;
    expect(sg.intake.waiting).toBeNull();
    // Total 9 minus New Bees' 7 would give Sagenn's 2: New Bees' cell or the total is hidden too.
    expect(nb.intake.waiting === null || lotFigures.total.intake.waiting === null).toBe(true);
    // What is shown is true.
    const own = await intakeCounts(newBeesContractId);
    if (nb.intake.started !== null) expect(nb.intake.started).toBe(own.started);

    // The projectleider looking at one municipality: the same suppression.
    const arnhemId = (await pg.query(`SELECT id FROM organisation WHERE cbs_code = 'GM0202'`)).rows[0].id;
    const { regionFigures } = await projectleider.ok(RegionFiguresDocument, { municipalityId: arnhemId });
    expect(regionFigures.suppressed).toBe(true);
    const sagennRow = regionFigures.groups.find((g) => g.id === sagennContractId)!;
    expect(sagennRow.intake.waiting).toBeNull();

    // Sagenn itself sees its own 2 waiting clients.
    const { lotFigures: atSagenn } = await sagenn.ok(LotFiguresDocument, { lotId });
    expect(atSagenn.groups[0].intake.waiting).toBe(2);
  });
});

/** A started placement of an Arnhem client under the contract who has no result yet that would complete one of `modules`. */
async function placementWithout(contractId: string, modules: string[]): Promise<{ id: string; client_id: string; municipality_id: string; provider_id: string }> {
  const { rows: [placement] } = await pg.query(
    `SELECT p.id, p.client_id, p.municipality_id, p.provider_id FROM placement p JOIN organisation m ON m.id = p.municipality_id
      WHERE p.contract_id = $1 AND m.cbs_code = 'GM0202' AND p.status = 'STARTED'
        AND NOT EXISTS (SELECT 1 FROM integration_result r WHERE r.client_id = p.client_id AND (r.kind = ANY($2::text[]) OR (r.exam_part = 'KNM' AND 'KNM' = ANY($2::text[]))))
      ORDER BY p.id LIMIT 1`,
    [contractId, modules],
  );
  expect(placement).toBeDefined();
  return placement;
}

/** Results within the placement: [kind, exam part, level, passed, days ago]. */
async function insertResults(placement: { id: string; client_id: string; municipality_id: string; provider_id: string }, results: [string, string | null, string | null, boolean | null, number][]) {
  const rows = results.map(([kind, examPart, level, passed, daysAgo]) =>
    [placement.client_id, placement.id, placement.municipality_id, placement.provider_id, kind, examPart, level, passed, addDays(today(), -daysAgo), randomUUID()]);
  await pg.query(
    `INSERT INTO integration_result (client_id, placement_id, municipality_id, provider_id, kind, exam_part, level, passed, result_date, idempotency_key)
     SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::boolean[], $9::date[], $10::text[])`,
    rows[0].map((_, c) => rows.map((r) => r[c])),
  );
}

/**
 * All pages of Arnhem's caseload for a filter: the ids listed, the anonymised clients the figure also covers and (from an
 * exam-part figure) the attempts it counts.
 */
async function allListed(filter: ClientFilterInput): Promise<{ ids: string[]; total: number; anonymised: number; attempts: number | null }> {
  const ids: string[] = [];
  let total = 0;
  let anonymised = 0;
  let attempts: number | null = null;
  do {
    const { clients } = await arnhem.ok(ClientsDocument, { limit: 200, offset: ids.length, filter });
    ids.push(...clients.items.map((c) => c.id));
    ({ total } = clients);
    anonymised = clients.anonymisedInFigure ?? 0;
    attempts = clients.examAttemptsInFigure ?? null;
    if (clients.items.length === 0) break;
  } while (ids.length < total);
  return { ids, total, anonymised, attempts };
}

describe('completed modules count clients, exam parts count attempts', () => {
  it('counts a client with a KNM result and a passed KNM exam part once, a retake not twice; the exam part counts each attempt', async () => {
    // An Arnhem client under New Bees who has completed neither KNM nor MAP yet.
    const placement = await placementWithout(newBeesContractId, ['KNM', 'MAP']);
    const figures = async () => {
      const { contractFigures } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId });
      const { regionFigures } = await arnhem.ok(RegionFiguresDocument, {});
      const knmA2 = contractFigures.total.results.examParts.find((p) => p.level === 'A2' && p.part === 'KNM');
      return {
        contract: { knm: contractFigures.total.results.knmCompleted ?? 0, map: contractFigures.total.results.mapCompleted ?? 0, knmA2Passed: knmA2?.passed ?? 0 },
        region: { knm: regionFigures.total.results.knmCompleted ?? 0, map: regionFigures.total.results.mapCompleted ?? 0 },
      };
    };
    const before = await figures();
    await insertResults(placement, [
      ['KNM', null, null, true, 40], ['EXAM', 'KNM', 'A2', true, 30], ['EXAM', 'KNM', 'A2', true, 20], ['MAP', null, null, null, 30], ['MAP', null, null, null, 10],
    ]);
    const after = await figures();
    expect(after).toEqual({
      contract: { knm: before.contract.knm + 1, map: before.contract.map + 1, knmA2Passed: before.contract.knmA2Passed + 2 },
      region: { knm: before.region.knm + 1, map: before.region.map + 1 },
    });
  });
});

describe('client outcomes and the outcome KPIs', () => {
  it('lets the consultant record work at a date; refuses a future date in Dutch; other municipalities and providers get nothing', async () => {
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'B1 uitstroom', targetGroup: 'STATUS_HOLDER' });
    // Term started 2.5 years ago: the 2-year window for work or study has closed.
    await pg.query(`UPDATE client SET first_pip_signed_on = $2, pip_signed_on = $2, brp_registration_date = $3 WHERE id = $1`,
      [client.clientId, addMonths(today(), -30), addMonths(today(), -32)]);
    const kpi = async () => (await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId })).contractFigures.total.kpis.find((k) => k.kpi === 'WORK_OR_STUDY_WITHIN_2_YEARS')!;
    const before = await kpi();
    expect(before.targetPercent).toBe(40);

    const future = await arnhem.request(RecordClientOutcomeDocument, { input: { clientId: client.clientId, kind: 'WORK', achievedOn: addDays(today(), 1), idempotencyKey: randomUUID() } });
    expect(future.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(future.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'achievedOn', message: 'De datum mag niet in de toekomst liggen.' })]);

    const achievedOn = addMonths(today(), -12);
    const key = randomUUID();
    const { recordClientOutcome } = await arnhem.ok(RecordClientOutcomeDocument, { input: { clientId: client.clientId, kind: 'WORK', achievedOn, idempotencyKey: key } });
    expect(recordClientOutcome).toMatchObject({ kind: 'WORK', achievedOn });
    // Sent again: the same outcome, not a second one.
    await arnhem.ok(RecordClientOutcomeDocument, { input: { clientId: client.clientId, kind: 'WORK', achievedOn, idempotencyKey: key } });
    const { clientOutcomes } = await arnhem.ok(ClientOutcomesDocument, { clientId: client.clientId });
    expect(clientOutcomes.map((o) => [o.kind, o.achievedOn])).toEqual([['WORK', achievedOn]]);

    const after = await kpi();
    // The client was already in the cohort (window closed); now also achieved.
    expect(before.cohort).toBeGreaterThanOrEqual(1);
    expect(after.cohort).toBe(before.cohort);
    expect(after.achieved).toBe(before.achieved! + 1);

    notFound(await zevenaar.request(ClientOutcomesDocument, { clientId: client.clientId }), CLIENT_NOT_FOUND);
    expect((await newBees.request(RecordClientOutcomeDocument, { input: { clientId: client.clientId, kind: 'WORK', achievedOn, idempotencyKey: randomUUID() } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { rows: [log] } = await pg.query(`SELECT count(*)::int AS n FROM processing_log WHERE $1 = ANY(subject_ids) AND action = 'CREATE'`, [client.clientId]);
    expect(log.n).toBe(1);
  });
});

/** What a period's figures count, by the test's own SQL: placements requested, lesson days, results and invoice lines in it. */
async function periodCounts(contractId: string, period: FigurePeriod, municipalityCbs: string | null) {
  const args = [contractId, municipalityCbs, period.from, period.to];
  const municipality = `($2::text IS NULL OR p.municipality_id = (SELECT id FROM organisation WHERE cbs_code = $2))`;
  const { rows: [intake] } = await pg.query(
    `SELECT count(*) FILTER (WHERE p.status = 'REQUESTED')::int AS requested, count(*) FILTER (WHERE p.status = 'ACCEPTED')::int AS accepted,
            count(*) FILTER (WHERE p.status = 'STARTED' OR (p.status = 'ENDED' AND p.start_date IS NOT NULL))::int AS started,
            count(*) FILTER (WHERE p.status = 'WAITING')::int AS waiting, count(*)::int AS all_time
       FROM placement p WHERE p.contract_id = $1 AND ${municipality}
        AND (p.requested_at AT TIME ZONE 'Europe/Amsterdam')::date BETWEEN $3::date AND $4::date`,
    args,
  );
  const { rows: [hours] } = await pg.query(
    `SELECT coalesce(sum(h.attended_minutes), 0)::int AS attended FROM hour_entry h JOIN placement p ON p.id = h.placement_id
      WHERE p.contract_id = $1 AND ${municipality} AND h.lesson_date BETWEEN $3::date AND $4::date
        AND h.revision = (SELECT max(x.revision) FROM hour_entry x WHERE x.placement_id = h.placement_id AND x.lesson_date = h.lesson_date AND x.category = h.category)`,
    args,
  );
  const { rows: [results] } = await pg.query(
    `SELECT count(DISTINCT p.client_id) FILTER (WHERE r.kind = 'MAP' AND r.passed IS DISTINCT FROM false)::int AS map FROM integration_result r JOIN placement p ON p.id = r.placement_id
      WHERE p.contract_id = $1 AND ${municipality} AND r.result_date BETWEEN $3::date AND $4::date`,
    args,
  );
  const { rows: [spend] } = await pg.query(
    `SELECT coalesce(sum(CASE WHEN i.document_type = 'CREDIT_NOTE' THEN -1 ELSE 1 END * il.amount_cents), 0)::bigint AS realised
       FROM invoice i JOIN invoice_line il ON il.invoice_id = i.id AND il.status <> 'DISPUTED'
      WHERE i.contract_id = $1 AND i.status = 'APPROVED' AND ($2::text IS NULL OR i.paying_municipality_id = (SELECT id FROM organisation WHERE cbs_code = $2))
        AND il.line_date BETWEEN $3::date AND $4::date`,
    args,
  );
  return { intake, attendedMinutes: hours.attended as number, mapCompleted: results.map as number, realisedCents: Number(spend.realised) };
}

describe('figures for a period', () => {
  // The current quarter: the demo's recent requests fall in it, its earlier ones before it.
  const quarter = quarterPeriod(quarterOf(today()));

  it('refuses half a period, an end before the start and more than 5 years, in Dutch on the field', async () => {
    const fieldsOf = (r: GraphqlResult<unknown>) => (r.errors?.[0].extensions?.fields ?? []) as { field: string; message: string }[];
    const half = await projectleider.request(RegionFiguresDocument, { periodFrom: '2026-01-01' });
    expect(half.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(half)).toEqual([expect.objectContaining({ field: 'periodTo', message: 'Vul ook de einddatum van de periode in.' })]);
    const reversed = await arnhem.request(ContractFiguresDocument, { contractId: newBeesContractId, periodFrom: '2026-07-01', periodTo: '2026-06-30' });
    expect(fieldsOf(reversed)).toEqual([expect.objectContaining({ field: 'periodTo', message: expect.stringContaining('vóór de begindatum') })]);
    const long = await newBees.request(LotFiguresDocument, { lotId, periodFrom: '2020-01-01', periodTo: '2026-01-01' });
    expect(fieldsOf(long)).toEqual([expect.objectContaining({ field: 'periodTo', message: 'Kies een periode van hoogstens 5 jaar.' })]);
  });

  it('counts only what happened in the period (requested, lesson days, results, spend); the ceiling and the KPI cohorts stay', async () => {
    // One of Arnhem's New Bees placements was requested a year before the period.
    await pg.query(
      `UPDATE placement SET requested_at = requested_at - interval '1 year' WHERE id = (SELECT p.id FROM placement p JOIN organisation m ON m.id = p.municipality_id
        WHERE p.contract_id = $1 AND m.cbs_code = 'GM0202' ORDER BY p.requested_at LIMIT 1)`,
      [newBeesContractId],
    );
    const { contractFigures: all } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    const { contractFigures } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId, periodFrom: quarter.from, periodTo: quarter.to });
    expect(contractFigures).toMatchObject({ periodFrom: quarter.from, periodTo: quarter.to, suppressed: false });
    const expected = await periodCounts(newBeesContractId, quarter, 'GM0202');
    const { all_time: inPeriod, ...intake } = expected.intake;
    expect(contractFigures.total.intake).toMatchObject(intake);
    expect(inPeriod).toBeGreaterThan(0);
    expect(inPeriod).toBeLessThan(all.total.intake.total!);
    expect(contractFigures.total.hours.attendedMinutes).toBe(expected.attendedMinutes);
    expect(expected.attendedMinutes).toBeGreaterThan(0);
    // The quarter before: only its own lesson days (the demo's hours are recent, so fewer than over the whole term).
    const before = quarterPeriod(previousQuarter(today()));
    const { contractFigures: earlier } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId, periodFrom: before.from, periodTo: before.to });
    const earlierExpected = await periodCounts(newBeesContractId, before, 'GM0202');
    expect(earlier.total.hours.attendedMinutes).toBe(earlierExpected.attendedMinutes);
    expect(earlierExpected.attendedMinutes).toBeLessThan(all.total.hours.attendedMinutes!);
    // Whole months read the maintained monthly totals; a period starting mid-month reads the hour rows of its days.
    const twoWeeksAgo = addDays(today(), -14);
    const partial = { from: twoWeeksAgo.endsWith('-01') ? addDays(twoWeeksAgo, -1) : twoWeeksAgo, to: today() };
    const { contractFigures: part } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId, periodFrom: partial.from, periodTo: partial.to });
    const partExpected = await periodCounts(newBeesContractId, partial, 'GM0202');
    expect(part.total.hours.attendedMinutes).toBe(partExpected.attendedMinutes);
    expect(partExpected.attendedMinutes).toBeGreaterThan(0);
    expect(partExpected.attendedMinutes).toBeLessThan(all.total.hours.attendedMinutes!);
    expect(earlier.total.spend?.realisedCents).toBe(earlierExpected.realisedCents);
    expect(contractFigures.total.results.mapCompleted).toBe(expected.mapCompleted);
    expect(contractFigures.total.spend?.realisedCents).toBe(expected.realisedCents);
    expect(contractFigures.total.spend?.ceilingCents).toBe(all.total.spend?.ceilingCents);
    expect(contractFigures.total.spend?.forecastAtEndCents).toBeNull();
    contractFigures.total.kpis.forEach((k, i) => {
      expect(k.cohort).toBe(all.total.kpis[i].cohort);
      expect(k.cohortDescription).toContain('Niet beperkt tot de gekozen periode');
    });
  });

  it('keeps hiding cells under 5 for the projectleider in a period where a cell drops under 5', async () => {
    // The contract per municipality over one quarter: some intake cells cover 1 to 4 clients.
    const { contractFigures } = await projectleider.ok(ContractFiguresDocument, { contractId: newBeesContractId, periodFrom: quarter.from, periodTo: quarter.to });
    expect(contractFigures.suppressed).toBe(true);
    const { rows } = await pg.query<{ cbs_code: string; id: string }>(`SELECT cbs_code, id FROM organisation WHERE id = ANY($1::uuid[])`, [contractFigures.groups.map((g) => g.id)]);
    let small = 0;
    for (const group of contractFigures.groups) {
      const counts = (await periodCounts(newBeesContractId, quarter, rows.find((r) => r.id === group.id)!.cbs_code)).intake as Record<string, number>;
      for (const key of ['requested', 'accepted', 'started', 'waiting'] as const) {
        const count = counts[key];
        const shown = group.intake[key];
        if (count > 0 && count < 5) { small++; expect(shown).toBeNull(); }
        if (shown !== null) expect(shown).toBe(count);
      }
    }
    expect(small).toBeGreaterThan(0);
  });
});

describe('drill-down to the list a figure counts', () => {
  it('lists the consultant the own clients an intake figure counts, as many as the figure, through the caseload (logged); others get no list', async () => {
    const { rows: [{ n: logBefore }] } = await pg.query(`SELECT count(*)::int AS n FROM processing_log WHERE action = 'READ'`);
    const quarter = quarterPeriod(quarterOf(today()));
    for (const period of [{}, { periodFrom: quarter.from, periodTo: quarter.to }]) {
      const { contractFigures } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId, ...period });
      for (const [stage, figure] of [['STARTED', contractFigures.total.intake.started], ['WAITING', contractFigures.total.intake.waiting], ['REQUESTED', contractFigures.total.intake.requested]] as const) {
        const { clients } = await arnhem.ok(ClientsDocument, { limit: 200, filter: { contractId: newBeesContractId, intakeStage: stage, ...period } });
        expect({ stage, period, count: clients.total }).toEqual({ stage, period, count: figure });
        expect(clients.items).toHaveLength(figure!);
      }
    }
    const { contractFigures } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    expect(contractFigures.total.intake.started).toBeGreaterThan(0);
    // The list is the caseload's: each read is in the processing log.
    const { rows: [{ n: logAfter }] } = await pg.query(`SELECT count(*)::int AS n FROM processing_log WHERE action = 'READ'`);
    expect(logAfter).toBeGreaterThan(logBefore);

    // Zevenaar's consultant, to whom the contract is not known (the AccessService's contract rule), gets the same NOT_FOUND as for its figures.
    notFound(await zevenaar.request(ClientsDocument, { filter: { contractId: newBeesContractId, intakeStage: 'STARTED' } }), CONTRACT_NOT_FOUND);
    notFound(await zevenaar.request(ContractFiguresDocument, { contractId: newBeesContractId }), CONTRACT_NOT_FOUND);
    // A half filter is refused in Dutch; a contract of another region is NOT_FOUND; the projectleider and providers have no client list.
    const half = await arnhem.request(ClientsDocument, { filter: { contractId: newBeesContractId } });
    expect(JSON.stringify(half.errors)).toContain('Kies de stand van de plaatsingen');
    const { rows: [foreign] } = await pg.query(`SELECT k.id FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation r ON r.id = l.region_id WHERE r.name NOT LIKE '%Midden-Gelderland%' LIMIT 1`);
    notFound(await arnhem.request(ClientsDocument, { filter: { contractId: foreign.id, intakeStage: 'STARTED' } }), CONTRACT_NOT_FOUND);
    for (const session of [projectleider, newBees]) {
      const refused = await session.request(ClientsDocument, { filter: { contractId: newBeesContractId, intakeStage: 'STARTED' } });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('a drill-down with anonymised clients', () => {
  it('says how many clients the figure counts that the list cannot show (anonymised after their retention period)', async () => {
    const { contractFigures } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    const started = contractFigures.total.intake.started!;
    const filter = { contractId: newBeesContractId, intakeStage: 'STARTED' as const };
    const before = (await arnhem.ok(ClientsDocument, { limit: 200, filter })).clients;
    expect(before).toMatchObject({ total: started, anonymisedInFigure: 0 });
    // As the retention job leaves a client: still counted in the figures, no longer in the caseload.
    const anonymised = before.items[0].id;
    await pg.query(`UPDATE client SET anonymised_on = $2 WHERE id = $1`, [anonymised, today()]);
    try {
      const after = (await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId })).contractFigures;
      expect(after.total.intake.started).toBe(started);
      const list = (await arnhem.ok(ClientsDocument, { limit: 200, filter })).clients;
      expect(list).toMatchObject({ total: started - 1, anonymisedInFigure: 1 });
      expect(list.items.map((c) => c.id)).not.toContain(anonymised);
      // The plain caseload is no drill-down: nothing to explain.
      expect((await arnhem.ok(ClientsDocument, { limit: 1 })).clients.anonymisedInFigure).toBeNull();
    } finally {
      await pg.query(`UPDATE client SET anonymised_on = NULL WHERE id = $1`, [anonymised]);
    }
  });
});

describe('the provider\'s drill-down to its own placements', () => {
  it('lists a provider the placements under its own contract that an intake figure counts, as many as the figure (logged), without BSN', async () => {
    const quarter = quarterPeriod(quarterOf(today()));
    const { rows: [{ n: logBefore }] } = await pg.query(`SELECT count(*)::int AS n FROM processing_log WHERE action = 'READ'`);
    let listed = 0;
    for (const period of [{}, { periodFrom: quarter.from, periodTo: quarter.to }]) {
      const { contractFigures } = await newBees.ok(ContractFiguresDocument, { contractId: newBeesContractId, ...period });
      for (const [stage, figure] of [['REQUESTED', contractFigures.total.intake.requested], ['ACCEPTED', contractFigures.total.intake.accepted], ['STARTED', contractFigures.total.intake.started]] as const) {
        const { providerPlacementPage: page } = await newBees.ok(ProviderPlacementsDocument, { limit: 200, filter: { contractId: newBeesContractId, intakeStage: stage, ...period } });
        expect({ stage, period, count: page.total }).toEqual({ stage, period, count: figure });
        expect(page.items).toHaveLength(Math.min(figure!, 200));
        const { rows: [{ n: under }] } = await pg.query(`SELECT count(*)::int AS n FROM placement WHERE id = ANY($1::uuid[]) AND contract_id = $2`, [page.items.map((p) => p.id), newBeesContractId]);
        expect(under).toBe(page.items.length);
        listed += page.items.length;
      }
    }
    expect(listed).toBeGreaterThan(0);
    // The whole term's started figure (ended ones with a start date included) equals the test's own SQL count.
    const { providerPlacementPage: started } = await newBees.ok(ProviderPlacementsDocument, { limit: 1, filter: { contractId: newBeesContractId, intakeStage: 'STARTED' } });
    expect(started.total).toBe((await intakeCounts(newBeesContractId)).started);
    const { rows: [{ n: logAfter }] } = await pg.query(`SELECT count(*)::int AS n FROM processing_log WHERE action = 'READ'`);
    expect(logAfter).toBeGreaterThan(logBefore);
    // The list type has no BSN or intake fields at all; asking for one is a GraphQL validation error.
    const bsn = await newBees.request(`query { providerPlacementPage(filter: { contractId: "${newBeesContractId}", intakeStage: STARTED }) { items { client { bsn } } } }`, {});
    expect(bsn.errors?.[0].message).toMatch(/bsn/);
  });

  it('lists a provider, from a municipality\'s row of its contract page, that municipality\'s placements the row counts; another municipality finds nothing', async () => {
    const { contractFigures } = await newBees.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    expect(contractFigures.groupedBy).toBe('MUNICIPALITY');
    const rows = contractFigures.groups.filter((g) => g.id && (g.intake.started ?? 0) > 0);
    expect(rows.length).toBeGreaterThan(1);
    for (const row of rows) {
      const { providerPlacementPage: page } = await newBees.ok(ProviderPlacementsDocument, { limit: 200, filter: { contractId: newBeesContractId, intakeStage: 'STARTED', municipalityId: row.id } });
      expect({ municipality: row.label, count: page.total }).toEqual({ municipality: row.label, count: row.intake.started });
      expect(new Set(page.items.map((p) => p.client.municipality.name))).toEqual(new Set([row.label]));
    }
    // A municipality where New Bees has no placements, and an unknown id: the same empty list (nothing to learn from it).
    const { rows: [elsewhere] } = await pg.query(`SELECT o.id FROM organisation o WHERE o.kind = 'MUNICIPALITY' AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.municipality_id = o.id AND p.contract_id = $1) LIMIT 1`, [newBeesContractId]);
    for (const municipalityId of [elsewhere.id, randomUUID()]) {
      const { providerPlacementPage: page } = await newBees.ok(ProviderPlacementsDocument, { limit: 10, filter: { contractId: newBeesContractId, intakeStage: 'STARTED', municipalityId } });
      expect(page).toMatchObject({ total: 0, items: [] });
    }
    const wrong = await newBees.request(ProviderPlacementsDocument, { filter: { contractId: newBeesContractId, intakeStage: 'STARTED', municipalityId: 'gemeente' } });
    expect(wrong.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'filter.municipalityId', message: 'Dit is geen geldige id.' })]);
  });

  it('lists a provider, from a municipality\'s row of its dashboard (all its contracts), that municipality\'s placements the row counts; another provider\'s municipality or an unknown one lists nothing', async () => {
    // An individual placement (outside a lot, no contract) with New Bees, a copy of a started one: its dashboard's figures
    // count it (a provider's own individual placements), so the list does too.
    await pg.query(`CREATE TEMP TABLE individual_copy AS SELECT * FROM placement WHERE contract_id = $1 AND status = 'STARTED' LIMIT 1`, [newBeesContractId]);
    await pg.query(`UPDATE individual_copy SET id = gen_random_uuid(), contract_id = NULL, lot_id = NULL, start_moment_id = NULL, idempotency_key = gen_random_uuid()::text`);
    const { rows: [individual] } = await pg.query(`INSERT INTO placement SELECT * FROM individual_copy RETURNING id, municipality_id`);
    try {
      await dashboardRowsEqualTheirLists(individual);
    } finally {
      await pg.query(`DELETE FROM placement WHERE id = $1`, [individual.id]);
      await pg.query(`DROP TABLE individual_copy`);
    }
  });

  async function dashboardRowsEqualTheirLists(individual: { id: string; municipality_id: string }) {
    const quarter = quarterPeriod(quarterOf(today()));
    let listed = 0;
    for (const period of [{}, { periodFrom: quarter.from, periodTo: quarter.to }]) {
      const { regionFigures } = await newBees.ok(RegionFiguresDocument, { groupBy: 'MUNICIPALITY', ...period });
      expect(regionFigures).toMatchObject({ groupedBy: 'MUNICIPALITY', suppressed: false });
      const rows = regionFigures.groups.filter((g) => g.id);
      expect(rows.length).toBeGreaterThan(1);
      for (const row of [...rows, regionFigures.total]) {
        for (const [stage, figure] of [['REQUESTED', row.intake.requested], ['ACCEPTED', row.intake.accepted], ['STARTED', row.intake.started]] as const) {
          const { providerPlacementPage: page } = await newBees.ok(ProviderPlacementsDocument, { limit: 200, filter: { intakeStage: stage, ...(row.id ? { municipalityId: row.id } : {}), ...period } });
          expect({ municipality: row.label, stage, period, count: page.total }).toEqual({ municipality: row.label, stage, period, count: figure });
          expect(page.items).toHaveLength(Math.min(figure!, 200));
          if (row.id) expect(page.items.every((p) => p.client.municipality.name === row.label)).toBe(true);
          listed += page.items.length;
        }
      }
    }
    expect(listed).toBeGreaterThan(0);
    // The whole term's total over New Bees' contracts and its individual placements equals the test's own SQL count (an
    // ended placement only with a start date).
    const { rows: [{ n: started }] } = await pg.query(
      `SELECT count(*)::int AS n FROM placement p JOIN organisation o ON o.id = p.provider_id
        WHERE o.name = 'New Bees' AND (p.contract_id IS NOT NULL OR (p.lot_id IS NULL AND p.kind = 'REGULAR'))
          AND (p.status = 'STARTED' OR (p.status = 'ENDED' AND p.start_date IS NOT NULL))`,
    );
    const { providerPlacementPage: all } = await newBees.ok(ProviderPlacementsDocument, { limit: 1, filter: { intakeStage: 'STARTED' } });
    expect(all.total).toBe(started);
    // A municipality whose started clients only other providers teach, and an unknown id: the same empty list.
    const { rows: [elsewhere] } = await pg.query(
      `SELECT o.id FROM organisation o WHERE o.kind = 'MUNICIPALITY'
          AND EXISTS (SELECT 1 FROM placement p WHERE p.municipality_id = o.id AND p.contract_id IS NOT NULL AND p.status IN ('STARTED', 'ENDED') AND p.start_date IS NOT NULL)
          AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.municipality_id = o.id AND p.provider_id = (SELECT k.provider_id FROM contract k WHERE k.id = $1)) LIMIT 1`,
      [newBeesContractId],
    );
    expect(elsewhere).toBeDefined();
    for (const municipalityId of [elsewhere.id, randomUUID()]) {
      const { providerPlacementPage: page } = await newBees.ok(ProviderPlacementsDocument, { limit: 10, filter: { intakeStage: 'STARTED', municipalityId } });
      expect(page).toMatchObject({ total: 0, items: [] });
    }
    const waiting = await newBees.request(ProviderPlacementsDocument, { filter: { intakeStage: 'WAITING' } });
    expect(JSON.stringify(waiting.errors)).toContain('Wachtende aanmeldingen zijn nog niet aan uw organisatie aangeboden');
    // The individual placement is in the municipality's row, and so in its list.
    const { rows: [{ client_number: search }] } = await pg.query(`SELECT c.client_number::text FROM client c JOIN placement p ON p.client_id = c.id WHERE p.id = $1`, [individual.id]);
    const { providerPlacementPage: counted } = await newBees.ok(ProviderPlacementsDocument, { limit: 10, filter: { intakeStage: 'STARTED', municipalityId: individual.municipality_id, search } });
    expect(counted.items.map((p) => p.id)).toContain(individual.id);
  }

  it('refuses another provider\'s contract (NOT_FOUND), waiting placements (only the count) and half filters, in Dutch', async () => {
    notFound(await sagenn.request(ProviderPlacementsDocument, { filter: { contractId: newBeesContractId, intakeStage: 'STARTED' } }), CONTRACT_NOT_FOUND);
    notFound(await sagenn.request(ProviderPlacementsDocument, { filter: { contractId: randomUUID(), intakeStage: 'STARTED' } }), CONTRACT_NOT_FOUND);
    const waiting = await newBees.request(ProviderPlacementsDocument, { filter: { contractId: newBeesContractId, intakeStage: 'WAITING' } });
    expect(waiting.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(waiting.errors)).toContain('Wachtende aanmeldingen zijn nog niet aan uw organisatie aangeboden');
    const half = await newBees.request(ProviderPlacementsDocument, { filter: { contractId: newBeesContractId } });
    expect(JSON.stringify(half.errors)).toContain('Kies de stand van de plaatsingen');
    // Consultants and the projectleider have no provider list.
    for (const session of [arnhem, projectleider]) {
      const refused = await session.request(ProviderPlacementsDocument, { filter: { contractId: newBeesContractId, intakeStage: 'STARTED' } });
      expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('the result figures drill down to the clients who completed a module', () => {
  it('lists the consultant, for every contract row of the dashboard, the total and each module, as many clients as the figure (also in a period)', async () => {
    // Make sure each module has clients: a KNM, a MAP (twice) and a PVT for clients under each B1 contract, one long ago.
    for (const contractId of [newBeesContractId, sagennContractId]) {
      await insertResults(await placementWithout(contractId, ['KNM', 'MAP', 'PVT']), [['KNM', null, null, null, 5], ['MAP', null, null, null, 400], ['MAP', null, null, null, 3], ['PVT', null, null, true, 2]]);
    }
    // ... and a Z-route eindgesprek under the region's Z contract.
    const { rows: [z] } = await pg.query(`SELECT p.contract_id AS id FROM placement p JOIN organisation m ON m.id = p.municipality_id
      WHERE p.route = 'Z' AND p.contract_id IS NOT NULL AND p.status = 'STARTED' AND m.cbs_code = 'GM0202' ORDER BY p.id LIMIT 1`);
    await insertResults(await placementWithout(z.id, ['Z_COMPLETION']), [['Z_COMPLETION', null, null, null, 1]]);
    const quarter = quarterPeriod(quarterOf(today()));
    const modules = [['KNM', 'knmCompleted'], ['MAP', 'mapCompleted'], ['PVT', 'pvtCompleted'], ['Z_COMPLETION', 'zCompletions']] as const;
    let compared = 0;
    for (const period of [{}, { periodFrom: quarter.from, periodTo: quarter.to }]) {
      const { regionFigures } = await arnhem.ok(RegionFiguresDocument, period);
      expect(regionFigures.suppressed).toBe(false);
      for (const group of [...regionFigures.groups.filter((g) => g.id), regionFigures.total]) {
        for (const [completed, key] of modules) {
          const result = await arnhem.request(ClientsDocument, { limit: 200, filter: { ...(group.id ? { contractId: group.id } : {}), completed, ...period } });
          if (result.errors) {
            // A contract on a lot Arnhem does not take part in: no own clients to count, and no list (as for its figures).
            notFound(result, CONTRACT_NOT_FOUND);
            expect(group.results[key]).toBe(0);
            continue;
          }
          const { clients } = result.data!;
          expect({ row: group.label, completed, period, count: clients.total }).toEqual({ row: group.label, completed, period, count: group.results[key] });
          expect(clients.items).toHaveLength(group.results[key]!);
          if (clients.total > 0) compared += 1;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(14);
  });

  it('refuses a foreign contract (NOT_FOUND), a module with an intake stage or KPI in Dutch, and gives the projectleider and providers no list', async () => {
    const { rows: [foreign] } = await pg.query(`SELECT k.id FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation r ON r.id = l.region_id WHERE r.name NOT LIKE '%Midden-Gelderland%' LIMIT 1`);
    notFound(await arnhem.request(ClientsDocument, { filter: { contractId: foreign.id, completed: 'KNM' } }), CONTRACT_NOT_FOUND);
    notFound(await zevenaar.request(ClientsDocument, { filter: { contractId: newBeesContractId, completed: 'KNM' } }), CONTRACT_NOT_FOUND);
    const fieldsOf = (r: GraphqlResult<unknown>) => (r.errors?.[0].extensions?.fields ?? []) as { field: string; message: string }[];
    const withStage = await arnhem.request(ClientsDocument, { filter: { contractId: newBeesContractId, completed: 'MAP', intakeStage: 'STARTED' } });
    expect(fieldsOf(withStage)).toEqual([expect.objectContaining({ field: 'intakeStage', message: 'Kies een stand van de plaatsingen of een voltooid onderdeel, niet allebei.' })]);
    const withKpi = await arnhem.request(ClientsDocument, { filter: { completed: 'PVT', kpi: 'STARTED_WITHIN_3_MONTHS' } });
    expect(fieldsOf(withKpi)).toEqual([expect.objectContaining({ field: 'kpi', message: 'Kies een KPI of een voltooid onderdeel, niet allebei.' })]);
    const half = await arnhem.request(ClientsDocument, { filter: { completed: 'KNM', periodFrom: '2026-01-01' } });
    expect(fieldsOf(half)).toEqual([expect.objectContaining({ field: 'periodTo', message: 'Vul ook de einddatum van de periode in.' })]);
    for (const session of [projectleider, newBees]) {
      expect((await session.request(ClientsDocument, { filter: { contractId: newBeesContractId, completed: 'KNM' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('the provider\'s result figures drill down to its own placements', () => {
  const MODULES = [['KNM', 'knmCompleted'], ['MAP', 'mapCompleted'], ['PVT', 'pvtCompleted']] as const;

  /** The provider's list from a result figure's link equals the figure: as many rows as clients, each client once. */
  async function listEqualsFigure(filter: ProviderPlacementFilterInput, figure: number | null, row: string): Promise<number> {
    const { providerPlacementPage: page } = await newBees.ok(ProviderPlacementsDocument, { limit: 200, filter });
    expect({ row, filter, count: page.total }).toEqual({ row, filter, count: figure });
    expect(page.items).toHaveLength(Math.min(figure!, 200));
    expect(new Set(page.items.map((p) => p.clientId)).size).toBe(page.items.length);
    return page.items.length;
  }

  it('lists New Bees, for every row and total of its dashboard (per contract and per municipality) and of its contract page, as many clients as the figure, one placement each (also in a period)', async () => {
    // A client who completed KNM under a New Bees contract and again in an own individual placement (a copy of the
    // placement outside a lot): once in the dashboard's total, once in its list, with the placement of the latest result.
    const placement = await placementWithout(newBeesContractId, ['KNM', 'MAP', 'PVT']);
    await pg.query(`CREATE TEMP TABLE result_individual AS SELECT * FROM placement WHERE id = $1`, [placement.id]);
    await pg.query(`UPDATE result_individual SET id = gen_random_uuid(), contract_id = NULL, lot_id = NULL, start_moment_id = NULL, idempotency_key = gen_random_uuid()::text`);
    const { rows: [individual] } = await pg.query(`INSERT INTO placement SELECT * FROM result_individual RETURNING id, client_id, municipality_id, provider_id`);
    await insertResults(placement, [['KNM', null, null, true, 40], ['MAP', null, null, null, 20], ['PVT', null, null, true, 4]]);
    await insertResults(individual, [['KNM', null, null, true, 6], ['EXAM', 'KNM', 'A2', true, 2]]);
    try {
      const quarter = quarterPeriod(quarterOf(today()));
      let listed = 0;
      for (const period of [{ periodFrom: null, periodTo: null }, { periodFrom: quarter.from, periodTo: quarter.to }]) {
        for (const groupBy of ['CONTRACT', 'MUNICIPALITY'] as const) {
          const { regionFigures } = await newBees.ok(RegionFiguresDocument, { groupBy, ...period });
          expect(regionFigures.suppressed).toBe(false);
          // The row of individual placements (no id) lists with individual: true: figures-individual-lot.spec; the total covers it here.
          for (const row of [...regionFigures.groups.filter((g) => g.id), regionFigures.total]) {
            const scope = row.id ? (groupBy === 'CONTRACT' ? { contractId: row.id } : { municipalityId: row.id }) : {};
            for (const [completed, key] of MODULES) listed += await listEqualsFigure({ ...scope, completed, ...period }, row.results[key], `${groupBy} ${row.label}`);
          }
        }
        const { contractFigures } = await newBees.ok(ContractFiguresDocument, { contractId: newBeesContractId, ...period });
        for (const row of [...contractFigures.groups.filter((g) => g.id), contractFigures.total]) {
          const scope = { contractId: newBeesContractId, ...(row.id ? { municipalityId: row.id } : {}) };
          for (const [completed, key] of MODULES) listed += await listEqualsFigure({ ...scope, completed, ...period }, row.results[key], `contract ${row.label}`);
        }
      }
      expect(listed).toBeGreaterThan(0);

      // The client with KNM twice: one row over all own contracts (the latest result's placement, the individual one), the
      // contract's placement under the contract.
      const { rows: [{ client_number: search }] } = await pg.query(`SELECT client_number::text FROM client WHERE id = $1`, [placement.client_id]);
      // (Client numbers are per municipality: the search may also find another municipality's client with the same number.)
      const rowsOfClient = async (filter: ProviderPlacementFilterInput) =>
        (await newBees.ok(ProviderPlacementsDocument, { limit: 50, filter: { ...filter, search } })).providerPlacementPage.items.filter((p) => p.clientId === placement.client_id).map((p) => p.id);
      expect(await rowsOfClient({ completed: 'KNM' })).toEqual([individual.id]);
      expect(await rowsOfClient({ contractId: newBeesContractId, completed: 'KNM' })).toEqual([placement.id]);
      // The whole term's KNM total over its contracts and individual placements equals the test's own SQL count of clients.
      const { rows: [{ n: knmClients }] } = await pg.query(
        `SELECT count(DISTINCT p.client_id)::int AS n FROM integration_result r JOIN placement p ON p.id = r.placement_id JOIN organisation o ON o.id = p.provider_id
          WHERE o.name = 'New Bees' AND (p.contract_id IS NOT NULL OR (p.lot_id IS NULL AND p.kind = 'REGULAR'))
            AND ((r.kind = 'KNM' AND r.passed IS DISTINCT FROM false) OR (r.kind = 'EXAM' AND r.exam_part = 'KNM' AND r.passed))`,
      );
      expect((await newBees.ok(ProviderPlacementsDocument, { limit: 1, filter: { completed: 'KNM' } })).providerPlacementPage.total).toBe(knmClients);
    } finally {
      await pg.query(`DELETE FROM integration_result WHERE placement_id = $1`, [individual.id]);
      await pg.query(`DELETE FROM placement WHERE id = $1`, [individual.id]);
      await pg.query(`DROP TABLE result_individual`);
    }
  });

  it('refuses another provider\'s contract or an unknown one (NOT_FOUND) and a module with an intake stage, in Dutch; another provider\'s municipality lists nothing; consultants and the projectleider get no provider list', async () => {
    notFound(await sagenn.request(ProviderPlacementsDocument, { filter: { contractId: newBeesContractId, completed: 'KNM' } }), CONTRACT_NOT_FOUND);
    notFound(await newBees.request(ProviderPlacementsDocument, { filter: { contractId: sagennContractId, completed: 'KNM' } }), CONTRACT_NOT_FOUND);
    notFound(await newBees.request(ProviderPlacementsDocument, { filter: { contractId: randomUUID(), completed: 'MAP' } }), CONTRACT_NOT_FOUND);
    const fieldsOf = (r: GraphqlResult<unknown>) => (r.errors?.[0].extensions?.fields ?? []) as { field: string; message: string }[];
    const withStage = await newBees.request(ProviderPlacementsDocument, { filter: { contractId: newBeesContractId, completed: 'KNM', intakeStage: 'STARTED' } });
    expect(fieldsOf(withStage)).toEqual([expect.objectContaining({ field: 'intakeStage', message: 'Kies een stand van de plaatsingen of een voltooid onderdeel, niet allebei.' })]);
    const half = await newBees.request(ProviderPlacementsDocument, { filter: { completed: 'KNM', periodFrom: '2026-01-01' } });
    expect(fieldsOf(half)).toEqual([expect.objectContaining({ field: 'periodTo', message: 'Vul ook de einddatum van de periode in.' })]);
    // A municipality whose KNM results only other providers' placements hold: the same empty list as an unknown id.
    const { rows: [elsewhere] } = await pg.query(
      `SELECT o.id FROM organisation o WHERE o.kind = 'MUNICIPALITY'
          AND EXISTS (SELECT 1 FROM integration_result r JOIN placement p ON p.id = r.placement_id WHERE p.municipality_id = o.id AND r.kind = 'KNM')
          AND NOT EXISTS (SELECT 1 FROM placement p WHERE p.municipality_id = o.id AND p.provider_id = (SELECT k.provider_id FROM contract k WHERE k.id = $1)) LIMIT 1`,
      [newBeesContractId],
    );
    expect(elsewhere).toBeDefined();
    for (const municipalityId of [elsewhere.id, randomUUID()]) {
      expect((await newBees.ok(ProviderPlacementsDocument, { limit: 10, filter: { completed: 'KNM', municipalityId } })).providerPlacementPage).toMatchObject({ total: 0, items: [] });
    }
    for (const session of [arnhem, projectleider]) {
      expect((await session.request(ProviderPlacementsDocument, { filter: { completed: 'KNM' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

/**
 * Arnhem's placements with hours under a contract (or the region's contracts and individual placements), by the test's
 * own SQL: the current hour rows (highest revision per placement, day and category) with lesson days in the period, each
 * placement's attended minutes there, its client (anonymised or not) and the client's PIP hours per week, its start and end.
 */
async function arnhemPlacementsWithHours(contractId: string | null, period: FigurePeriod | null) {
  const { rows } = await pg.query<{ client_id: string; attended: number; anonymised: boolean; per_week: number | null; start_date: string | null; ended_on: string | null }>(
    `WITH cur AS (
       SELECT DISTINCT ON (h.placement_id, h.lesson_date, h.category) h.placement_id, h.lesson_date, h.attended_minutes
         FROM hour_entry h ORDER BY h.placement_id, h.lesson_date, h.category, h.revision DESC
     )
     SELECT p.client_id, sum(cur.attended_minutes)::int AS attended, (c.anonymised_on IS NOT NULL) AS anonymised, c.pip_minutes_per_week AS per_week,
            p.start_date::text, p.ended_on::text
       FROM cur JOIN placement p ON p.id = cur.placement_id JOIN client c ON c.id = p.client_id JOIN organisation m ON m.id = p.municipality_id
      WHERE m.cbs_code = 'GM0202'
        AND (CASE WHEN $1::uuid IS NOT NULL THEN p.contract_id = $1::uuid
                  ELSE p.contract_id IN (SELECT k.id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE l.region_id = m.region_id)
                       OR (p.contract_id IS NULL AND p.lot_id IS NULL AND p.kind = 'REGULAR') END)
        AND ($2::date IS NULL OR cur.lesson_date BETWEEN $2::date AND $3::date)
      GROUP BY p.id, c.id`,
    [contractId, period?.from ?? null, period?.to ?? null],
  );
  return rows;
}

describe('the hours figures drill down to the clients they cover', () => {
  /** Arnhem's clients with hours under a contract (or the region's contracts and individual placements), by the test's own SQL, with each client's attended minutes. */
  async function clientsWithHours(contractId: string | null, period: FigurePeriod | null): Promise<Map<string, { attended: number; anonymised: boolean }>> {
    const clients = new Map<string, { attended: number; anonymised: boolean }>();
    for (const p of await arnhemPlacementsWithHours(contractId, period)) {
      const client = clients.get(p.client_id) ?? { attended: 0, anonymised: false };
      clients.set(p.client_id, { attended: client.attended + p.attended, anonymised: client.anonymised || p.anonymised });
    }
    return clients;
  }

  it('lists the consultant, for every contract row of the dashboard and the total, the clients the hours cover: the same clients as the test\'s own SQL, whose attended hours add up to the figure (whole term, a quarter, days within a month)', async () => {
    const week = weekInPreviousMonth();
    const periods: (FigurePeriod | null)[] = [null, quarterPeriod(previousQuarter(today())), { from: week.days[0], to: week.days[4] }];
    let compared = 0;
    for (const period of periods) {
      const args = period ? { periodFrom: period.from, periodTo: period.to } : {};
      const { regionFigures } = await arnhem.ok(RegionFiguresDocument, args);
      expect(regionFigures.suppressed).toBe(false);
      for (const group of [...regionFigures.groups.filter((g) => g.id), regionFigures.total]) {
        const filter: ClientFilterInput = { ...(group.id ? { contractId: group.id } : {}), withHours: true, ...args };
        const first = await arnhem.request(ClientsDocument, { limit: 1, filter });
        if (first.errors) {
          // A contract on a lot Arnhem does not take part in: no own clients with hours there, and no list (as for its figures).
          notFound(first, CONTRACT_NOT_FOUND);
          expect(group.hours.attendedMinutes).toBe(0);
          continue;
        }
        const listed = await allListed(filter);
        const own = await clientsWithHours(group.id, period);
        const row = { row: group.label, period };
        expect({ ...row, ids: [...listed.ids].sort() }).toEqual({ ...row, ids: [...own].filter(([, c]) => !c.anonymised).map(([id]) => id).sort() });
        expect({ ...row, total: listed.total, anonymised: listed.anonymised }).toEqual({ ...row, total: listed.ids.length, anonymised: [...own.values()].filter((c) => c.anonymised).length });
        // The listed clients' attended hours (with the anonymised ones') add up to the figure ...
        expect({ ...row, attended: [...own.values()].reduce((n, c) => n + c.attended, 0) }).toEqual({ ...row, attended: group.hours.attendedMinutes });
        // ... and a contract's hours per client are the figure's hours over as many clients as the list counts.
        const clients = listed.total + listed.anonymised;
        if (group.id) expect({ ...row, perClient: clients > 0 ? Math.round(group.hours.attendedMinutes! / clients) : null }).toEqual({ ...row, perClient: group.hours.attendedMinutesPerClient });
        if (clients > 0) compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  });

  it('refuses a foreign contract or lot (NOT_FOUND) and the hours with a stage, KPI or module in Dutch, and gives the projectleider and providers no list', async () => {
    const { rows: [foreign] } = await pg.query(`SELECT k.id FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation r ON r.id = l.region_id WHERE r.name NOT LIKE '%Midden-Gelderland%' LIMIT 1`);
    notFound(await arnhem.request(ClientsDocument, { filter: { contractId: foreign.id, withHours: true } }), CONTRACT_NOT_FOUND);
    notFound(await arnhem.request(ClientsDocument, { filter: { contractId: randomUUID(), withHours: true } }), CONTRACT_NOT_FOUND);
    notFound(await zevenaar.request(ClientsDocument, { filter: { contractId: newBeesContractId, withHours: true } }), CONTRACT_NOT_FOUND);
    notFound(await arnhem.request(ClientsDocument, { filter: { lotId: randomUUID(), withHours: true } }), LOT_NOT_FOUND);
    const fieldsOf = (r: GraphqlResult<unknown>) => (r.errors?.[0].extensions?.fields ?? []) as { field: string; message: string }[];
    const cases: [ClientFilterInput, string, string][] = [
      [{ contractId: newBeesContractId, withHours: true, intakeStage: 'STARTED' }, 'intakeStage', 'Kies een stand van de plaatsingen of de uren, niet allebei.'],
      [{ withHours: true, kpi: 'STARTED_WITHIN_3_MONTHS' }, 'kpi', 'Kies een KPI of de uren, niet allebei.'],
      [{ withHours: true, completed: 'KNM' }, 'withHours', 'Kies een voltooid onderdeel of de uren, niet allebei.'],
      [{ withHours: true, periodTo: '2026-03-31' }, 'periodFrom', 'Vul ook de begindatum van de periode in.'],
    ];
    for (const [filter, field, message] of cases) {
      expect({ filter, fields: fieldsOf(await arnhem.request(ClientsDocument, { filter })) }).toEqual({ filter, fields: [expect.objectContaining({ field, message })] });
    }
    for (const session of [projectleider, newBees]) {
      expect((await session.request(ClientsDocument, { filter: { contractId: newBeesContractId, withHours: true } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('the hours against the PIP', () => {
  it('gives the consultant, per contract row and in total, the attended hours of placements whose PIP sets hours per week as a share of the hours those PIPs planned (whole term and a quarter)', async () => {
    let compared = 0;
    for (const period of [null, quarterPeriod(previousQuarter(today()))]) {
      const args = period ? { periodFrom: period.from, periodTo: period.to } : {};
      const { regionFigures } = await arnhem.ok(RegionFiguresDocument, args);
      for (const group of [...regionFigures.groups.filter((g) => g.id), regionFigures.total]) {
        let attended = 0;
        let planned = 0;
        for (const p of await arnhemPlacementsWithHours(group.id, period)) {
          const minutes = p.per_week && p.start_date ? pipPlannedMinutes(p.per_week, pipLessonWeeks(p.start_date, p.ended_on, period, today())) : 0;
          if (minutes > 0) { attended += p.attended; planned += minutes; }
        }
        const expected = planned > 0 ? Math.round((attended / planned) * 1000) / 10 : null;
        expect({ row: group.label, period, pip: group.hours.pipPercent }).toEqual({ row: group.label, period, pip: expected });
        if (expected !== null) compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(4);
  });

  it('measures each contract row of a dashboard that mixes routes against its own route\'s hour norm', async () => {
    const { regionFigures } = await arnhem.ok(RegionFiguresDocument, {});
    const { rows } = await pg.query<{ id: string; subject: string }>(`SELECT k.id, l.subject FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.id = ANY($1::uuid[])`, [regionFigures.groups.filter((g) => g.id).map((g) => g.id)]);
    expect(new Set(rows.map((r) => r.subject).filter(isRoute)).size).toBeGreaterThan(1);
    const withHours = regionFigures.groups.filter((g) => g.id && g.hours.attendedMinutesPerClient);
    expect(withHours.length).toBeGreaterThanOrEqual(3);
    for (const g of withHours) {
      // A lot of a route has its norm; a lot of another subject (PVT, MAP) has none.
      const route = rows.find((r) => r.id === g.id)!.subject;
      const expected = isRoute(route) ? Math.round((g.hours.attendedMinutesPerClient! / routeHourNormMinutes(route)) * 1000) / 10 : null;
      expect({ row: g.label, route, norm: g.hours.routeNormPercent }).toEqual({ row: g.label, route, norm: expected });
    }
  });

  it('hides the share of the PIP hours with the other hours of a row the projectleider sees under 5 clients', async () => {
    const { regionFigures } = await projectleider.ok(RegionFiguresDocument, { groupBy: 'MUNICIPALITY' });
    const hiddenRows = regionFigures.groups.filter((g) => g.hours.attendedMinutes === null);
    expect(hiddenRows.length).toBeGreaterThan(0);
    for (const g of hiddenRows) expect({ row: g.label, pip: g.hours.pipPercent }).toEqual({ row: g.label, pip: null });
    expect(regionFigures.groups.some((g) => g.hours.pipPercent !== null)).toBe(true);
  });
});

describe('the median wait drills down to the clients it is computed over', () => {
  it('lists the consultant, for every contract row and the total, the own clients started on or after the signed PIP (in the period), whose waits give the figure\'s median', async () => {
    let compared = 0;
    for (const period of [null, quarterPeriod(previousQuarter(today()))]) {
      const args = period ? { periodFrom: period.from, periodTo: period.to } : {};
      const { regionFigures } = await arnhem.ok(RegionFiguresDocument, args);
      for (const group of [...regionFigures.groups.filter((g) => g.id), regionFigures.total]) {
        const result = await arnhem.request(ClientsDocument, { limit: 200, filter: { ...(group.id ? { contractId: group.id } : {}), waitCohort: true, ...args } });
        if (result.errors) {
          notFound(result, CONTRACT_NOT_FOUND);
          expect(group.intake.medianDaysPipToStart).toBeNull();
          continue;
        }
        const { clients } = result.data!;
        expect(clients.items).toHaveLength(clients.total);
        // The test's own SQL: the listed clients' placements under the row's contracts started on or after the PIP in the period, and their median wait.
        const { rows: [own] } = await pg.query(
          `SELECT count(DISTINCT p.client_id)::int AS clients, ceil(percentile_cont(0.5) WITHIN GROUP (ORDER BY p.start_date - coalesce(c.first_pip_signed_on, c.pip_signed_on)))::int AS median
             FROM placement p JOIN client c ON c.id = p.client_id JOIN organisation m ON m.id = p.municipality_id
            WHERE m.cbs_code = 'GM0202' AND p.status IN ('STARTED', 'ENDED') AND p.start_date >= coalesce(c.first_pip_signed_on, c.pip_signed_on)
              AND (CASE WHEN $1::uuid IS NOT NULL THEN p.contract_id = $1::uuid
                        ELSE p.contract_id IN (SELECT k.id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE l.region_id = m.region_id)
                             OR (p.contract_id IS NULL AND p.lot_id IS NULL AND p.kind = 'REGULAR') END)
              AND ($2::date IS NULL OR p.start_date BETWEEN $2::date AND $3::date) AND p.client_id = ANY($4::uuid[])`,
          [group.id, period?.from ?? null, period?.to ?? null, clients.items.map((c) => c.id)],
        );
        const row = { row: group.label, period };
        expect({ ...row, clients: own.clients, median: own.median }).toEqual({ ...row, clients: clients.total, median: group.intake.medianDaysPipToStart });
        if (clients.total > 0) compared += 1;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(3);
    const withStage = await arnhem.request(ClientsDocument, { filter: { contractId: newBeesContractId, waitCohort: true, intakeStage: 'STARTED' } });
    expect(withStage.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'waitCohort', message: 'Kies de wachttijd of een ander cijfer, niet allebei.' })]);
    notFound(await zevenaar.request(ClientsDocument, { filter: { contractId: newBeesContractId, waitCohort: true } }), CONTRACT_NOT_FOUND);
    for (const session of [projectleider, newBees]) {
      expect((await session.request(ClientsDocument, { filter: { waitCohort: true } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('the KPI cohort drill-down', () => {
  it('lists the consultant the own clients in each KPI\'s cohort and those who achieved it, as many as the KPI counts (contract and whole region)', async () => {
    let cohorts = 0;
    let achieved = 0;
    const { contractFigures } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    const { regionFigures } = await arnhem.ok(RegionFiguresDocument, {});
    for (const [figures, contractId] of [[contractFigures, newBeesContractId], [regionFigures, null]] as const) {
      for (const kpi of figures.total.kpis) {
        const scope = contractId ? { contractId } : {};
        const { clients: cohort } = await arnhem.ok(ClientsDocument, { limit: 200, filter: { ...scope, kpi: kpi.kpi as RegionKpi } });
        const { clients: met } = await arnhem.ok(ClientsDocument, { limit: 200, filter: { ...scope, kpi: kpi.kpi as RegionKpi, kpiAchieved: true } });
        expect({ kpi: kpi.kpi, contractId, cohort: cohort.total, achieved: met.total }).toEqual({ kpi: kpi.kpi, contractId, cohort: kpi.cohort, achieved: kpi.achieved });
        expect(cohort.items).toHaveLength(Math.min(kpi.cohort!, 200));
        // Those who achieved it are part of the cohort.
        expect(met.items.every((c) => cohort.total > 200 || cohort.items.some((x) => x.id === c.id))).toBe(true);
        cohorts += cohort.total;
        achieved += met.total;
      }
    }
    expect(cohorts).toBeGreaterThan(0);
    expect(achieved).toBeGreaterThan(0);
    // The region's total counts a client placed under two contracts once, as the list does.
    const { rows: [{ n: started }] } = await pg.query(
      `SELECT count(DISTINCT p.client_id)::int AS n FROM placement p JOIN organisation m ON m.id = p.municipality_id JOIN client c ON c.id = p.client_id
        WHERE m.cbs_code = 'GM0202' AND p.contract_id IS NOT NULL AND p.status IN ('REQUESTED', 'ACCEPTED', 'STARTED', 'ENDED', 'WAITING')
          AND (c.brp_registration_date + interval '3 months')::date < $1::date`,
      [today()],
    );
    expect(regionFigures.total.kpis.find((k) => k.kpi === 'STARTED_WITHIN_3_MONTHS')!.cohort).toBe(started);
  });

  it('lists the consultant, from the lot page, the own clients each KPI of the lot counts, as many as the figure; a lot it does not take part in is NOT_FOUND', async () => {
    const { lotFigures } = await arnhem.ok(LotFiguresDocument, { lotId });
    const { contractFigures } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    let cohorts = 0;
    let achieved = 0;
    for (const kpi of lotFigures.total.kpis) {
      const { clients: cohort } = await arnhem.ok(ClientsDocument, { limit: 200, filter: { lotId, kpi: kpi.kpi as RegionKpi } });
      const { clients: met } = await arnhem.ok(ClientsDocument, { limit: 200, filter: { lotId, kpi: kpi.kpi as RegionKpi, kpiAchieved: true } });
      expect({ kpi: kpi.kpi, cohort: cohort.total, achieved: met.total }).toEqual({ kpi: kpi.kpi, cohort: kpi.cohort, achieved: kpi.achieved });
      expect(cohort.items).toHaveLength(Math.min(kpi.cohort!, 200));
      cohorts += cohort.total;
      achieved += met.total;
      // The lot and one of its contracts: that contract's figure.
      const contractKpi = contractFigures.total.kpis.find((k) => k.kpi === kpi.kpi)!;
      const { clients: both } = await arnhem.ok(ClientsDocument, { limit: 1, filter: { lotId, contractId: newBeesContractId, kpi: kpi.kpi as RegionKpi } });
      expect({ kpi: kpi.kpi, both: both.total }).toEqual({ kpi: kpi.kpi, both: contractKpi.cohort });
    }
    expect(cohorts).toBeGreaterThan(0);
    expect(achieved).toBeGreaterThan(0);
    // Both B1 providers' clients are in the lot's list: more than under New Bees alone.
    const started = (figures: typeof lotFigures) => figures.total.kpis.find((k) => k.kpi === 'STARTED_WITHIN_3_MONTHS')!.cohort!;
    expect(started(lotFigures)).toBeGreaterThan(started(contractFigures));
    // The lot narrows an intake figure's list too: the contract on another lot of the municipality lists nothing.
    const { rows: [other] } = await pg.query(
      `SELECT lm.lot_id FROM lot_municipality lm JOIN organisation m ON m.id = lm.municipality_id WHERE m.cbs_code = 'GM0202' AND lm.lot_id <> $1 LIMIT 1`, [lotId]);
    expect(other).toBeDefined();
    const { clients: onLot } = await arnhem.ok(ClientsDocument, { limit: 1, filter: { lotId, contractId: newBeesContractId, intakeStage: 'STARTED' } });
    expect(onLot.total).toBe(contractFigures.total.intake.started);
    const { clients: offLot } = await arnhem.ok(ClientsDocument, { limit: 1, filter: { lotId: other.lot_id, contractId: newBeesContractId, intakeStage: 'STARTED' } });
    expect(offLot).toMatchObject({ total: 0, items: [] });
    // Zevenaar does not take part in the B1 lot: the same NOT_FOUND as an unknown lot; the projectleider and providers get no list.
    for (const id of [lotId, randomUUID()]) notFound(await zevenaar.request(ClientsDocument, { filter: { lotId: id, kpi: 'STARTED_WITHIN_3_MONTHS' } }), LOT_NOT_FOUND);
    notFound(await arnhem.request(ClientsDocument, { filter: { lotId: randomUUID(), kpi: 'STARTED_WITHIN_3_MONTHS' } }), LOT_NOT_FOUND);
    for (const session of [projectleider, newBees]) {
      expect((await session.request(ClientsDocument, { filter: { lotId, kpi: 'STARTED_WITHIN_3_MONTHS' } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const wrong = await arnhem.request(ClientsDocument, { filter: { lotId: 'perceel', kpi: 'STARTED_WITHIN_3_MONTHS' } });
    expect(wrong.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'filter.lotId' })]);
  });

  it('gives the projectleider and providers the KPI counts but no list; refuses a foreign contract and a KPI with a stage or period, in Dutch', async () => {
    const { contractFigures } = await projectleider.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    expect(contractFigures.total.kpis.find((k) => k.kpi === 'STARTED_WITHIN_3_MONTHS')!.cohort).toBeGreaterThan(0);
    const { contractFigures: own } = await newBees.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    expect(own.total.kpis.find((k) => k.kpi === 'STARTED_WITHIN_3_MONTHS')!.cohort).toBeGreaterThan(0);
    for (const session of [projectleider, newBees]) {
      for (const filter of [{ kpi: 'STARTED_WITHIN_3_MONTHS' as const }, { kpi: 'STARTED_WITHIN_3_MONTHS' as const, contractId: newBeesContractId, kpiAchieved: true }]) {
        const refused = await session.request(ClientsDocument, { filter });
        expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
        expect(refused.data).toBeNull();
      }
    }
    notFound(await zevenaar.request(ClientsDocument, { filter: { contractId: newBeesContractId, kpi: 'STARTED_WITHIN_3_MONTHS' } }), CONTRACT_NOT_FOUND);
    const both = await arnhem.request(ClientsDocument, { filter: { contractId: newBeesContractId, kpi: 'STARTED_WITHIN_3_MONTHS', intakeStage: 'STARTED' } });
    expect(JSON.stringify(both.errors)).toContain('Kies een stand van de plaatsingen of een KPI, niet allebei.');
    const period = await arnhem.request(ClientsDocument, { filter: { kpi: 'PASSED_WITHIN_3_YEARS', periodFrom: '2026-01-01', periodTo: '2026-03-31' } });
    expect(JSON.stringify(period.errors)).toContain('Een KPI telt over zijn eigen cohort');
    const achievedOnly = await arnhem.request(ClientsDocument, { filter: { kpiAchieved: true } });
    expect(JSON.stringify(achievedOnly.errors)).toContain('Kies de KPI');
  });
});

describe('individual placements (outside a lot) in the figures', () => {
  const INDIVIDUAL = 'Zonder perceel (individueel)';
  /** The intake of the individual placements (outside a lot) of one municipality or provider, by the test's own SQL. */
  const individualIntake = async (column: 'municipality_id' | 'provider_id', organisation: string) => (await pg.query(
    `SELECT count(*) FILTER (WHERE p.status = 'REQUESTED')::int AS requested, count(*) FILTER (WHERE p.status = 'ACCEPTED')::int AS accepted,
            count(*) FILTER (WHERE p.status = 'STARTED' OR (p.status = 'ENDED' AND p.start_date IS NOT NULL))::int AS started,
            count(*) FILTER (WHERE p.status = 'WAITING')::int AS waiting
       FROM placement p JOIN organisation o ON o.id = p.${column}
      WHERE o.name = $1 AND p.lot_id IS NULL AND p.contract_id IS NULL AND p.kind = 'REGULAR'`,
    [organisation],
  )).rows[0];

  it('counts Kerkrade\'s individual placements under "Zonder perceel (individueel)" for the consultant and the region (suppressed), not on a contract', async () => {
    const [kerkrade, zuidLimburg] = await Promise.all([loginAs(platform.url, 'consulent@kerkrade.demo.nl'), loginAs(platform.url, 'projectleider@zuid-limburg.demo.nl')]);
    const own = await individualIntake('municipality_id', 'Gemeente Kerkrade');
    expect(own.started + own.requested).toBeGreaterThan(0);
    const { regionFigures } = await kerkrade.ok(RegionFiguresDocument, {});
    const row = regionFigures.groups.at(-1)!;
    expect(row).toMatchObject({ id: null, label: INDIVIDUAL, spend: null, intake: own });
    // The total is the sum of the rows, the individual row included.
    for (const key of ['requested', 'accepted', 'started', 'waiting'] as const) {
      expect(regionFigures.total.intake[key]).toBe(regionFigures.groups.reduce((n, g) => n + g.intake[key]!, 0));
    }
    // The KPIs count the individually placed clients too, and their drill-down lists them.
    for (const kpi of regionFigures.total.kpis) {
      const { clients } = await kerkrade.ok(ClientsDocument, { limit: 1, filter: { kpi: kpi.kpi as RegionKpi } });
      expect({ kpi: kpi.kpi, count: clients.total }).toEqual({ kpi: kpi.kpi, count: kpi.cohort });
    }

    // The region's projectleider sees the row too, small cells hidden as everywhere across organisations.
    const { regionFigures: region } = await zuidLimburg.ok(RegionFiguresDocument, {});
    expect(region.suppressed).toBe(true);
    const regionRow = region.groups.find((g) => g.label === INDIVIDUAL)!;
    expect(regionRow.id).toBeNull();
    for (const key of ['requested', 'started'] as const) {
      const count = own[key];
      if (count > 0 && count < 5) expect(regionRow.intake[key]).toBeNull();
    }
    // Per municipality they count within Kerkrade's row; a contract's or another region's figures have no such row.
    const { regionFigures: perMunicipality } = await zuidLimburg.ok(RegionFiguresDocument, { groupBy: 'MUNICIPALITY' });
    expect(perMunicipality.groups.some((g) => g.label === INDIVIDUAL)).toBe(false);
    const { regionFigures: mg } = await projectleider.ok(RegionFiguresDocument, {});
    expect(mg.groups.some((g) => g.label === INDIVIDUAL)).toBe(false);
  });

  it('counts a provider\'s own individual placements in its own figures, and no other provider\'s', async () => {
    const [parkstad, newBees] = await Promise.all([loginAs(platform.url, 'aanbieder@parkstadtaal.demo.nl'), loginAs(platform.url, 'aanbieder@newbees.demo.nl')]);
    const own = await individualIntake('provider_id', 'Taalcentrum Parkstad (fictief)');
    expect(own.started).toBeGreaterThan(0);
    const { regionFigures } = await parkstad.ok(RegionFiguresDocument, {});
    expect(regionFigures.groups.at(-1)).toMatchObject({ id: null, label: INDIVIDUAL, spend: null, intake: own });
    expect(regionFigures.total.intake.started).toBe(regionFigures.groups.reduce((n, g) => n + g.intake.started!, 0));
    // Per municipality they count within Kerkrade's row.
    const { regionFigures: perMunicipality } = await parkstad.ok(RegionFiguresDocument, { groupBy: 'MUNICIPALITY' });
    expect(perMunicipality.groups.find((g) => g.label === 'Gemeente Kerkrade')?.intake.started).toBeGreaterThanOrEqual(own.started);
    expect(perMunicipality.total.intake.started).toBe(regionFigures.total.intake.started);
    // Another provider's figures have no such row.
    const { regionFigures: other } = await newBees.ok(RegionFiguresDocument, {});
    expect(other.groups.some((g) => g.label === INDIVIDUAL)).toBe(false);
  });
});

describe('realised spend drills down to the approved invoices it sums', () => {
  it('for the provider (its own) and the consultant (those its municipality pays): approved invoices minus credit notes equal the figure', async () => {
    let checked = 0;
    for (const session of [newBees, arnhem]) {
      const { regionFigures } = await session.ok(RegionFiguresDocument, {});
      for (const group of regionFigures.groups.filter((g) => g.id && g.spend && g.spend.realisedCents > 0)) {
        const { invoicePage } = await session.ok(InvoicesDocument, { filter: { contractId: group.id, status: 'APPROVED' }, limit: 200, offset: 0 });
        expect(invoicePage.total).toBe(invoicePage.items.length);
        expect(invoicePage.items.every((i) => i.contractId === group.id && i.status === 'APPROVED')).toBe(true);
        const sum = invoicePage.items.reduce((n, i) => n + (i.documentType === 'CREDIT_NOTE' ? -1 : 1) * i.lineTotalCents, 0);
        expect({ contract: group.label, sum }).toEqual({ contract: group.label, sum: group.spend!.realisedCents });
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(2);
  });
});

describe('the exam-part figures drill down to the clients they count', () => {
  type Outcome = 'PASSED' | 'FAILED';
  /**
   * Arnhem's clients with exam attempts of a level, part and outcome under a row's contract (or the region's contracts and
   * individual placements), with the result date in the period, by the test's own SQL: each client's attempts.
   */
  async function clientsWithAttempts(contractId: string | null, level: string, part: string, outcome: Outcome, period: FigurePeriod | null): Promise<Map<string, { attempts: number; anonymised: boolean }>> {
    const { rows } = await pg.query(
      `SELECT p.client_id, count(*)::int AS attempts, bool_or(c.anonymised_on IS NOT NULL) AS anonymised
         FROM integration_result r JOIN placement p ON p.id = r.placement_id JOIN client c ON c.id = p.client_id JOIN organisation m ON m.id = p.municipality_id
        WHERE m.cbs_code = 'GM0202' AND r.kind = 'EXAM' AND r.level = $2 AND r.exam_part = $3 AND r.passed = $4
          AND (CASE WHEN $1::uuid IS NOT NULL THEN p.contract_id = $1::uuid
                    ELSE p.contract_id IN (SELECT k.id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE l.region_id = m.region_id)
                         OR (p.contract_id IS NULL AND p.lot_id IS NULL AND p.kind = 'REGULAR') END)
          AND ($5::date IS NULL OR r.result_date BETWEEN $5::date AND $6::date)
        GROUP BY p.client_id`,
      [contractId, level, part, outcome === 'PASSED', period?.from ?? null, period?.to ?? null],
    );
    return new Map(rows.map((r) => [r.client_id, { attempts: r.attempts, anonymised: r.anonymised }]));
  }

  it('lists the consultant, for every level, part and outcome of every contract row and the total, the own clients with such attempts: the clients of the test\'s own SQL, whose attempts are the figure (whole term and the previous quarter)', async () => {
    let compared = 0;
    for (const period of [null, quarterPeriod(previousQuarter(today()))]) {
      const args = period ? { periodFrom: period.from, periodTo: period.to } : {};
      const { regionFigures } = await arnhem.ok(RegionFiguresDocument, args);
      expect(regionFigures.suppressed).toBe(false);
      for (const group of [...regionFigures.groups.filter((g) => g.id), regionFigures.total]) {
        for (const cell of group.results.examParts) {
          for (const [outcome, count] of [['PASSED', cell.passed], ['FAILED', cell.failed]] as const) {
            const filter: ClientFilterInput = { ...(group.id ? { contractId: group.id } : {}), examPart: cell.part as ExamPart, examLevel: cell.level as Level, examOutcome: outcome, ...args };
            const listed = await allListed(filter);
            const own = await clientsWithAttempts(group.id, cell.level, cell.part, outcome, period);
            const row = { row: group.label, level: cell.level, part: cell.part, outcome, period };
            expect({ ...row, ids: [...listed.ids].sort() }).toEqual({ ...row, ids: [...own].filter(([, c]) => !c.anonymised).map(([id]) => id).sort() });
            expect({ ...row, total: listed.total, anonymised: listed.anonymised }).toEqual({ ...row, total: listed.ids.length, anonymised: [...own.values()].filter((c) => c.anonymised).length });
            // The figure counts attempts (a retake again): the list's clients (with the anonymised ones) made as many as it shows.
            expect({ ...row, attempts: [...own.values()].reduce((n, c) => n + c.attempts, 0) }).toEqual({ ...row, attempts: count });
            expect({ ...row, attempts: listed.attempts }).toEqual({ ...row, attempts: count });
            if (listed.total > 0) compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  });

  it('refuses a foreign contract or lot (NOT_FOUND), an incomplete cell or another figure with it in Dutch, a malformed level or part (400 naming the field), and gives the projectleider and providers no list', async () => {
    const cell = { examPart: 'LEZEN', examLevel: 'B1', examOutcome: 'PASSED' } as const;
    const { rows: [foreign] } = await pg.query(`SELECT k.id FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation r ON r.id = l.region_id WHERE r.name NOT LIKE '%Midden-Gelderland%' LIMIT 1`);
    notFound(await arnhem.request(ClientsDocument, { filter: { contractId: foreign.id, ...cell } }), CONTRACT_NOT_FOUND);
    notFound(await arnhem.request(ClientsDocument, { filter: { contractId: randomUUID(), ...cell } }), CONTRACT_NOT_FOUND);
    notFound(await zevenaar.request(ClientsDocument, { filter: { contractId: newBeesContractId, ...cell } }), CONTRACT_NOT_FOUND);
    notFound(await arnhem.request(ClientsDocument, { filter: { lotId: randomUUID(), ...cell } }), LOT_NOT_FOUND);
    const fieldsOf = (r: GraphqlResult<unknown>) => (r.errors?.[0].extensions?.fields ?? []) as { field: string; message: string }[];
    const cases: [ClientFilterInput, { field: string; message: string }[]][] = [
      [{ examPart: 'LEZEN', examOutcome: 'FAILED' }, [{ field: 'examLevel', message: 'Kies het niveau van het examencijfer.' }]],
      [{ examLevel: 'B1' }, [{ field: 'examPart', message: 'Kies het examenonderdeel van het cijfer.' }, { field: 'examOutcome', message: 'Kies gehaald of niet gehaald.' }]],
      [{ contractId: newBeesContractId, ...cell, intakeStage: 'STARTED' }, [{ field: 'examPart', message: 'Kies het examencijfer of een ander cijfer, niet allebei.' }]],
      [{ ...cell, withHours: true }, [{ field: 'examPart', message: 'Kies het examencijfer of een ander cijfer, niet allebei.' }]],
      [{ ...cell, periodTo: '2026-03-31' }, [{ field: 'periodFrom', message: 'Vul ook de begindatum van de periode in.' }]],
    ];
    for (const [filter, fields] of cases) {
      expect({ filter, fields: fieldsOf(await arnhem.request(ClientsDocument, { filter })) }).toEqual({ filter, fields: fields.map((f) => expect.objectContaining(f)) });
    }
    for (const [field, value, choices] of [['examPart', 'LEZEN2', 'LEZEN, LUISTEREN, SCHRIJVEN, SPREKEN, KNM'], ['examLevel', 'C3', 'A1, A2, B1, B2'], ['examOutcome', 'MAYBE', 'PASSED, FAILED']] as const) {
      const malformed = await arnhem.request(ClientsDocument, { filter: { ...cell, [field]: value } as unknown as ClientFilterInput });
      expect({ field, status: malformed.status, code: malformed.errors?.[0].extensions?.code }).toEqual({ field, status: 400, code: 'BAD_USER_INPUT' });
      expect(fieldsOf(malformed)).toEqual([{ field: `filter.${field}`, message: `Deze keuze bestaat niet. Kies uit: ${choices}.` }]);
    }
    for (const session of [projectleider, newBees]) {
      expect((await session.request(ClientsDocument, { filter: { contractId: newBeesContractId, ...cell } })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('hides small exam-part counts where the figures cross an organisation\'s boundary, with a second cell so the total does not give them back', async () => {
    // Two attempts of a level and part nobody else has: Arnhem's cell is small in the region per municipality.
    const placement = await placementWithout(newBeesContractId, []);
    await insertResults(placement, [['EXAM', 'LUISTEREN', 'A1', true, 20], ['EXAM', 'LUISTEREN', 'A1', true, 10]]);
    const { contractFigures } = await arnhem.ok(ContractFiguresDocument, { contractId: newBeesContractId });
    expect(contractFigures.total.results.examParts.find((p) => p.level === 'A1' && p.part === 'LUISTEREN')).toMatchObject({ passed: 2, failed: 0 });
    for (const figures of [
      (await projectleider.ok(RegionFiguresDocument, { groupBy: 'MUNICIPALITY' })).regionFigures,
      (await projectleider.ok(ContractFiguresDocument, { contractId: newBeesContractId })).contractFigures,
    ]) {
      expect(figures.suppressed).toBe(true);
      const cells = [...figures.groups, figures.total].flatMap((g) => g.results.examParts.flatMap((p) => [
        { row: g.label, level: p.level, part: p.part, outcome: 'PASSED', value: p.passed }, { row: g.label, level: p.level, part: p.part, outcome: 'FAILED', value: p.failed },
      ]));
      // Shown counts are 0 or at least the minimum; Arnhem's two attempts and the column's total are hidden.
      expect(cells.filter((c) => c.value !== null && c.value > 0 && c.value < figures.minimumCellSize)).toEqual([]);
      const a1 = cells.filter((c) => c.level === 'A1' && c.part === 'LUISTEREN' && c.outcome === 'PASSED');
      expect(a1.filter((c) => c.value === null).length).toBeGreaterThanOrEqual(2);
      expect(a1.find((c) => c.row === 'Totaal')?.value ?? null).toBeNull();
    }
  });
});

describe('found on the way', () => {
  it('warns when a draft contract on a B1 lot is saved for a provider without a keurmerk', async () => {
    const { rows: [row] } = await pg.query(
      `SELECT l.id AS lot_id, o.id AS provider_id FROM lot l, organisation o WHERE l.name = 'B1-route Liemerse kavel' AND o.name = 'VluchtelingenWerk Oost Nederland'`,
    );
    const { createContract } = await projectleider.ok(CreateContractDocument, {
      input: { lotId: row.lot_id, providerId: row.provider_id, status: 'DRAFT', startDate: '2026-01-01', endDate: '2026-12-31' },
    });
    expect(createContract.status).toBe('DRAFT');
    expect(createContract.warnings).toEqual([expect.objectContaining({ field: 'providerId', code: 'KEURMERK_MISSING_WARNING', message: expect.stringMatching(/^Let op: .*keurmerk/) })]);
    const { contract } = await projectleider.ok(ContractDocument, { id: createContract.id });
    expect(contract.warnings).toHaveLength(1);
    // A contract with a keurmerk holder has none.
    const { contract: newBeesContract } = await projectleider.ok(ContractDocument, { id: newBeesContractId });
    expect(newBeesContract.warnings).toEqual([]);
  });
});

import { AbsenceSignalsDocument, ClientsDocument, HourPeriodsDocument, RefusedDuoMessagesDocument, HourWeekDocument, ProviderPlacementsDocument, QualityReviewQueueDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { placeClients, weekInPreviousMonth } from '../support/hours-fixtures';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { walkPages } from '../support/paging';

// Nothing silently cut: every list that used to stop at a fixed number (placed clients at 1,000, signals and quality
// reviews at 500) pages in SQL with the total, and walking the pages gives every row once.

let platform: TestPlatform;
let pg: Client;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});


it("pages the provider's placed clients with the total: every placement once, exactly those the provider may see", async () => {
  await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 40, groupName: 'Veel' });
  const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  const filter = { statuses: ['ACCEPTED', 'STARTED'] as ('ACCEPTED' | 'STARTED')[] };
  const { rows, totals, pages } = await walkPages(async (offset) =>
    (await newBees.ok(ProviderPlacementsDocument, { filter, limit: 25, offset })).providerPlacementPage);
  const { rows: expected } = await pg.query<{ id: string }>(
    `SELECT p.id FROM placement p JOIN organisation o ON o.id = p.provider_id WHERE o.name = 'New Bees' AND p.status IN ('ACCEPTED', 'STARTED')`,
  );
  expect(expected.length).toBeGreaterThan(60);
  expect(pages).toBeGreaterThan(2);
  expect(new Set(totals)).toEqual(new Set([expected.length]));
  expect(rows.map((p) => p.id).sort()).toEqual(expected.map((p) => p.id).sort());
  // Past the last page: no placements, still the total.
  const past = (await newBees.ok(ProviderPlacementsDocument, { filter, limit: 25, offset: expected.length + 5 })).providerPlacementPage;
  expect(past).toEqual({ total: expected.length, items: [], examAttemptsInFigure: null });

  const tooMany = await newBees.request(ProviderPlacementsDocument, { filter, limit: 201, offset: 0 });
  expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'limit', message: 'Vraag 1 tot en met 200 plaatsingen per keer op.' }]);
});

it('finds a placement among all of a provider\'s by name as the list shows it, client number or group, with the total of what matches', async () => {
  // The presence-group form picks members by search instead of from the first page of placements.
  const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  const placed = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 3, groupName: 'Zoekgroep 17' });
  const search = async (term: string) => (await newBees.ok(ProviderPlacementsDocument, { filter: { statuses: ['ACCEPTED', 'STARTED'], search: term }, limit: 50 })).providerPlacementPage;
  const byGroup = await search('zoekgroep 17');
  expect(byGroup.total).toBe(3);
  expect(byGroup.items.map((p) => p.id).sort()).toEqual(placed.map((p) => p.placementId).sort());
  const [first] = placed;
  const { rows: [client] } = await pg.query<{ first_name: string; last_name: string }>(`SELECT first_name, last_name FROM client WHERE id = $1`, [first.clientId]);
  expect((await search(`${client.last_name}, ${client.first_name}`)).items.map((p) => p.id)).toContain(first.placementId);
  const byNumber = await search(String(first.clientNumber));
  expect(byNumber.items.map((p) => p.client.clientNumber)).toEqual(expect.arrayContaining([first.clientNumber]));
  expect(byNumber.items.every((p) => p.client.clientNumber === first.clientNumber || `${p.client.firstName} ${p.client.lastName}`.includes(String(first.clientNumber)))).toBe(true);
  // Wildcards are text: '%' finds nothing rather than everything; another provider's group is not found.
  expect((await search('%')).total).toBe(0);
  const sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
  expect((await sagenn.ok(ProviderPlacementsDocument, { filter: { search: 'Zoekgroep 17' }, limit: 50 })).providerPlacementPage.total).toBe(0);
  const tooLong = await newBees.request(ProviderPlacementsDocument, { filter: { search: 'x'.repeat(101) }, limit: 50 });
  expect(tooLong.errors?.[0].extensions?.fields).toEqual([expect.objectContaining({ field: 'search', message: 'Zoek op hoogstens 100 tekens.' })]);
});

it("pages a municipality's signals past the old cut of 500", async () => {
  await pg.query(
    `INSERT INTO signal (kind, organisation_id, subject_type, subject_id, occurrence_key, message)
     SELECT 'ABSENCE_UNEXCUSED_SERIES', o.id, 'client', c.id, 'paging-' || g, 'Verzuim ' || g
       FROM organisation o CROSS JOIN generate_series(1, 620) g
       JOIN LATERAL (SELECT id FROM client WHERE municipality_id = o.id LIMIT 1) c ON true
      WHERE o.cbs_code = 'GM0202'`,
  );
  const arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  const { rows, totals } = await walkPages(async (offset) => (await arnhem.ok(AbsenceSignalsDocument, { openOnly: true, limit: 200, offset })).signalPage);
  const { rows: [{ count }] } = await pg.query(
    `SELECT count(*)::int FROM signal s JOIN organisation o ON o.id = s.organisation_id
      WHERE o.cbs_code = 'GM0202' AND s.acknowledged_at IS NULL AND s.kind IN ('ABSENCE_UNEXCUSED_SERIES', 'ABSENCE_LOW_ATTENDANCE')`,
  );
  expect(count).toBeGreaterThanOrEqual(620);
  expect(new Set(totals)).toEqual(new Set([count]));
  expect(new Set(rows.map((s) => s.id)).size).toBe(count);
});

it("pages the region's quality review queue past the old cut of 500", async () => {
  await pg.query(
    `INSERT INTO quality_evidence (requirement_id, due_on, value, status, idempotency_key)
     SELECT qr.id, DATE '2026-01-01' + g, 'bewijs ' || g, 'SUBMITTED', 'paging-' || qr.id || '-' || g
       FROM (SELECT qr.id FROM quality_requirement qr JOIN contract k ON k.id = qr.contract_id JOIN lot l ON l.id = k.lot_id
               JOIN organisation r ON r.id = l.region_id WHERE r.name = 'Arbeidsmarktregio Midden-Gelderland' LIMIT 1) qr
      CROSS JOIN generate_series(1, 530) g`,
  );
  const projectleider = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
  const session: GraphqlSession = projectleider;
  const { rows, totals } = await walkPages(async (offset) => (await session.ok(QualityReviewQueueDocument, { status: 'SUBMITTED', limit: 100, offset })).qualityReviewPage);
  const { rows: [{ count }] } = await pg.query(
    `SELECT count(*)::int FROM quality_evidence e JOIN quality_requirement qr ON qr.id = e.requirement_id JOIN contract k ON k.id = qr.contract_id
       JOIN lot l ON l.id = k.lot_id JOIN organisation r ON r.id = l.region_id
      WHERE r.name = 'Arbeidsmarktregio Midden-Gelderland' AND e.status = 'SUBMITTED'`,
  );
  expect(count).toBeGreaterThanOrEqual(530);
  expect(new Set(totals)).toEqual(new Set([count]));
  expect(new Set(rows.map((e) => e.id)).size).toBe(count);
});

it('pages the caseload by name in SQL with the same clients and total as the full list sorted by urgency', async () => {
  const arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  for (const placementStatus of [null, 'NONE', 'STARTED', 'REQUESTED'] as const) {
    const byName = await walkPages(async (offset) =>
      (await arnhem.ok(ClientsDocument, { search: null, limit: 40, offset, filter: { placementStatus, sort: 'NAME' } })).clients);
    const byUrgency = await walkPages(async (offset) =>
      (await arnhem.ok(ClientsDocument, { search: null, limit: 200, offset, filter: { placementStatus, sort: 'URGENCY' } })).clients);
    expect(byName.totals[0]).toBe(byUrgency.totals[0]);
    expect(byName.rows.map((c) => c.id).sort()).toEqual(byUrgency.rows.map((c) => c.id).sort());
  }
  const { rows: [{ count }] } = await pg.query(`SELECT count(*)::int FROM client c JOIN organisation o ON o.id = c.municipality_id WHERE o.cbs_code = 'GM0202'`);
  expect((await arnhem.ok(ClientsDocument, { search: null, limit: 1, offset: 0, filter: null })).clients.total).toBe(count);
  // A page outside the bounds is refused on its field, as every other list does (the caseload quietly made 0 into 1).
  const refused = await Promise.all([{ limit: 201, offset: 0 }, { limit: 0, offset: -1 }].map((page) => arnhem.request(ClientsDocument, { search: null, filter: null, ...page })));
  expect(refused.map((r) => r.errors?.[0].extensions?.fields)).toEqual([
    [{ field: 'limit', message: 'Vraag 1 tot en met 200 inburgeraars per keer op.' }],
    [{ field: 'limit', message: 'Vraag 1 tot en met 200 inburgeraars per keer op.' }, { field: 'offset', message: 'De positie is 0 of meer.' }],
  ]);
});

it("pages the provider's hour week in SQL with the total: every client of the week once, per group or over all groups", async () => {
  // The largest provider's week of all groups was 1.2 MB in one answer; now it is a page of at most 100 rows with the total.
  const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  const group = await placeClients(pg, { provider: 'New Bees', municipality: 'GM1734', route: 'B1', count: 8, groupName: 'Urenweek 9' });
  const { weekStart } = weekInPreviousMonth();
  const page = async (groupName: string | null, limit: number, offset: number) => {
    const { hourWeek } = await newBees.ok(HourWeekDocument, { weekStart, groupName, limit, offset });
    expect(hourWeek.offset).toBe(offset);
    expect(hourWeek.limit).toBe(limit);
    return { items: hourWeek.rows, total: hourWeek.total, groups: hourWeek.groups, days: hourWeek.days };
  };
  const { days } = await page(null, 1, 0);

  const { rows: expected } = await pg.query<{ id: string }>(
    `SELECT p.id FROM placement p JOIN organisation o ON o.id = p.provider_id
      WHERE o.name = 'New Bees' AND p.status IN ('ACCEPTED', 'STARTED', 'ENDED')
        AND (p.start_date IS NULL OR p.start_date <= $2::date) AND (p.ended_on IS NULL OR p.ended_on >= $1::date)`,
    [weekStart, days[days.length - 1]],
  );
  expect(expected.length).toBeGreaterThan(60);
  const all = await walkPages((offset) => page(null, 25, offset));
  expect(all.pages).toBeGreaterThan(2);
  expect(new Set(all.totals)).toEqual(new Set([expected.length]));
  expect(all.rows.map((r) => r.placementId).sort()).toEqual(expected.map((p) => p.id).sort());

  const first = await page(null, 1, 0);
  expect(first.groups).toEqual(expect.arrayContaining(['Urenweek 9', 'Veel']));
  const oneGroup = await walkPages((offset) => page('Urenweek 9', 3, offset));
  expect(oneGroup.pages).toBe(3);
  expect(new Set(oneGroup.totals)).toEqual(new Set([8]));
  expect(oneGroup.rows.map((r) => r.placementId).sort()).toEqual(group.map((p) => p.placementId).sort());
  expect(new Set(oneGroup.rows.map((r) => r.groupName))).toEqual(new Set(['Urenweek 9']));

  const tooMany = await newBees.request(HourWeekDocument, { weekStart, groupName: null, limit: 101, offset: 0 });
  expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'limit', message: 'Vraag 1 tot en met 100 inburgeraars per keer op.' }]);
});

it("pages the provider's hour months with the total: every month per municipality once", async () => {
  // The largest provider's 12 months over all its municipalities were 324 KB in one answer.
  await pg.query(
    `INSERT INTO hour_period (provider_id, municipality_id, month, status, submitted_at)
     SELECT p.id, mu.id, (date_trunc('month', now()) - make_interval(months => g))::date, 'SUBMITTED', now()
       FROM organisation p CROSS JOIN organisation mu CROSS JOIN generate_series(1, 11) g
      WHERE p.name = 'New Bees' AND mu.cbs_code IN ('GM0202', 'GM0221', 'GM0226', 'GM1705', 'GM1734', 'GM0275', 'GM0277', 'GM0293', 'GM0299')
     ON CONFLICT DO NOTHING`,
  );
  const { rows: expected } = await pg.query<{ key: string }>(
    `SELECT DISTINCT municipality_id || '|' || to_char(month, 'YYYY-MM-DD') AS key FROM (
       SELECT municipality_id, month FROM hour_period WHERE (status <> 'OPEN' OR submitted_at IS NOT NULL)
          AND provider_id = (SELECT id FROM organisation WHERE name = 'New Bees') AND month >= (date_trunc('month', now()) - interval '12 months')::date
       UNION
       SELECT municipality_id, month FROM hour_month_total WHERE entry_count > 0
          AND provider_id = (SELECT id FROM organisation WHERE name = 'New Bees') AND month >= (date_trunc('month', now()) - interval '12 months')::date) k`,
  );
  expect(expected.length).toBeGreaterThanOrEqual(99);
  const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  const { rows, totals, pages } = await walkPages(async (offset) => (await newBees.ok(HourPeriodsDocument, { status: null, limit: 40, offset })).hourPeriodPage);
  expect(pages).toBe(Math.ceil(expected.length / 40));
  expect(new Set(totals)).toEqual(new Set([expected.length]));
  expect(rows.map((p) => `${p.municipalityId}|${p.month}`).sort()).toEqual(expected.map((e) => e.key).sort());
  expect(rows.map((p) => p.month)).toEqual([...rows.map((p) => p.month)].sort().reverse());

  const { rows: [{ count }] } = await pg.query<{ count: number }>(
    `SELECT count(*)::int FROM hour_period WHERE status = 'SUBMITTED' AND provider_id = (SELECT id FROM organisation WHERE name = 'New Bees')
        AND month >= (date_trunc('month', now()) - interval '12 months')::date`,
  );
  const submitted = await newBees.ok(HourPeriodsDocument, { status: 'SUBMITTED', limit: 1, offset: 0 });
  expect(count).toBeGreaterThan(40);
  expect(submitted.hourPeriodPage.total).toBe(count);
  const tooMany = await newBees.request(HourPeriodsDocument, { status: null, limit: 201, offset: 0 });
  expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'limit', message: 'Vraag 1 tot en met 200 urenmaanden per keer op.' }]);
});

it("pages a municipality's refused DUO messages past the old cut of 500", async () => {
  await pg.query(
    `INSERT INTO duo_message (municipality_id, client_id, kind, subject_key, status, method, path, bericht_id, errors, answered_at)
     SELECT c.municipality_id, c.id, 'PIP_REGISTER', 'paging-' || g, 'REFUSED', 'POST', '/pip', gen_random_uuid(), '["Geweigerd voor de paginatest."]'::jsonb, now()
       FROM (SELECT c.id, c.municipality_id FROM client c JOIN organisation o ON o.id = c.municipality_id WHERE o.cbs_code = 'GM0221' ORDER BY c.client_number LIMIT 1) c
      CROSS JOIN generate_series(1, 520) g`,
  );
  const { rows: [{ count }] } = await pg.query<{ count: number }>(
    `SELECT count(*)::int FROM duo_message m JOIN organisation o ON o.id = m.municipality_id
      WHERE o.cbs_code = 'GM0221' AND m.status = 'REFUSED'
        AND NOT EXISTS (SELECT 1 FROM duo_message n WHERE n.client_id = m.client_id AND n.subject_key = m.subject_key AND n.seq > m.seq AND n.status = 'ACCEPTED')`,
  );
  expect(count).toBeGreaterThanOrEqual(520);
  const doesburg = await loginAs(platform.url, 'consulent@doesburg.demo.nl');
  const { rows, totals, pages } = await walkPages(async (offset) => (await doesburg.ok(RefusedDuoMessagesDocument, { limit: 200, offset })).refusedDuoMessagePage);
  expect(pages).toBe(3);
  expect(new Set(totals)).toEqual(new Set([count]));
  expect(new Set(rows.map((m) => m.id)).size).toBe(count);
  const tooMany = await doesburg.request(RefusedDuoMessagesDocument, { limit: 201, offset: 0 });
  expect(tooMany.errors?.[0].extensions?.fields).toEqual([{ field: 'limit', message: 'Vraag 1 tot en met 200 berichten per keer op.' }]);
});

// Leidschendam-Voorburg, Voorschoten and Wassenaar: one shared service works for the three municipalities (DOMAIN §8,
// issue #15). Its consultant sees and serves the clients of all three, acting for one municipality per request; each
// client belongs to one municipality, and each municipality's own consultant still sees only its own clients.
import {
  ClientDetailDocument, ClientsDocument, MeDocument, MunicipalityBudgetsDocument, PlacementOptionsDocument, RequestPlacementDocument, RouteDemandDocument,
  SetMunicipalityBudgetDocument, SetRouteEstimateDocument,
} from '@inburgering/contracts';
import { Client } from 'pg';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { newKey, registerWithPip, today } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let service: GraphqlSession;
let voorschoten: GraphqlSession;
const ids: Record<'lvw' | 'voorschoten' | 'wassenaar' | 'kerkrade', string> = { lvw: '', voorschoten: '', wassenaar: '', kerkrade: '' };

const municipality = async (name: string) => (await pg.query<{ id: string }>(`SELECT id FROM organisation WHERE name = $1`, [name])).rows[0].id;
const clientOf = async (municipalityId: string) =>
  (await pg.query<{ id: string }>(`SELECT id FROM client WHERE municipality_id = $1 ORDER BY client_number LIMIT 1`, [municipalityId])).rows[0].id;
const code = (result: GraphqlResult<unknown>) => result.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  ids.lvw = await municipality('Gemeente Leidschendam-Voorburg');
  ids.voorschoten = await municipality('Gemeente Voorschoten');
  ids.wassenaar = await municipality('Gemeente Wassenaar');
  ids.kerkrade = await municipality('Gemeente Kerkrade');
  service = await loginAs(platform.url, 'consulent@uitvoeringsdienst-lvw.demo.nl');
  voorschoten = await loginAs(platform.url, 'consulent@voorschoten.demo.nl');
});
afterEach(() => {
  service.actingMunicipality = null;
  voorschoten.actingMunicipality = null;
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

describe('the shared service of Leidschendam-Voorburg, Voorschoten and Wassenaar', () => {
  it('knows the three municipalities it works for, and acts for the one the request names', async () => {
    const { me } = await service.ok(MeDocument, {});
    expect(me?.organisation.kind).toBe('SHARED_SERVICE');
    expect(me?.servedMunicipalities.map((m) => m.name)).toEqual(['Gemeente Leidschendam-Voorburg', 'Gemeente Voorschoten', 'Gemeente Wassenaar']);
    expect(me?.actingMunicipality?.name).toBe('Gemeente Leidschendam-Voorburg');
    service.actingMunicipality = ids.wassenaar;
    expect((await service.ok(MeDocument, {})).me?.actingMunicipality?.name).toBe('Gemeente Wassenaar');
  });

  it('lists the clients of all three municipalities in one caseload, each with its municipality, and filters by municipality', async () => {
    const expected = Number((await pg.query(`SELECT count(*) FROM client WHERE municipality_id = ANY($1)`, [[ids.lvw, ids.voorschoten, ids.wassenaar]])).rows[0].count);
    const { clients } = await service.ok(ClientsDocument, { limit: 200 });
    expect(clients.total).toBe(expected);
    expect(new Set(clients.items.map((c) => c.municipalityId))).toEqual(new Set([ids.lvw, ids.voorschoten, ids.wassenaar]));
    const { clients: wassenaar } = await service.ok(ClientsDocument, { limit: 200, filter: { municipalityId: ids.wassenaar } });
    expect(wassenaar.total).toBe(Number((await pg.query(`SELECT count(*) FROM client WHERE municipality_id = $1`, [ids.wassenaar])).rows[0].count));
    expect(wassenaar.items.every((c) => c.municipalityId === ids.wassenaar)).toBe(true);
    // A municipality outside the service narrows the caseload to nothing, like an unknown one.
    expect((await service.ok(ClientsDocument, { filter: { municipalityId: ids.kerkrade } })).clients.total).toBe(0);
  });

  it('registers a client for the chosen municipality, which owns it, and places it on that municipality lot', async () => {
    service.actingMunicipality = ids.wassenaar;
    const client = await registerWithPip(service, 915);
    const row = (await pg.query(`SELECT municipality_id, client_number FROM client WHERE id = $1`, [client.id])).rows[0];
    expect(row.municipality_id).toBe(ids.wassenaar);
    expect((await service.ok(ClientDetailDocument, { id: client.id })).client.municipalityId).toBe(ids.wassenaar);
    const { placementOptions } = await service.ok(PlacementOptionsDocument, { clientId: client.id });
    const b1 = placementOptions.find((o) => o.lot.name === 'B1-route LVW');
    expect(b1).toBeDefined();
    const { requestPlacement } = await service.ok(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: b1!.lot.id, providerId: b1!.providers[0].provider.id, idempotencyKey: newKey() },
    });
    expect(requestPlacement.status).toMatch(/REQUESTED|WAITING/);
    // Acting for another of its municipalities, the service does not reach that client: one municipality per request.
    service.actingMunicipality = ids.voorschoten;
    expect(code(await service.request(ClientDetailDocument, { id: client.id }))).toBe('NOT_FOUND');
  });

  it('answers NOT_FOUND for a client of a municipality outside the service, and refuses to act for such a municipality', async () => {
    const kerkradeClient = await clientOf(ids.kerkrade);
    for (const acting of [null, ids.lvw, ids.wassenaar]) {
      service.actingMunicipality = acting;
      expect(code(await service.request(ClientDetailDocument, { id: kerkradeClient }))).toBe('NOT_FOUND');
    }
    service.actingMunicipality = ids.kerkrade;
    const refused = await service.request(ClientDetailDocument, { id: kerkradeClient });
    expect(refused.data).toBeNull();
    expect(code(refused)).toBe('FORBIDDEN');
    expect(code(await service.request(ClientsDocument, {}))).toBe('FORBIDDEN');
  });

  it('acts for the municipality a download link names (?gemeente=), and refuses one outside the service', async () => {
    const cookie = service.lastSetCookie!.split(';')[0];
    const month = `${today().slice(0, 7)}-01`;
    const download = (gemeente: string) => fetch(`${platform.url}/api/invoices/export?month=${month}&format=csv&gemeente=${gemeente}`, { headers: { cookie } });
    expect((await download(ids.wassenaar)).status).toBe(200);
    expect((await download(ids.kerkrade)).status).toBe(403);
  });

  it('keeps each municipality to its own clients: Voorschoten gets NOT_FOUND on a Wassenaar client, whatever it asks to act for', async () => {
    const wassenaarClient = await clientOf(ids.wassenaar);
    expect(code(await voorschoten.request(ClientDetailDocument, { id: wassenaarClient }))).toBe('NOT_FOUND');
    voorschoten.actingMunicipality = ids.wassenaar;
    expect(code(await voorschoten.request(ClientDetailDocument, { id: wassenaarClient }))).toBe('NOT_FOUND');
    const { clients } = await voorschoten.ok(ClientsDocument, { limit: 200 });
    expect(clients.items.length).toBeGreaterThan(0);
    expect(clients.items.every((c) => c.municipalityId === ids.voorschoten)).toBe(true);
    expect((await voorschoten.ok(ClientsDocument, { filter: { municipalityId: ids.wassenaar } })).clients.total).toBe(0);
    expect((await voorschoten.ok(MeDocument, {})).me?.servedMunicipalities).toEqual([]);
  });
});

const fields = (result: GraphqlResult<unknown>) => (result.errors?.[0]?.extensions?.fields ?? []).map((f) => `${f.field}: ${f.message}`);

describe('budget per municipality', () => {
  const year = Number(today().slice(0, 4));

  it('shows the projectleider each municipality of the region with its budget and the spend against it, as the invoices count it', async () => {
    const projectleider = await loginAs(platform.url, 'projectleider@lvw.demo.nl');
    const { municipalityBudgets } = await projectleider.ok(MunicipalityBudgetsDocument, { year });
    expect(municipalityBudgets.map((b) => [b.municipalityName, b.amountCents])).toEqual([
      ['Gemeente Leidschendam-Voorburg', 125_000_000], ['Gemeente Voorschoten', 42_000_000], ['Gemeente Wassenaar', 38_000_000],
    ]);
    for (const budget of municipalityBudgets) expect(budget.spend.ceilingCents).toBe(budget.amountCents);

    // Arnhem pays approved invoices in the demo: the realised spend of its year is those invoices' undisputed lines, minus credit notes.
    const arnhem = await municipality('Gemeente Arnhem');
    const midden = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
    await midden.ok(SetMunicipalityBudgetDocument, { input: { municipalityId: arnhem, year, amountCents: 250_000_000 } });
    const [{ realised }] = (await pg.query(
      `SELECT coalesce(sum(CASE WHEN i.document_type = 'CREDIT_NOTE' THEN -1 ELSE 1 END * il.amount_cents), 0)::bigint AS realised
         FROM invoice i JOIN invoice_line il ON il.invoice_id = i.id AND il.status <> 'DISPUTED'
        WHERE i.paying_municipality_id = $1 AND i.status = 'APPROVED' AND extract(year FROM i.month) = $2`, [arnhem, year])).rows;
    const arnhemBudget = (await midden.ok(MunicipalityBudgetsDocument, { year })).municipalityBudgets.find((b) => b.municipalityId === arnhem)!;
    expect(Number(realised)).toBeGreaterThan(0);
    expect(arnhemBudget.amountCents).toBe(250_000_000);
    expect(arnhemBudget.spend.realisedCents).toBe(Number(realised));
    expect(arnhemBudget.spend.ceilingUsedPercent).toBe(Math.round((arnhemBudget.spend.committedCents / 250_000_000) * 1000) / 10);
  });

  it('lets a municipality set its own budget only, with Dutch field errors, and the projectleider only those of its region', async () => {
    const { municipalityBudgets } = await voorschoten.ok(MunicipalityBudgetsDocument, { year });
    expect(municipalityBudgets.map((b) => b.municipalityName)).toEqual(['Gemeente Voorschoten']);
    const set = await voorschoten.ok(SetMunicipalityBudgetDocument, { input: { municipalityId: ids.voorschoten, year, amountCents: 45_000_000 } });
    expect(set.setMunicipalityBudget.amountCents).toBe(45_000_000);
    expect(code(await voorschoten.request(SetMunicipalityBudgetDocument, { input: { municipalityId: ids.wassenaar, year, amountCents: 1 } }))).toBe('NOT_FOUND');
    const wrong = await voorschoten.request(SetMunicipalityBudgetDocument, { input: { municipalityId: ids.voorschoten, year: 2019, amountCents: -5 } });
    expect(fields(wrong)).toEqual(expect.arrayContaining([expect.stringMatching(/^year: .*2021/), expect.stringMatching(/^amountCents: .*negatief/)]));
    const midden = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
    expect(code(await midden.request(SetMunicipalityBudgetDocument, { input: { municipalityId: ids.wassenaar, year, amountCents: 1 } }))).toBe('NOT_FOUND');
    // The shared service sets the budget of the municipality it acts for.
    service.actingMunicipality = ids.wassenaar;
    expect((await service.ok(SetMunicipalityBudgetDocument, { input: { municipalityId: ids.wassenaar, year, amountCents: 39_000_000 } })).setMunicipalityBudget.amountCents).toBe(39_000_000);
    const stored = await pg.query(`SELECT amount_cents FROM municipality_budget WHERE municipality_id = $1 AND year = $2`, [ids.wassenaar, year]);
    expect(Number(stored.rows[0].amount_cents)).toBe(39_000_000);
  });
});

describe('route estimate of the region', () => {
  it('compares the plan estimate (55% B1, 25% Z, 20% Onderwijsroute) with the clients per route of the PIPs', async () => {
    const projectleider = await loginAs(platform.url, 'projectleider@lvw.demo.nl');
    const { routeDemand } = await projectleider.ok(RouteDemandDocument, {});
    expect(routeDemand.estimate).toEqual({ b1Percent: 55, zPercent: 25, onderwijsPercent: 20 });
    const counts = (await pg.query<{ route: string; n: number }>(
      `SELECT c.route, count(*)::int AS n FROM client c WHERE c.municipality_id = ANY($1) AND c.pip_signed_on IS NOT NULL AND c.route IS NOT NULL GROUP BY c.route`,
      [[ids.lvw, ids.voorschoten, ids.wassenaar]])).rows;
    const actual = (route: string) => counts.find((c) => c.route === route)?.n ?? 0;
    expect(routeDemand.rows.map((r) => [r.route, r.estimatedPercent, r.actualClients])).toEqual([['B1', 55, actual('B1')], ['Z', 25, actual('Z')], ['ONDERWIJS', 20, actual('ONDERWIJS')]]);
    expect(routeDemand.totalClients).toBe(actual('B1') + actual('Z') + actual('ONDERWIJS'));
    expect(code(await voorschoten.request(RouteDemandDocument, {}))).toBe('FORBIDDEN');
  });

  it('is edited by the projectleider: whole percentages adding up to 100, each error naming its field', async () => {
    const projectleider = await loginAs(platform.url, 'projectleider@lvw.demo.nl');
    const notHundred = await projectleider.request(SetRouteEstimateDocument, { input: { b1Percent: 55, zPercent: 20, onderwijsPercent: 20 } });
    expect(fields(notHundred)).toEqual([expect.stringMatching(/^b1Percent: .*95%.*100%/)]);
    const outOfRange = await projectleider.request(SetRouteEstimateDocument, { input: { b1Percent: 120, zPercent: -10, onderwijsPercent: 0 } });
    expect(fields(outOfRange).map((f) => f.split(':')[0]).sort()).toEqual(['b1Percent', 'zPercent']);
    const region = (await pg.query(`SELECT id FROM organisation WHERE kind = 'REGION' AND name = 'Leidschendam-Voorburg, Voorschoten en Wassenaar'`)).rows[0].id;
    expect((await pg.query(`SELECT b1_percent FROM region_route_estimate WHERE region_id = $1`, [region])).rows[0].b1_percent).toBe(55);
    const { setRouteEstimate } = await projectleider.ok(SetRouteEstimateDocument, { input: { b1Percent: 50, zPercent: 30, onderwijsPercent: 20 } });
    expect(setRouteEstimate.estimate).toEqual({ b1Percent: 50, zPercent: 30, onderwijsPercent: 20 });
    expect((await pg.query(`SELECT z_percent FROM region_route_estimate WHERE region_id = $1`, [region])).rows[0].z_percent).toBe(30);
    expect(code(await voorschoten.request(SetRouteEstimateDocument, { input: { b1Percent: 50, zPercent: 30, onderwijsPercent: 20 } }))).toBe('FORBIDDEN');
  });
});

// Leidschendam-Voorburg, Voorschoten and Wassenaar: one shared service works for the three municipalities (DOMAIN §8,
// issue #15). Its consultant sees and serves the clients of all three, acting for one municipality per request; each
// client belongs to one municipality, and each municipality's own consultant still sees only its own clients.
import { ClientDetailDocument, ClientsDocument, MeDocument, PlacementOptionsDocument, RequestPlacementDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { newKey, registerWithPip } from '../support/placement-helpers';
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

import { AcceptPlacementDocument, ClientDetailDocument, ClientsDocument, MoveClientDocument, MoveTargetMunicipalitiesDocument, ProviderPlacementsDocument, RequestPlacementDocument, RevealBsnDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { lotId, newKey, providerId, registerWithPip, today } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let arnhem: GraphqlSession;
let zevenaar: GraphqlSession;
let newBees: GraphqlSession;
let municipality: (name: string) => Promise<string>;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
  newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  municipality = async (name) => (await pg.query(`SELECT id FROM organisation WHERE name = $1`, [name])).rows[0].id;
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

async function placedClient(seed: number): Promise<{ id: string; bsn: string; placementId: string }> {
  const client = await registerWithPip(arnhem, seed);
  const { requestPlacement } = await arnhem.ok(RequestPlacementDocument, {
    input: { clientId: client.id, lotId: await lotId(pg, 'B1-route Midden-Gelderland'), providerId: await providerId(pg, 'New Bees'), idempotencyKey: newKey() },
  });
  await newBees.ok(AcceptPlacementDocument, {
    input: { placementId: requestPlacement.id, version: requestPlacement.version, startDate: requestPlacement.startMoment!.startsOn, location: 'Arnhem, Velperweg' },
  });
  return { ...client, placementId: requestPlacement.id };
}

const notFound = (result: GraphqlResult<unknown>) => expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');

describe('moving to another municipality', () => {
  it('lists the other municipalities to move to', async () => {
    const { moveTargetMunicipalities } = await arnhem.ok(MoveTargetMunicipalitiesDocument);
    const names = moveTargetMunicipalities.map((m) => m.name);
    expect(names).toContain('Gemeente Zevenaar');
    expect(names).not.toContain('Gemeente Arnhem');
  });

  it('transfers the client with PIP and placement history; the old municipality loses all access', async () => {
    const client = await placedClient(71);
    await pg.query(`UPDATE client SET intake_notes = 'Gezondheid: rugklachten; gezin: twee kinderen' WHERE id = $1`, [client.id]);
    const arnhemTotal = (await arnhem.ok(ClientsDocument, { limit: 1 })).clients.total;
    const { moveClient } = await arnhem.ok(MoveClientDocument, { input: { clientId: client.id, toMunicipalityId: await municipality('Gemeente Zevenaar'), movedOn: today(), note: 'Woning in Zevenaar' } });
    expect(moveClient.toMunicipality.name).toBe('Gemeente Zevenaar');

    notFound(await arnhem.request(ClientDetailDocument, { id: client.id }));
    notFound(await arnhem.request(RevealBsnDocument, { clientId: client.id }));
    expect((await arnhem.ok(ClientsDocument, { limit: 1 })).clients.total).toBe(arnhemTotal - 1);
    expect((await arnhem.ok(ClientsDocument, { search: 'Test 71' })).clients.total).toBe(0);
    const { rows } = await pg.query(`SELECT count(*) FROM placement WHERE client_id = $1 AND municipality_id = $2`, [client.id, await municipality('Gemeente Arnhem')]);
    expect(Number(rows[0].count)).toBe(0);

    const { client: moved } = await zevenaar.ok(ClientDetailDocument, { id: client.id });
    expect(moved).toMatchObject({ clientNumber: moveClient.clientNumber, route: 'B1', level: 'B1', pipMinutesPerWeek: 720, bsnMasked: `******${client.bsn.slice(-3)}` });
    expect(moved.pipSignedOn).not.toBeNull();
    // The intake notes (health, family) do not follow the client (issue 14).
    expect(moved.intakeNotes).toBeNull();
    expect((await pg.query(`SELECT intake_notes FROM client WHERE id = $1`, [client.id])).rows[0].intake_notes).toBeNull();
    // The Midden-Gelderland B1 lot does not cover Zevenaar: the placement ends, and stays in the history.
    expect(moved.placements[0]).toMatchObject({ id: client.placementId, status: 'ENDED', endReason: 'MOVED_AWAY', endedOn: today() });
    expect(moved.history[0]).toMatchObject({ kind: 'MOVED', fromValue: 'Gemeente Arnhem', toValue: 'Gemeente Zevenaar', reason: 'Woning in Zevenaar' });
    expect((await zevenaar.ok(RevealBsnDocument, { clientId: client.id })).revealBsn).toBe(client.bsn);
    const signals = await zevenaar.ok<{ signals: { items: { kind: string; subjectId: string }[] } }, unknown>(`{ signals: signalPage(kinds: ["CLIENT_MOVED_IN"], limit: 200) { items { kind subjectId } } }`);
    expect(signals.signals.items.map((s) => s.subjectId)).toContain(client.id);
  });

  it('keeps a placement on a lot that also covers the new municipality', async () => {
    const client = await placedClient(72);
    await arnhem.ok(MoveClientDocument, { input: { clientId: client.id, toMunicipalityId: await municipality('Gemeente Rheden'), movedOn: today() } });
    const rheden = await loginAs(platform.url, 'consulent@rheden.demo.nl');
    const { client: moved } = await rheden.ok(ClientDetailDocument, { id: client.id });
    expect(moved.placements[0]).toMatchObject({ id: client.placementId, status: 'ACCEPTED' });
    expect(moved.placementStatus).toBe('ACCEPTED');
    // The provider still sees its client, now of Rheden.
    const { providerPlacementPage: { items: providerPlacements } } = await newBees.ok(ProviderPlacementsDocument, { limit: 200 });
    expect(providerPlacements.find((p) => p.id === client.placementId)?.client.municipality.name).toBe('Gemeente Rheden');
  });

  it('refuses a move to the own municipality or in the future, and changes nothing', async () => {
    const client = await registerWithPip(arnhem, 73);
    const same = await arnhem.request(MoveClientDocument, { input: { clientId: client.id, toMunicipalityId: await municipality('Gemeente Arnhem'), movedOn: today() } });
    expect(same.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'toMunicipalityId', message: 'Kies een andere gemeente dan de huidige.' });
    const future = await arnhem.request(MoveClientDocument, { input: { clientId: client.id, toMunicipalityId: await municipality('Gemeente Oss'), movedOn: '2099-01-01' } });
    expect(future.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'movedOn' });
    expect((await arnhem.ok(ClientDetailDocument, { id: client.id })).client.history).toEqual([]);
  });
});

// Kerkrade (Zuid-Limburg/Parkstad): the Onderwijsroute is not tendered, so the consultant places each client individually
// with an institution, outside a lot, at a price agreed for that client (issue #15).
import {
  AcceptPlacementDocument, IndividualPlacementInstitutionsDocument, PlacementOptionsDocument, ProviderPlacementsDocument, RequestIndividualPlacementDocument,
  SaveHourEntriesDocument, StartPlacementDocument,
} from '@inburgering/contracts';
import { addDays } from '@inburgering/domain';
import { Client } from 'pg';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { newKey, providerId, registerWithPip, today } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let kerkrade: GraphqlSession;
let institution: GraphqlSession;
let parkstad: string;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  kerkrade = await loginAs(platform.url, 'consulent@kerkrade.demo.nl');
  institution = await loginAs(platform.url, 'aanbieder@parkstadtaal.demo.nl');
  parkstad = await providerId(pg, 'Taalcentrum Parkstad (fictief)');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const fields = (result: GraphqlResult<unknown>) => (result.errors?.[0].extensions?.fields as { field: string; code: string }[] | undefined) ?? [];
const code = (result: GraphqlResult<unknown>) => result.errors?.[0].extensions?.code;

describe('individual placement outside a lot (Kerkrade, Onderwijsroute)', () => {
  it('places an Onderwijsroute client with an institution at its own price; the institution accepts, starts and registers hours', async () => {
    const client = await registerWithPip(kerkrade, 701, { route: 'ONDERWIJS', level: 'B1' });
    // No lot for the Onderwijsroute in Kerkrade: the lot options are empty, the institutions of the region are offered.
    const { placementOptions } = await kerkrade.ok(PlacementOptionsDocument, { clientId: client.id });
    expect(placementOptions.filter((o) => o.lot.subject === 'ONDERWIJS')).toEqual([]);
    const { individualPlacementInstitutions } = await kerkrade.ok(IndividualPlacementInstitutionsDocument, { clientId: client.id });
    expect(individualPlacementInstitutions.map((o) => o.name)).toContain('Taalcentrum Parkstad (fictief)');

    // All field errors at once, in Dutch, nothing written.
    const wrong = await kerkrade.request(RequestIndividualPlacementDocument, {
      input: { clientId: client.id, providerId: parkstad, priceCents: 950000, startsOn: addDays(today(), -1), endsOn: addDays(today(), -1), idempotencyKey: newKey() },
    });
    expect(fields(wrong).map((f) => `${f.field}:${f.code}`).sort()).toEqual(['endsOn:INDIVIDUAL_PLACEMENT_END_BEFORE_START', 'startsOn:INDIVIDUAL_PLACEMENT_START_IN_PAST']);
    expect((await pg.query(`SELECT 1 FROM placement WHERE client_id = $1`, [client.id])).rowCount).toBe(0);

    const key = newKey();
    const input = { clientId: client.id, providerId: parkstad, priceCents: 985000, startsOn: today(), endsOn: addDays(today(), 220), idempotencyKey: key };
    const { requestIndividualPlacement: placement } = await kerkrade.ok(RequestIndividualPlacementDocument, { input });
    expect(placement).toMatchObject({ status: 'REQUESTED', route: 'ONDERWIJS', lot: null, provider: { name: 'Taalcentrum Parkstad (fictief)' },
      agreement: { priceCents: 985000, startsOn: today(), endsOn: addDays(today(), 220) } });
    // A double click requests once; a second route placement is refused.
    expect((await kerkrade.ok(RequestIndividualPlacementDocument, { input })).requestIndividualPlacement.id).toBe(placement.id);
    const again = await kerkrade.request(RequestIndividualPlacementDocument, { input: { ...input, idempotencyKey: newKey() } });
    expect(fields(again).map((f) => f.code)).toEqual(['PLACEMENT_ALREADY_ACTIVE']);

    // The institution sees it like any other request, with the agreement and without a lot.
    const page = await institution.ok(ProviderPlacementsDocument, { filter: { statuses: ['REQUESTED'] }, limit: 200 });
    const seen = page.providerPlacementPage.items.find((p) => p.id === placement.id);
    expect(seen).toMatchObject({ lot: null, agreement: { priceCents: 985000 }, client: { municipality: { name: 'Gemeente Kerkrade' } } });

    const badStart = await institution.request(AcceptPlacementDocument, { input: { placementId: placement.id, version: placement.version, startDate: addDays(today(), 300), location: 'Heerlen' } });
    expect(fields(badStart).map((f) => f.code)).toEqual(['INDIVIDUAL_PLACEMENT_START_AFTER_PERIOD']);
    const { acceptPlacement } = await institution.ok(AcceptPlacementDocument, { input: { placementId: placement.id, version: placement.version, startDate: today(), location: 'Heerlen, Akerstraat' } });
    expect(acceptPlacement).toMatchObject({ status: 'ACCEPTED', startDate: today(), startMoment: null });
    const { startPlacement } = await institution.ok(StartPlacementDocument, { input: { placementId: placement.id, version: acceptPlacement.version } });
    expect(startPlacement.status).toBe('STARTED');

    const { saveHourEntries } = await institution.ok(SaveHourEntriesDocument, {
      input: { cells: [{ placementId: placement.id, date: today(), plannedMinutes: 240, attendedMinutes: 240, category: 'LANGUAGE' }] },
    });
    expect(saveHourEntries.saved).toHaveLength(1);
  });

  it('is not for a municipality with an Onderwijsroute lot, and a foreign consultant or provider sees nothing of it', async () => {
    const oss = await loginAs(platform.url, 'consulent@oss.demo.nl');
    const ossClient = await registerWithPip(oss, 702, { route: 'ONDERWIJS', level: 'B1' });
    expect((await oss.ok(IndividualPlacementInstitutionsDocument, { clientId: ossClient.id })).individualPlacementInstitutions).toEqual([]);
    const refused = await oss.request(RequestIndividualPlacementDocument, {
      input: { clientId: ossClient.id, providerId: await providerId(pg, 'ROC De Leijgraaf'), priceCents: 900000, startsOn: today(), endsOn: addDays(today(), 200), idempotencyKey: newKey() },
    });
    expect(fields(refused).map((f) => f.code)).toContain('INDIVIDUAL_PLACEMENT_LOT_EXISTS');

    // A B1 client is placed on the B1 lot, not individually.
    const b1 = await registerWithPip(kerkrade, 703);
    const notOnderwijs = await kerkrade.request(RequestIndividualPlacementDocument, {
      input: { clientId: b1.id, providerId: parkstad, priceCents: 900000, startsOn: today(), endsOn: addDays(today(), 200), idempotencyKey: newKey() },
    });
    expect(fields(notOnderwijs).map((f) => f.code)).toEqual(['INDIVIDUAL_PLACEMENT_ONLY_ONDERWIJS']);

    // An institution outside Zuid-Limburg is not on Kerkrade's list and cannot be chosen.
    const client = await registerWithPip(kerkrade, 704, { route: 'ONDERWIJS', level: 'B1' });
    const foreign = await kerkrade.request(RequestIndividualPlacementDocument, {
      input: { clientId: client.id, providerId: await providerId(pg, 'HAN Hogeschool van Arnhem en Nijmegen'), priceCents: 900000, startsOn: today(), endsOn: addDays(today(), 200), idempotencyKey: newKey() },
    });
    expect(fields(foreign).map((f) => f.code)).toEqual(['INDIVIDUAL_PLACEMENT_INSTITUTION_UNKNOWN']);

    const { requestIndividualPlacement: placement } = await kerkrade.ok(RequestIndividualPlacementDocument, {
      input: { clientId: client.id, providerId: parkstad, priceCents: 900000, startsOn: today(), endsOn: addDays(today(), 200), idempotencyKey: newKey() },
    });
    // Oss's consultant cannot place Kerkrade's client; New Bees cannot accept or list the placement.
    const ossOnKerkrade = await oss.request(IndividualPlacementInstitutionsDocument, { clientId: client.id });
    expect(code(ossOnKerkrade)).toBe('NOT_FOUND');
    const newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const accept = await newBees.request(AcceptPlacementDocument, { input: { placementId: placement.id, version: placement.version, startDate: today(), location: 'Arnhem' } });
    expect(code(accept)).toBe('NOT_FOUND');
    const list = await newBees.ok(ProviderPlacementsDocument, { filter: { statuses: ['REQUESTED'] }, limit: 200 });
    expect(list.providerPlacementPage.items.map((p) => p.id)).not.toContain(placement.id);
  });
});

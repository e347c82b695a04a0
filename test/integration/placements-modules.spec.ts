import { PlacementOptionsDocument, ProviderPlacementsDocument, RequestPlacementDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { lotId, newKey, providerId, registerWithPip } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let arnhem: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const refusedOn = (result: GraphqlResult<unknown>) => (result.errors?.[0].extensions?.fields as { field: string; code: string }[] | undefined)?.map((f) => f.code);

describe('modules next to the route', () => {
  it('places a B1 client with VluchtelingenWerk for the PVT while the B1 placement runs, and never twice on one track', async () => {
    const client = await registerWithPip(arnhem, 601);
    const b1 = await arnhem.ok(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: await lotId(pg, 'B1-route Midden-Gelderland'), providerId: await providerId(pg, 'New Bees'), idempotencyKey: newKey() },
    });
    expect(['REQUESTED', 'WAITING']).toContain(b1.requestPlacement.status);

    const { placementOptions } = await arnhem.ok(PlacementOptionsDocument, { clientId: client.id });
    expect(placementOptions.map((o) => o.lot.subject)).toEqual(['B1', 'PVT']);
    expect(placementOptions.map((o) => o.lot.name)).toContain('Participatieverklaringstraject (PVT)');
    const pvtLot = await lotId(pg, 'Participatieverklaringstraject (PVT)');
    const vwn = await providerId(pg, 'VluchtelingenWerk Oost Nederland');
    const pvt = await arnhem.ok(RequestPlacementDocument, { input: { clientId: client.id, lotId: pvtLot, providerId: vwn, idempotencyKey: newKey() } });
    expect(pvt.requestPlacement.lot?.subject).toBe('PVT');

    const secondPvt = await arnhem.request(RequestPlacementDocument, { input: { clientId: client.id, lotId: pvtLot, providerId: vwn, idempotencyKey: newKey() } });
    expect(refusedOn(secondPvt)).toEqual(['PLACEMENT_ALREADY_ACTIVE']);
    const secondRoute = await arnhem.request(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: await lotId(pg, 'B1-route Midden-Gelderland'), providerId: await providerId(pg, 'Sagenn'), idempotencyKey: newKey() },
    });
    expect(refusedOn(secondRoute)).toEqual(['PLACEMENT_ALREADY_ACTIVE']);

    // VluchtelingenWerk now has the placement, without the B1 one.
    const vwnSession = await loginAs(platform.url, 'aanbieder@vwn.demo.nl');
    const { providerPlacementPage: { items: providerPlacements } } = await vwnSession.ok(ProviderPlacementsDocument, { limit: 200 });
    const mine = providerPlacements.filter((p) => p.clientId === client.id);
    expect(mine.map((p) => p.id)).toEqual([pvt.requestPlacement.id]);
  });
});

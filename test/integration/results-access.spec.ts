import { randomUUID } from 'node:crypto';
import { addDays, addMonths } from '@inburgering/domain';
import { ClientProgressDocument, RecordResultDocument, type RecordResultInput } from '@inburgering/contracts';
import { Client } from 'pg';
import { insertHours, placeClients, today, type FixturePlacement } from '../support/hours-fixtures';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { expectMalformedIdRefused } from '../support/malformed-id';

let platform: TestPlatform;
let pg: Client;
let newBees: GraphqlSession;
let sagenn: GraphqlSession;
let arnhem: GraphqlSession;
let zevenaar: GraphqlSession;
const start = addMonths(today(), -14);
const CLIENT_NOT_FOUND = 'Deze inburgeraar bestaat niet of is niet bij uw organisatie bekend.';
const PLACEMENT_NOT_FOUND = 'Deze plaatsing bestaat niet of is niet bij uw organisatie bekend.';

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const input = (fields: Partial<RecordResultInput> & Pick<RecordResultInput, 'clientId' | 'kind'>): RecordResultInput =>
  ({ resultDate: addDays(today(), -1), idempotencyKey: randomUUID(), ...fields });

const notFound = (result: GraphqlResult<unknown>, message: string) => {
  expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'NOT_FOUND' } });
  expect(result.data).toBeNull();
};

/** The client leaves New Bees (placement ended) and continues at Sagenn: a second placement with another provider. */
async function moveToSagenn(placement: FixturePlacement, status: 'STARTED' | 'REQUESTED' = 'STARTED'): Promise<string> {
  await pg.query(`UPDATE placement SET status = 'ENDED', end_reason = 'STOPPED', ended_on = $2 WHERE id = $1`, [placement.placementId, addMonths(today(), -4)]);
  const { rows: [row] } = await pg.query(
    `INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, route, status, requested_at, start_date, group_name, idempotency_key)
     SELECT $1, $2, k.lot_id, k.id, k.provider_id, 'B1', $3, now(), $4, 'B1 vervolg', $5
       FROM contract k JOIN organisation o ON o.id = k.provider_id JOIN lot l ON l.id = k.lot_id
      WHERE o.name = 'Sagenn' AND l.subject = 'B1' LIMIT 1 RETURNING id`,
    [placement.clientId, placement.municipalityId, status, addMonths(today(), -3), `fixture-${randomUUID()}`],
  );
  return row.id;
}

describe('progress after a move from one provider to another', () => {
  it('shows each provider only its own placement hours and results; the consultant sees all', async () => {
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'B1', startDate: start });
    await insertHours(pg, client, 'LANGUAGE', 100, 240, start); // 400 h at New Bees
    await newBees.ok(RecordResultDocument, { input: input({ clientId: client.clientId, placementId: client.placementId, kind: 'KNM', passed: true }) });
    const sagennPlacementId = await moveToSagenn(client);
    await insertHours(pg, { ...client, placementId: sagennPlacementId }, 'LANGUAGE', 50, 120, addMonths(today(), -3)); // 100 h at Sagenn

    const { clientProgress: atSagenn } = await sagenn.ok(ClientProgressDocument, { clientId: client.clientId });
    expect(atSagenn.placements.map((p) => [p.providerName, p.attendedMinutes])).toEqual([['Sagenn', 100 * 60]]);
    expect(atSagenn).toMatchObject({ languageMinutes: 100 * 60, attendedMinutes: 100 * 60, plannedMinutes: 100 * 60 });
    expect(atSagenn.norms.find((n) => n.code === 'A2_THRESHOLD')?.achievedMinutes).toBe(100 * 60);
    expect(atSagenn.results).toEqual([]);

    const { clientProgress: atNewBees } = await newBees.ok(ClientProgressDocument, { clientId: client.clientId });
    expect(atNewBees.placements.map((p) => [p.providerName, p.status, p.attendedMinutes])).toEqual([['New Bees', 'ENDED', 400 * 60]]);
    expect(atNewBees.languageMinutes).toBe(400 * 60);
    expect(atNewBees.results.map((r) => [r.kind, r.providerName])).toEqual([['KNM', 'New Bees']]);

    const { clientProgress: atArnhem } = await arnhem.ok(ClientProgressDocument, { clientId: client.clientId });
    expect(atArnhem.placements.map((p) => [p.providerName, p.attendedMinutes])).toEqual([['New Bees', 400 * 60], ['Sagenn', 100 * 60]]);
    expect(atArnhem.languageMinutes).toBe(500 * 60);
    expect(atArnhem.results.map((r) => r.kind)).toEqual(['KNM']);
  });

  it('shows a provider nothing of a client whose placement it has not accepted', async () => {
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'B1', startDate: start });
    const sagennPlacementId = await moveToSagenn(client, 'REQUESTED');
    notFound(await sagenn.request(ClientProgressDocument, { clientId: client.clientId }), CLIENT_NOT_FOUND);
    notFound(await sagenn.request(RecordResultDocument, { input: input({ clientId: client.clientId, placementId: sagennPlacementId, kind: 'KNM', passed: true }) }), CLIENT_NOT_FOUND);
  });
});

describe('foreign and unknown ids answer the same NOT_FOUND', () => {
  it('clientProgress: unknown, malformed and foreign client ids', async () => {
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'B1', startDate: start });
    for (const session of [newBees, arnhem]) {
      notFound(await session.request(ClientProgressDocument, { clientId: randomUUID() }), CLIENT_NOT_FOUND);
      expectMalformedIdRefused(await session.request(ClientProgressDocument, { clientId: 'geen-id' }));
    }
    notFound(await sagenn.request(ClientProgressDocument, { clientId: client.clientId }), CLIENT_NOT_FOUND);
    notFound(await zevenaar.request(ClientProgressDocument, { clientId: client.clientId }), CLIENT_NOT_FOUND);
  });

  it('recordResult: foreign, unknown and malformed clients and placements, nothing recorded', async () => {
    const [mine, other] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 2, groupName: 'B1', startDate: start });
    const knm = (fields: Pick<RecordResultInput, 'clientId'> & Partial<RecordResultInput>) => ({ input: input({ kind: 'KNM', passed: true, ...fields }) });

    expectMalformedIdRefused(await sagenn.request(RecordResultDocument, knm({ clientId: 'geen-id' })));
    for (const clientId of [randomUUID(), mine.clientId]) {
      notFound(await sagenn.request(RecordResultDocument, knm({ clientId })), CLIENT_NOT_FOUND);
      notFound(await zevenaar.request(RecordResultDocument, knm({ clientId })), CLIENT_NOT_FOUND);
    }
    // A known client, with a placement that is unknown, malformed, another client's or another provider's.
    const sagennPlacementId = await moveToSagenn(other);
    expectMalformedIdRefused(await newBees.request(RecordResultDocument, knm({ clientId: mine.clientId, placementId: 'geen-id' })));
    for (const placementId of [randomUUID(), other.placementId]) {
      notFound(await newBees.request(RecordResultDocument, knm({ clientId: mine.clientId, placementId })), PLACEMENT_NOT_FOUND);
      notFound(await arnhem.request(RecordResultDocument, knm({ clientId: mine.clientId, placementId })), PLACEMENT_NOT_FOUND);
    }
    notFound(await newBees.request(RecordResultDocument, knm({ clientId: other.clientId, placementId: sagennPlacementId })), PLACEMENT_NOT_FOUND);

    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM integration_result WHERE client_id = ANY($1)`, [[mine.clientId, other.clientId]]);
    expect(rows[0].n).toBe(0);

    // The consultant records for its own client through a placement of that client.
    const { recordResult } = await arnhem.ok(RecordResultDocument, knm({ clientId: other.clientId, placementId: sagennPlacementId }));
    expect(recordResult).toMatchObject({ placementId: sagennPlacementId, providerName: 'Sagenn' });
    const { clientProgress } = await sagenn.ok(ClientProgressDocument, { clientId: other.clientId });
    expect(clientProgress.results.map((r) => r.id)).toEqual([recordResult.id]);
    expect((await newBees.ok(ClientProgressDocument, { clientId: other.clientId })).clientProgress.results).toEqual([]);
  });

  it('recordResult: an idempotency key of another client is a conflict, not another tenant\'s result', async () => {
    const [client] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'B1', startDate: start });
    const key = randomUUID();
    await newBees.ok(RecordResultDocument, { input: input({ clientId: client.clientId, placementId: client.placementId, kind: 'KNM', passed: true, idempotencyKey: key }) });
    const [zclient] = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 1, groupName: 'B1', startDate: start });
    const again = await newBees.request(RecordResultDocument, { input: input({ clientId: zclient.clientId, kind: 'KNM', passed: true, idempotencyKey: key }) });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

// Hole #2: what a provider and a consultant may see and change of placements. A placement withdrawn while it was still
// on the waiting list was never offered to the provider, so the provider must not learn the client's name, date of
// birth, client number, route or level from it; foreign, unknown, waiting and withdrawn-before-offer ids all answer the
// same NOT_FOUND (no existence oracle). The consultant side answers the same for another municipality's ids.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { loginAs, type GraphqlErrorBody, type GraphqlSession } from '../support/graphql-session';
import { lotId, newKey, providerId, registerWithPip, today, fillLot } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { expectMalformedIdRefused } from '../support/malformed-id';

let platform: TestPlatform;
let pg: Client;
let zevenaar: GraphqlSession;
let arnhem: GraphqlSession;
let sagenn: GraphqlSession;
let liemers: string;
let sagennId: string;
let withdrawnBeforeOffer: string;
let waiting: string;
let foreignPlacement: string;
let zevenaarClient: string;

const PROVIDER_PLACEMENT = `query P($id: ID!) { providerPlacement(id: $id) { id status client { clientNumber firstName lastName dateOfBirth route level } } }`;
const PROVIDER_PLACEMENTS = `query L($filter: ProviderPlacementFilterInput) { providerPlacementPage(filter: $filter, limit: 200) { total items { id status client { clientNumber firstName lastName dateOfBirth route level } } } }`;
const ACCEPT = `mutation A($input: AcceptPlacementInput!) { acceptPlacement(input: $input) { id } }`;
const REJECT = `mutation R($input: RejectPlacementInput!) { rejectPlacement(input: $input) { id } }`;
const START = `mutation S($input: PlacementChangeInput!) { startPlacement(input: $input) { id } }`;
const REQUEST = `mutation Q($input: RequestPlacementInput!) { requestPlacement(input: $input) { id status } }`;
const WITHDRAW = `mutation W($input: PlacementChangeInput!) { withdrawPlacement(input: $input) { id status } }`;
const END = `mutation E($input: EndPlacementInput!) { endPlacement(input: $input) { id status } }`;
const OPTIONS = `query O($clientId: ID!) { placementOptions(clientId: $clientId) { lot { id } } }`;

function notFound(errors: GraphqlErrorBody[] | undefined): { code: string | undefined; message: string | undefined } {
  return { code: errors?.[0]?.extensions?.code, message: errors?.[0]?.message };
}

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
  liemers = await lotId(pg, 'B1-route Liemerse kavel');
  sagennId = await providerId(pg, 'Sagenn');
  // The whole lot is full, so every request waits.
  await fillLot(pg, liemers, today());
  const first = await registerWithPip(zevenaar, 171);
  const requested = await zevenaar.ok<{ requestPlacement: { id: string; status: string } }, unknown>(REQUEST, {
    input: { clientId: first.id, lotId: liemers, providerId: sagennId, idempotencyKey: newKey() },
  });
  expect(requested.requestPlacement.status).toBe('WAITING');
  withdrawnBeforeOffer = requested.requestPlacement.id;
  const withdrawn = await zevenaar.ok<{ withdrawPlacement: { status: string } }, unknown>(WITHDRAW, { input: { placementId: withdrawnBeforeOffer, version: 1 } });
  expect(withdrawn.withdrawPlacement.status).toBe('WITHDRAWN');

  const second = await registerWithPip(zevenaar, 172);
  zevenaarClient = second.id;
  const queued = await zevenaar.ok<{ requestPlacement: { id: string; status: string } }, unknown>(REQUEST, {
    input: { clientId: second.id, lotId: liemers, providerId: sagennId, idempotencyKey: newKey() },
  });
  expect(queued.requestPlacement.status).toBe('WAITING');
  waiting = queued.requestPlacement.id;

  foreignPlacement = (await pg.query(`SELECT id FROM placement WHERE provider_id <> $1 AND status IN ('REQUESTED', 'ACCEPTED') ORDER BY id LIMIT 1`, [sagennId])).rows[0].id;
});

afterAll(async () => {
  await pg.end();
  await platform.close();
});

describe('a provider and placements that were never offered to it', () => {
  it('does not list a placement withdrawn from the waiting list, nor waiting ones, under any filter', async () => {
    for (const statuses of [['WITHDRAWN'], ['WAITING'], ['WAITING', 'WITHDRAWN', 'REQUESTED', 'ACCEPTED', 'STARTED', 'ENDED', 'REJECTED']]) {
      const result = await sagenn.request(PROVIDER_PLACEMENTS, { filter: { statuses } });
      expect(result.errors).toBeUndefined();
      expect(result.raw).not.toContain(withdrawnBeforeOffer);
      expect(result.raw).not.toContain(waiting);
      expect(result.raw).not.toContain('Test 171');
      expect(result.raw).not.toContain('Test 172');
    }
  });

  it('answers providerPlacement on withdrawn-before-offer, waiting, foreign, and unknown ids with the same NOT_FOUND (a malformed id is refused as bad input)', async () => {
    const unknown = notFound((await sagenn.request(PROVIDER_PLACEMENT, { id: randomUUID() })).errors);
    expect(unknown.code).toBe('NOT_FOUND');
    expectMalformedIdRefused(await sagenn.request(PROVIDER_PLACEMENT, { id: 'geen-id' }));
    for (const id of [withdrawnBeforeOffer, waiting, foreignPlacement]) {
      const result = await sagenn.request(PROVIDER_PLACEMENT, { id });
      expect(result.raw).not.toContain('Test 171');
      expect(result.raw).not.toContain('Test 172');
      expect(notFound(result.errors)).toEqual(unknown);
    }
  });

  it('answers accept, reject and start on those placements with the same NOT_FOUND and changes nothing', async () => {
    const unknownId = randomUUID();
    const unknown = notFound((await sagenn.request(REJECT, { input: { placementId: unknownId, version: 1, reason: 'Geen plaats.' } })).errors);
    expect(unknown.code).toBe('NOT_FOUND');
    const before = (await pg.query(`SELECT id, status, version FROM placement WHERE id = ANY($1::uuid[]) ORDER BY id`, [[withdrawnBeforeOffer, waiting, foreignPlacement]])).rows;
    for (const placementId of [withdrawnBeforeOffer, waiting, foreignPlacement, unknownId]) {
      const version = before.find((row) => row.id === placementId)?.version ?? 1;
      const accept = await sagenn.request(ACCEPT, { input: { placementId, version, startDate: today(), location: 'Zevenaar' } });
      const reject = await sagenn.request(REJECT, { input: { placementId, version, reason: 'Geen plaats.' } });
      const start = await sagenn.request(START, { input: { placementId, version } });
      for (const result of [accept, reject, start]) expect(notFound(result.errors)).toEqual(unknown);
    }
    const after = (await pg.query(`SELECT id, status, version FROM placement WHERE id = ANY($1::uuid[]) ORDER BY id`, [[withdrawnBeforeOffer, waiting, foreignPlacement]])).rows;
    expect(after).toEqual(before);
  });
});

describe('a consultant and another municipality', () => {
  it('answers placementOptions and requestPlacement for a client of another municipality like an unknown client', async () => {
    const unknown = notFound((await arnhem.request(OPTIONS, { clientId: randomUUID() })).errors);
    expect(unknown.code).toBe('NOT_FOUND');
    expect(notFound((await arnhem.request(OPTIONS, { clientId: zevenaarClient })).errors)).toEqual(unknown);
    expectMalformedIdRefused(await arnhem.request(OPTIONS, { clientId: 'geen-id' }));
    const request = (clientId: string) => arnhem.request(REQUEST, { input: { clientId, lotId: liemers, providerId: sagennId, idempotencyKey: newKey() } });
    const unknownRequest = notFound((await request(randomUUID())).errors);
    expect(unknownRequest).toEqual(unknown);
    expect(notFound((await request(zevenaarClient)).errors)).toEqual(unknown);
  });

  it('answers withdraw and end on another municipality placement like an unknown placement and changes nothing', async () => {
    const before = (await pg.query(`SELECT status, version FROM placement WHERE id = $1`, [waiting])).rows[0];
    const unknown = notFound((await arnhem.request(WITHDRAW, { input: { placementId: randomUUID(), version: 1 } })).errors);
    expect(unknown.code).toBe('NOT_FOUND');
    expect(notFound((await arnhem.request(WITHDRAW, { input: { placementId: waiting, version: before.version } })).errors)).toEqual(unknown);
    const end = await arnhem.request(END, { input: { placementId: waiting, version: before.version, endReason: 'STOPPED', endedOn: today() } });
    expect(notFound(end.errors)).toEqual(unknown);
    expect((await pg.query(`SELECT status, version FROM placement WHERE id = $1`, [waiting])).rows[0]).toEqual(before);
  });
});

describe('start moments of others', () => {
  const foreignStartMoment = async () =>
    (await pg.query(`SELECT sm.id FROM start_moment sm JOIN contract k ON k.id = sm.contract_id WHERE k.lot_id <> $1 AND k.provider_id <> $2 ORDER BY sm.id LIMIT 1`, [liemers, sagennId])).rows[0].id as string;
  const refusal = (errors: GraphqlErrorBody[] | undefined) => ({ ...notFound(errors), fields: errors?.[0]?.extensions?.fields });

  it('answers a consultant who names another lot start moment like an unknown one', async () => {
    const client = await registerWithPip(zevenaar, 173);
    const request = (startMomentId: string) =>
      zevenaar.request(REQUEST, { input: { clientId: client.id, lotId: liemers, providerId: sagennId, startMomentId, idempotencyKey: newKey() } });
    const unknown = refusal((await request(randomUUID())).errors);
    expect(unknown.fields?.map((f) => f.field)).toEqual(['startMomentId']);
    expect(refusal((await request(await foreignStartMoment())).errors)).toEqual(unknown);
  });

  it('answers a provider who accepts on another provider start moment like on an unknown one', async () => {
    const { rows } = await pg.query(`SELECT id, version FROM placement WHERE provider_id = $1 AND status = 'REQUESTED' ORDER BY id LIMIT 1`, [sagennId]);
    const accept = (startMomentId: string) =>
      sagenn.request(ACCEPT, { input: { placementId: rows[0].id, version: rows[0].version, startMomentId, startDate: today(), location: 'Zevenaar' } });
    const unknown = refusal((await accept(randomUUID())).errors);
    expect(unknown.fields?.map((f) => f.field)).toEqual(['startMomentId']);
    expect(refusal((await accept(await foreignStartMoment())).errors)).toEqual(unknown);
    expect((await pg.query(`SELECT status, version FROM placement WHERE id = $1`, [rows[0].id])).rows[0]).toEqual({ status: 'REQUESTED', version: rows[0].version });
  });
});

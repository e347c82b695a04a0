import { ClientDetailDocument, ClientsDocument, RegisterClientDocument, RequestPlacementDocument, SetPipDocument, SwitchRouteDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { clientDueForPip } from '../support/demo-client-input';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { count, lotId, newKey, providerId, registerWithPip, today } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let consultant: GraphqlSession;

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

/** A snapshot of everything a refused change could have touched. */
const snapshot = async () =>
  (await pg.query(`SELECT (SELECT count(*) FROM placement) AS placements, (SELECT count(*) FROM placement_event) AS events,
     (SELECT count(*) FROM client_history) AS history, (SELECT count(*) FROM outbox_message) AS outbox,
     (SELECT md5(string_agg(c::text, ',' ORDER BY c.id)) FROM client c) AS clients`)).rows[0];

function expectRefused(result: GraphqlResult<unknown>, field: string, code: string): string {
  expect(result.data).toBeNull();
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  const found = (result.errors?.[0].extensions?.fields ?? []) as { field: string; code?: string; message: string }[];
  const match = found.find((f) => f.code === code);
  expect(match).toMatchObject({ field, code });
  expect(match!.message.length).toBeGreaterThan(15);
  return match!.message;
}

describe('refused placements change nothing', () => {
  it('refuses a lot that does not cover the municipality', async () => {
    const client = await registerWithPip(consultant, 21);
    const before = await snapshot();
    const result = await consultant.request(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: await lotId(pg, 'B1-route Liemerse kavel'), providerId: await providerId(pg, 'Sagenn'), idempotencyKey: newKey() },
    });
    expect(expectRefused(result, 'lotId', 'PLACEMENT_LOT_NOT_FOR_MUNICIPALITY')).toBe('Dit perceel dekt de gemeente van de inburgeraar niet; kies een perceel voor uw gemeente.');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a lot of another route than the PIP, a provider without a contract, and a client without a PIP', async () => {
    const client = await registerWithPip(consultant, 22);
    const before = await snapshot();
    const zLot = await lotId(pg, 'Z-route Midden-Gelderland');
    const wrongRoute = await consultant.request(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: zLot, providerId: await providerId(pg, 'New Bees'), idempotencyKey: newKey() },
    });
    expect(expectRefused(wrongRoute, 'lotId', 'PLACEMENT_LOT_ROUTE_MISMATCH')).toContain('het PIP noemt de B1-route');
    const noContract = await consultant.request(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: await lotId(pg, 'B1-route Midden-Gelderland'), providerId: await providerId(pg, 'HAN Hogeschool van Arnhem en Nijmegen'), idempotencyKey: newKey() },
    });
    expectRefused(noContract, 'providerId', 'PLACEMENT_PROVIDER_NOT_CONTRACTED');
    const { registerClient } = await consultant.ok(RegisterClientDocument, { input: clientDueForPip(23) });
    const noPip = await consultant.request(RequestPlacementDocument, {
      input: { clientId: registerClient.id, lotId: await lotId(pg, 'B1-route Midden-Gelderland'), providerId: await providerId(pg, 'New Bees'), idempotencyKey: newKey() },
    });
    expectRefused(noPip, 'clientId', 'PLACEMENT_PIP_REQUIRED');
    const after = await snapshot();
    expect({ ...after, clients: null, outbox: null }).toEqual({ ...before, clients: null, outbox: null });
  });

  it('refuses a second running placement for the same client', async () => {
    const client = await registerWithPip(consultant, 24);
    const input = { clientId: client.id, lotId: await lotId(pg, 'B1-route Midden-Gelderland'), providerId: await providerId(pg, 'New Bees') };
    await consultant.ok(RequestPlacementDocument, { input: { ...input, idempotencyKey: newKey() } });
    const before = await snapshot();
    const again = await consultant.request(RequestPlacementDocument, { input: { ...input, idempotencyKey: newKey() } });
    expectRefused(again, 'clientId', 'PLACEMENT_ALREADY_ACTIVE');
    expect(await snapshot()).toEqual(before);
  });

  it('answers "not found" for a client of another municipality', async () => {
    const oss = await loginAs(platform.url, 'consulent@oss.demo.nl');
    const client = await registerWithPip(consultant, 25);
    const result = await oss.request(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: await lotId(pg, 'B1-route Noordoost-Brabant'), providerId: await providerId(pg, 'ROC De Leijgraaf'), idempotencyKey: newKey() },
    });
    expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });
});

describe('refused PIP changes change nothing', () => {
  let seed = 30;
  it.each([
    ['a level the route does not allow (B1 on the Z-route)', { route: 'Z', level: 'B1' }, 'level', 'PIP_LEVEL_B1_NOT_WITH_Z'],
    ['A2 with the Onderwijsroute', { route: 'ONDERWIJS', level: 'A2' }, 'level', 'PIP_LEVEL_A2_NOT_WITH_ONDERWIJS'],
    ['A2 on a first PIP for the B1-route', { route: 'B1', level: 'A2' }, 'level', 'PIP_LEVEL_A2_NOT_ON_FIRST_B1_PIP'],
    ['a PIP date before BRP registration', { pipSignedOn: '2020-01-01' }, 'pipSignedOn', 'PIP_DATE_BEFORE_BRP_REGISTRATION'],
    ['more than 40 lesson hours a week', { pipMinutesPerWeek: 41 * 60 }, 'pipMinutesPerWeek', 'PIP_HOURS_OUT_OF_RANGE'],
  ] as const)('refuses %s', async (_label, change, field, code) => {
    seed += 1;
    const { registerClient } = await consultant.ok(RegisterClientDocument, { input: clientDueForPip(seed) });
    const before = await snapshot();
    const result = await consultant.request(SetPipDocument, { input: { clientId: registerClient.id, pipSignedOn: today(), route: 'B1', level: 'B1', ...change } });
    expectRefused(result, field, code);
    expect(await snapshot()).toEqual(before);
  });

  it('records a first PIP, then allows A2 on a changed B1 PIP', async () => {
    const { registerClient } = await consultant.ok(RegisterClientDocument, { input: clientDueForPip(40) });
    const first = await consultant.ok(SetPipDocument, { input: { clientId: registerClient.id, pipSignedOn: today(), route: 'B1', level: 'B1', pipMinutesPerWeek: 720, pipLessonPattern: 'Di en do' } });
    expect(first.setPip).toMatchObject({ pipCount: 1, route: 'B1', level: 'B1', pipMinutesPerWeek: 720 });
    expect(first.setPip.deadlines.pip.status).toBe('MET');
    const second = await consultant.ok(SetPipDocument, { input: { clientId: registerClient.id, pipSignedOn: today(), route: 'B1', level: 'A2' } });
    expect(second.setPip).toMatchObject({ pipCount: 2, level: 'A2' });
    const otherRoute = await consultant.request(SetPipDocument, { input: { clientId: registerClient.id, pipSignedOn: today(), route: 'Z', level: 'A2' } });
    expectRefused(otherRoute, 'route', 'PIP_ROUTE_CHANGE_IS_ROUTE_SWITCH');
  });
});

describe('route switch', () => {
  it('is refused after 18 months with the rule named, and nothing changes', async () => {
    const client = await registerWithPip(consultant, 50, { pipMonthsAgo: 19 });
    const before = await snapshot();
    const result = await consultant.request(SwitchRouteDocument, { input: { clientId: client.id, toRoute: 'Z', toLevel: 'A2', reason: 'Leerbaarheid lager dan verwacht' } });
    const message = expectRefused(result, 'switchDate', 'ROUTE_SWITCH_WINDOW_CLOSED');
    expect(message).toContain('binnen 18 maanden na ondertekening van het PIP (art. 17 Wet inburgering 2021)');
    expect(await snapshot()).toEqual(before);
  });

  it('needs a written reason', async () => {
    const client = await registerWithPip(consultant, 51);
    const result = await consultant.request(SwitchRouteDocument, { input: { clientId: client.id, toRoute: 'Z', toLevel: 'A2', reason: ' ' } });
    expectRefused(result, 'reason', 'ROUTE_SWITCH_REASON_REQUIRED');
  });

  it('within 18 months changes the route, ends the running placement and records the reason', async () => {
    const client = await registerWithPip(consultant, 52, { pipMonthsAgo: 6 });
    const lot = await lotId(pg, 'B1-route Midden-Gelderland');
    await consultant.ok(RequestPlacementDocument, { input: { clientId: client.id, lotId: lot, providerId: await providerId(pg, 'New Bees'), idempotencyKey: newKey() } });
    const { switchRoute } = await consultant.ok(SwitchRouteDocument, { input: { clientId: client.id, toRoute: 'Z', toLevel: 'A2', reason: 'Leerbaarheid lager dan verwacht' } });
    expect(switchRoute).toMatchObject({ route: 'Z', level: 'A2', pipCount: 2, placementStatus: 'NONE' });
    const { client: detail } = await consultant.ok(ClientDetailDocument, { id: client.id });
    expect(detail.placements[0].status).toBe('WITHDRAWN');
    expect(detail.history[0]).toMatchObject({ kind: 'ROUTE_SWITCH', fromValue: 'B1', toValue: 'Z', reason: 'Leerbaarheid lager dan verwacht', effectiveOn: today() });
    expect(await count(pg, `SELECT count(*) FROM outbox_message WHERE job_name = 'placements.offer-waiting' AND payload->>'lotId' = $1`, [lot])).toBeGreaterThan(0);
  });
});

describe('caseload filters', () => {
  it('filters by deadline status and kind, and by placement status, and sorts by urgency', async () => {
    const overdue = await consultant.ok(ClientsDocument, { limit: 200, filter: { deadlineStatus: 'OVERDUE', sort: 'URGENCY' } });
    expect(overdue.clients.total).toBeGreaterThan(0);
    expect(overdue.clients.items[0].deadlines.mostUrgent?.status).toBe('OVERDUE');
    const pipSoon = await consultant.ok(ClientsDocument, { limit: 200, filter: { deadlineKind: 'PIP', deadlineStatus: 'DUE_SOON' } });
    expect(pipSoon.clients.items.every((c) => c.deadlines.pip.status === 'DUE_SOON')).toBe(true);
    const started = await consultant.ok(ClientsDocument, { limit: 200, filter: { placementStatus: 'STARTED' } });
    expect(started.clients.total).toBeGreaterThan(0);
    expect(started.clients.items.every((c) => c.placementStatus === 'STARTED')).toBe(true);
    const all = await consultant.ok(ClientsDocument, { limit: 200 });
    const none = await consultant.ok(ClientsDocument, { limit: 200, filter: { placementStatus: 'NONE' } });
    expect(none.clients.total).toBeLessThan(all.clients.total);
    const b1 = await consultant.ok(ClientsDocument, { limit: 200, filter: { route: 'B1' } });
    expect(b1.clients.items.every((c) => c.route === 'B1')).toBe(true);
  });
});

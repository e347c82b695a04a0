import { AcceptPlacementDocument, ClientDetailDocument, PlacementOptionsDocument, ProviderPlacementsDocument, RequestPlacementDocument, WithdrawPlacementDocument } from '@inburgering/contracts';
import { addDays } from '@inburgering/domain';
import { Client } from 'pg';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { allBsns, lotId, newKey, providerId, registerWithPip, today, fillLot } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

let platform: TestPlatform;
let pg: Client;
let consultant: GraphqlSession;
let sagenn: GraphqlSession;
let liemers: string;
let sagennId: string;

beforeAll(async () => {
  platform = await startTestPlatform({ worker: true });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  consultant = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
  sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
  liemers = await lotId(pg, 'B1-route Liemerse kavel');
  sagennId = await providerId(pg, 'Sagenn');
  // The whole lot is full, so every request waits.
  await fillLot(pg, liemers, today());
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

/** What the provider does when it adds seats: a new start moment, and the job through the outbox in the same transaction. */
async function addStartMoment(seats: number, weeksAhead: number): Promise<string> {
  await pg.query('BEGIN');
  const { rows } = await pg.query(
    `INSERT INTO start_moment (contract_id, location, starts_on, seats, lesson_days, minutes_per_week, daypart)
     SELECT id, 'Zevenaar, Hunneveldweg', $2, $3, '{1,3}', 720, 'DAYTIME' FROM contract WHERE lot_id = $1 RETURNING id`,
    [liemers, addDays(today(), weeksAhead * 7), seats],
  );
  await pg.query(`INSERT INTO outbox_message (job_name, payload) VALUES ('placements.offer-waiting', $1)`, [JSON.stringify({ lotId: liemers })]);
  await pg.query('COMMIT');
  return rows[0].id;
}

const statusOf = async (id: string) => (await pg.query(`SELECT status, start_moment_id FROM placement WHERE id = $1`, [id])).rows[0];

describe('a full lot', () => {
  let waitingId: string;
  let clientId: string;

  it('shows no free seats and puts a request on the waiting list, behind the clients who asked earlier', async () => {
    const client = await registerWithPip(consultant, 61);
    clientId = client.id;
    const { placementOptions } = await consultant.ok(PlacementOptionsDocument, { clientId });
    expect(placementOptions.map((o) => o.lot.name)).toEqual(['B1-route Liemerse kavel', 'Participatieverklaringstraject (PVT)']);
    expect(placementOptions[0].providers[0]).toMatchObject({ provider: { name: 'Sagenn' }, freeSeats: 0, waiting: 2 });
    const { requestPlacement } = await consultant.ok(RequestPlacementDocument, { input: { clientId, lotId: liemers, providerId: sagennId, idempotencyKey: newKey() } });
    expect(requestPlacement).toMatchObject({ status: 'WAITING', queuePosition: 3, startMoment: null });
    waitingId = requestPlacement.id;
    const { providerPlacementPage: { items: providerPlacements } } = await sagenn.ok(ProviderPlacementsDocument, { limit: 200, filter: { statuses: ['WAITING', 'REQUESTED'] } });
    expect(providerPlacements.map((p) => p.id)).not.toContain(waitingId);
  });

  it('offers new seats in order of request: the first waiting clients get them, the next one keeps waiting', async () => {
    const moment = await addStartMoment(2, 15);
    await waitFor('the two earlier waiting clients offered', async () =>
      Number((await pg.query(`SELECT count(*) FROM placement WHERE start_moment_id = $1 AND status = 'REQUESTED'`, [moment])).rows[0].count) === 2);
    expect((await statusOf(waitingId)).status).toBe('WAITING');
    const { client } = await consultant.ok(ClientDetailDocument, { id: clientId });
    expect(client.placements[0]).toMatchObject({ status: 'WAITING', queuePosition: 1 });
  });

  it('offers the waiting client automatically once the provider adds seats, and tells the consultant', async () => {
    const moment = await addStartMoment(1, 16);
    await waitFor('waiting client offered', async () => (await statusOf(waitingId)).status === 'REQUESTED');
    expect((await statusOf(waitingId)).start_moment_id).toBe(moment);
    const { client } = await consultant.ok(ClientDetailDocument, { id: clientId });
    expect(client.placements[0].events.map((e) => e.toStatus)).toEqual(['WAITING', 'REQUESTED']);
    const signals = await consultant.request<{ signals: { items: { kind: string; message: string; subjectId: string }[] } }, unknown>(`{ signals: signalPage(kinds: ["PLACEMENT_OFFERED"], limit: 200) { items { kind message subjectId } } }`);
    const offered = signals.data!.signals.items.find((s) => s.subjectId === waitingId)!;
    expect(offered.message).toMatch(/^Klantnummer \d+ stond op de wachtlijst en is nu aangemeld bij Sagenn voor het instroommoment van \d+-\d+-\d{4} \(Zevenaar, Hunneveldweg\)\.$/);
    for (const bsn of await allBsns(pg)) expect(signals.raw).not.toContain(bsn);
    const inbox = await sagenn.request(ProviderPlacementsDocument, { limit: 200, filter: { statuses: ['REQUESTED'] } });
    expect(inbox.data!.providerPlacementPage.items.map((p) => p.id)).toContain(waitingId);
    for (const bsn of await allBsns(pg)) expect(inbox.raw).not.toContain(bsn);
  });

  it('gives a seat that comes free (a withdrawn placement) to the next waiting client', async () => {
    const { providerPlacementPage: { items: providerPlacements } } = await sagenn.ok(ProviderPlacementsDocument, { limit: 200, filter: { statuses: ['REQUESTED'] } });
    const offered = providerPlacements.find((p) => p.id === waitingId)!;
    const { acceptPlacement } = await sagenn.ok(AcceptPlacementDocument, {
      input: { placementId: waitingId, version: offered.version, startDate: offered.startMoment!.startsOn, location: offered.startMoment!.location },
    });
    expect(acceptPlacement.status).toBe('ACCEPTED');
    const next = await registerWithPip(consultant, 62);
    const { requestPlacement } = await consultant.ok(RequestPlacementDocument, { input: { clientId: next.id, lotId: liemers, providerId: sagennId, idempotencyKey: newKey() } });
    expect(requestPlacement.status).toBe('WAITING');
    await consultant.ok(WithdrawPlacementDocument, { input: { placementId: waitingId, version: acceptPlacement.version, note: 'Cliënt kan pas later beginnen' } });
    await waitFor('next waiting client offered', async () => (await statusOf(requestPlacement.id)).status === 'REQUESTED');
  });
});

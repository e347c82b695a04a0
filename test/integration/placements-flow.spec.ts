import {
  AcceptPlacementDocument,
  ClientDetailDocument,
  PlacementOptionsDocument,
  ProviderPlacementDocument,
  ProviderPlacementsDocument,
  RejectPlacementDocument,
  RequestPlacementDocument,
  WithdrawPlacementDocument,
} from '@inburgering/contracts';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { Client } from 'pg';
import { loginAs, type GraphqlResult, type GraphqlSession } from '../support/graphql-session';
import { allBsns, count, lotId, newKey, providerId, registerWithPip } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let consultant: GraphqlSession;
let newBees: GraphqlSession;
let sagenn: GraphqlSession;
const providerResponses: GraphqlResult<unknown>[] = [];

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

/** Records every provider response, so the last test can check that none of them holds a BSN. */
async function asProvider<T, V>(session: GraphqlSession, document: TypedDocumentNode<T, V> | string, variables?: V): Promise<GraphqlResult<T>> {
  const result = await session.request(document, variables);
  providerResponses.push(result);
  return result;
}

describe('request → accept', () => {
  let placementId: string;
  let startsOn: string;

  it('shows the lots of the PIP route (then the module lots beside it) for the municipality with providers, start moments and free seats', async () => {
    const client = await registerWithPip(consultant, 1);
    const { placementOptions } = await consultant.ok(PlacementOptionsDocument, { clientId: client.id });
    expect(placementOptions.map((o) => o.lot.name)).toEqual(['B1-route Midden-Gelderland', 'Participatieverklaringstraject (PVT)']);
    const providers = placementOptions[0].providers;
    expect(providers.map((p) => p.provider.name).sort()).toEqual(['New Bees', 'Sagenn']);
    const bees = providers.find((p) => p.provider.name === 'New Bees')!;
    expect(bees.startMoments).toHaveLength(2); // the one that started 6 weeks ago is not offered
    expect(bees.freeSeats).toBeGreaterThan(0);
    for (const slot of bees.startMoments) expect(slot.free).toBe(Math.max(0, slot.seats - slot.taken - slot.pendingOffers));
  });

  it('requests a seat once even when the form is sent twice, and the provider sees it in its inbox', async () => {
    const client = await registerWithPip(consultant, 2);
    const { placementOptions } = await consultant.ok(PlacementOptionsDocument, { clientId: client.id });
    const bees = placementOptions[0].providers.find((p) => p.provider.name === 'New Bees')!;
    const slot = bees.startMoments[0];
    startsOn = slot.startsOn;
    const input = { clientId: client.id, lotId: placementOptions[0].lot.id, providerId: bees.provider.id, startMomentId: slot.id, idempotencyKey: newKey() };
    const [first, second] = await Promise.all([consultant.ok(RequestPlacementDocument, { input }), consultant.ok(RequestPlacementDocument, { input })]);
    expect(first.requestPlacement.id).toBe(second.requestPlacement.id);
    expect(first.requestPlacement.status).toBe('REQUESTED');
    expect(await count(pg, `SELECT count(*) FROM placement WHERE client_id = $1`, [client.id])).toBe(1);
    placementId = first.requestPlacement.id;

    const inbox = await asProvider(newBees, ProviderPlacementsDocument, { limit: 200, filter: { statuses: ['REQUESTED'] } });
    const mine = inbox.data!.providerPlacementPage.items.find((p) => p.id === placementId)!;
    expect(mine.client).toMatchObject({ firstName: 'Plaatsing', lastName: 'Test 2', dateOfBirth: '1991-02-03', route: 'B1', level: 'B1', pipMinutesPerWeek: 720 });
    expect(Object.keys(mine.client).sort()).toEqual(['clientNumber', 'dateOfBirth', 'firstName', 'lastName', 'level', 'municipality', 'pipLessonPattern', 'pipMinutesPerWeek', 'route']);
  });

  it('hides the request from other providers', async () => {
    const other = await asProvider(sagenn, ProviderPlacementsDocument, { limit: 200 });
    expect(other.data!.providerPlacementPage.items.map((p) => p.id)).not.toContain(placementId);
    const direct = await asProvider(sagenn, ProviderPlacementDocument, { id: placementId });
    expect(direct.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('lets the provider accept with start date, location and group; the consultant sees the start date and a signal', async () => {
    const { data } = await asProvider(newBees, ProviderPlacementDocument, { id: placementId });
    const accepted = await asProvider(newBees, AcceptPlacementDocument, {
      input: { placementId, version: data!.providerPlacement.version, startDate: startsOn, location: 'Arnhem, Velperweg', groupName: 'B1 ochtend' },
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptPlacement).toMatchObject({ status: 'ACCEPTED', startDate: startsOn, groupName: 'B1 ochtend' });

    const clientId = (await pg.query(`SELECT client_id FROM placement WHERE id = $1`, [placementId])).rows[0].client_id;
    const { client } = await consultant.ok(ClientDetailDocument, { id: clientId });
    expect(client.placementStatus).toBe('ACCEPTED');
    expect(client.placements[0]).toMatchObject({ status: 'ACCEPTED', startDate: startsOn, location: 'Arnhem, Velperweg', provider: { name: 'New Bees' } });
    expect(client.placements[0].events.map((e) => e.toStatus)).toEqual(['REQUESTED', 'ACCEPTED']);
    const signals = await consultant.ok<{ signals: { items: { kind: string; message: string }[] } }, unknown>(`{ signals: signalPage(kinds: ["PLACEMENT_ACCEPTED"], limit: 200) { items { kind message } } }`);
    expect(signals.signals.items.some((s) => s.message.includes('geaccepteerd door New Bees'))).toBe(true);
  });

  it('logs the provider reading the placed client, with the purpose', async () => {
    const { rows } = await pg.query(
      `SELECT l.purpose FROM processing_log l JOIN app_user u ON u.id = l.actor_user_id
        WHERE u.email = 'aanbieder@newbees.demo.nl' AND l.action = 'READ' AND l.subject_type = 'client'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].purpose).toMatch(/lesgeven aan geplaatste inburgeraars/);
  });

  it('refuses a change on a stale version', async () => {
    const stale = await asProvider(newBees, AcceptPlacementDocument, { input: { placementId, version: 1, startDate: startsOn, location: 'Arnhem' } });
    expect(stale.errors?.[0].extensions?.code).toBe('CONFLICT');
  });
});

describe('reject and withdraw', () => {
  it('lets the provider reject with a reason, which the consultant sees; a reason is required', async () => {
    const client = await registerWithPip(consultant, 3);
    const input = { clientId: client.id, lotId: await lotId(pg, 'B1-route Midden-Gelderland'), providerId: await providerId(pg, 'Sagenn'), idempotencyKey: newKey() };
    const { requestPlacement } = await consultant.ok(RequestPlacementDocument, { input });
    expect(requestPlacement.status).toBe('REQUESTED');
    const tooShort = await asProvider(sagenn, RejectPlacementDocument, { input: { placementId: requestPlacement.id, version: requestPlacement.version, reason: 'vol' } });
    expect(tooShort.errors?.[0].extensions?.fields?.[0]).toMatchObject({ field: 'reason' });
    const rejected = await asProvider(sagenn, RejectPlacementDocument, {
      input: { placementId: requestPlacement.id, version: requestPlacement.version, reason: 'Geen ochtendgroep meer beschikbaar' },
    });
    expect(rejected.data!.rejectPlacement.status).toBe('REJECTED');
    const { client: detail } = await consultant.ok(ClientDetailDocument, { id: client.id });
    expect(detail.placements[0]).toMatchObject({ status: 'REJECTED', rejectionReason: 'Geen ochtendgroep meer beschikbaar' });
    expect(detail.placementStatus).toBe('NONE');
    expect(await count(pg, `SELECT count(*) FROM outbox_message WHERE job_name = 'placements.offer-waiting' AND payload->>'lotId' = $1`, [input.lotId])).toBeGreaterThan(0);
  });

  it('lets the consultant withdraw a request, and enqueues the waiting queue with ids only', async () => {
    const client = await registerWithPip(consultant, 4);
    const lot = await lotId(pg, 'B1-route Midden-Gelderland');
    const { requestPlacement } = await consultant.ok(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: lot, providerId: await providerId(pg, 'New Bees'), idempotencyKey: newKey() },
    });
    const { withdrawPlacement } = await consultant.ok(WithdrawPlacementDocument, { input: { placementId: requestPlacement.id, version: requestPlacement.version, note: 'Cliënt verhuist' } });
    expect(withdrawPlacement.status).toBe('WITHDRAWN');
    const { rows } = await pg.query(`SELECT payload FROM outbox_message WHERE job_name = 'placements.offer-waiting' ORDER BY id DESC LIMIT 1`);
    expect(rows[0].payload).toEqual({ lotId: lot, requestId: expect.any(String) });
  });
});

describe('a provider user', () => {
  it('cannot ask for a BSN, intake notes or learnability: the fields do not exist on its types', async () => {
    for (const field of ['bsnMasked', 'intakeNotes', 'learnabilityOutcome', 'learnabilityScore', 'deadlines { pip { deadline } }']) {
      const result = await asProvider(newBees, `{ providerPlacementPage { items { client { ${field} } } } }`);
      expect(result.data).toBeNull();
      expect(result.errors?.[0].message).toMatch(/Cannot query field/);
    }
  });

  it('is refused the consultant operations', async () => {
    const clientId = (await pg.query(`SELECT id FROM client LIMIT 1`)).rows[0].id;
    const options = await asProvider(newBees, PlacementOptionsDocument, { clientId });
    expect(options.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('never received a BSN, an intake note or a learnability score in any response', async () => {
    const all = await asProvider(newBees, ProviderPlacementsDocument, { limit: 200, filter: { statuses: ['REQUESTED', 'ACCEPTED', 'STARTED', 'ENDED', 'REJECTED', 'WITHDRAWN'] } });
    expect(all.data!.providerPlacementPage.total).toBeGreaterThan(10);
    providerResponses.push(await newBees.request(`{ signalPage(openOnly: false, limit: 200) { items { kind message subjectId } } }`));
    providerResponses.push(await sagenn.request(`{ signalPage(openOnly: false, limit: 200) { items { kind message subjectId } } }`));
    const bsns = await allBsns(pg);
    expect(providerResponses.length).toBeGreaterThan(10);
    for (const response of providerResponses) {
      for (const bsn of bsns) expect(response.raw).not.toContain(bsn);
      expect(response.raw).not.toContain('Vertrouwelijk');
      expect(response.raw).not.toContain('B1_FEASIBLE');
    }
  });

  it('gets no BSN in any job payload or signal', async () => {
    const bsns = await allBsns(pg);
    const payloads = (await pg.query(`SELECT payload::text AS text FROM outbox_message`)).rows.map((row) => row.text as string);
    const messages = (await pg.query(`SELECT message FROM signal`)).rows.map((row) => row.message as string);
    for (const text of [...payloads, ...messages]) for (const bsn of bsns) expect(text).not.toContain(bsn);
  });
});

import { ConfigureDuoLinkDocument, RegisterClientDocument } from '@inburgering/contracts';
import { addDays, addYears, duoEventRule } from '@inburgering/domain';
import { randomUUID, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { listenForDuoNotifications } from '../../apps/api/src/duo/duo-notification-listener';
import { createTestCertificates, DUO_OIN, FakeDuo, type TestCertificates } from '../support/fake-duo';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { clientWithPip, today } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

const ARNHEM_OIN = '00000001002220647000';
const ZEVENAAR_OIN = '00000001002220799000';

let certs: TestCertificates;
let duo: FakeDuo;
let platform: TestPlatform;
let listener: Server;
let notifyUrl: string;
let pg: Client;
let arnhem: GraphqlSession;
let zevenaar: GraphqlSession;

async function configure(admin: GraphqlSession, cbs: string, oin: string): Promise<void> {
  const municipalityId = (await pg.query(`SELECT id FROM organisation WHERE cbs_code = $1`, [cbs])).rows[0].id;
  await admin.ok(ConfigureDuoLinkDocument, {
    input: { municipalityId, enabled: true, municipalityOin: oin, duoOin: DUO_OIN, baseUrl: duo.url, certPath: certs.clientCertPath, keyPath: certs.clientKeyPath, caPath: certs.caPath },
  });
}

beforeAll(async () => {
  certs = createTestCertificates();
  duo = new FakeDuo(certs, new Set([ARNHEM_OIN, ZEVENAAR_OIN]), today());
  await duo.start();
  const duoFingerprint = new X509Certificate(readFileSync(certs.duoClientCertPath)).fingerprint256;
  platform = await startTestPlatform({ worker: true, config: { duoNotificationCertFingerprints: [duoFingerprint] } });
  // The municipality's mutual-TLS listener in front of the same API (its server certificate from the test CA).
  listener = await listenForDuoNotifications(platform.httpHandler, { port: 0, host: '127.0.0.1', certPath: certs.serverCertPath, keyPath: certs.serverKeyPath, caPath: certs.caPath });
  notifyUrl = `https://127.0.0.1:${(listener.address() as AddressInfo).port}/duo/v1/notificaties`;
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  const admin = await loginAs(platform.url, 'beheer@midden-gelderland.demo.nl');
  await configure(admin, 'GM0202', ARNHEM_OIN);
  await configure(admin, 'GM0299', ZEVENAAR_OIN);
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
}, 60_000);

afterAll(async () => {
  listener?.closeAllConnections();
  await new Promise((resolve) => (listener ? listener.close(resolve) : resolve(undefined)));
  await pg?.end();
  await platform?.close();
  await duo?.stop();
  certs?.cleanup();
});

async function register(session: GraphqlSession, seed: number, oin: string): Promise<{ id: string; bsn: string; clientNumber: number }> {
  const input = clientWithPip(seed, { pipMonthsAgo: 3 });
  duo.addPerson({ bsn: input.bsn, municipalityOin: oin, obligationStart: addDays(input.brpRegistrationDate, -10) });
  const { registerClient } = await session.ok(RegisterClientDocument, { input });
  return { id: registerClient.id, bsn: input.bsn, clientNumber: registerClient.clientNumber };
}

async function duoSignals(session: GraphqlSession, clientId: string): Promise<string[]> {
  const { signals } = await session.ok<{ signals: { items: { message: string; subjectId: string }[] } }, unknown>(`{ signals: signalPage(kinds: ["DUO_EVENT"], limit: 200) { items { message subjectId } } }`);
  return signals.items.filter((s) => s.subjectId === clientId).map((s) => s.message);
}

async function processed(berichtId: string): Promise<void> {
  await waitFor(`notificatie ${berichtId} verwerkt`, async () =>
    (await pg.query(`SELECT 1 FROM duo_notification WHERE bericht_id = $1 AND status = 'PROCESSED'`, [berichtId])).rowCount === 1);
}

describe('DUO notifications (Notificatie API) over mutual TLS', () => {
  it('fetches the changed term on SS103, stores it with the right client and signals the consultant', async () => {
    const client = await register(arnhem, 701, ARNHEM_OIN);
    const other = await register(arnhem, 702, ARNHEM_OIN);
    const person = duo.persons.get(client.bsn)!;
    person.termStart = addDays(today(), -60);
    person.termEnd = addYears(addDays(today(), 200), 3);
    const berichtId = randomUUID();
    const answer = await duo.notify(notifyUrl, { bsn: client.bsn, gebeurtenisId: 'SS103' }, { doel: ARNHEM_OIN, berichtId });
    expect(answer.status).toBe(201);
    await processed(berichtId);
    // Only this client's state changed (the demo data has DUO states of its own for other clients).
    const { rows } = await pg.query(`SELECT client_id, term_start::text, term_end::text FROM duo_client_state WHERE client_id = ANY($1::uuid[])`, [[client.id, other.id]]);
    expect(rows).toEqual([{ client_id: client.id, term_start: person.termStart, term_end: person.termEnd }]);
    expect(await duoSignals(arnhem, client.id)).toEqual([`${duoEventRule('SS103').signal} (klantnummer ${client.clientNumber}, gebeurtenis SS103)`]);
    expect(await duoSignals(arnhem, other.id)).toEqual([]);
    // Zevenaar's consultant does not see Arnhem's signal.
    expect(await duoSignals(zevenaar, client.id)).toEqual([]);
  });

  it.each([
    ['SS199', 'exam_results', [{ examendatum: '2026-10-01', resultaat: 'Geslaagd', onderdeel: 'LE', niveau: 'B1' }]],
    ['SS107', 'exemptions', [{ GeheleVrijstelling: { oordeel: 'Toekenning', reden: 'DIP', datumOordeel: '2026-10-02' } }]],
    ['SS108', 'dispensations', [{ GeheleOntheffing: { oordeel: 'Toekenning', grond: 'MED', datumOordeel: '2026-10-03' } }]],
    ['SS110', 'obligation', { indicatorInburgeringsplicht: true }],
  ] as const)('%s updates %s of the client and raises its signal', async (eventId, column, expected) => {
    const client = await register(arnhem, 710 + Number(eventId.slice(3)) % 50, ARNHEM_OIN);
    const person = duo.persons.get(client.bsn)!;
    person.exams = [{ examendatum: '2026-10-01', resultaat: 'Geslaagd', onderdeel: 'LE', niveau: 'B1' }];
    person.exemptions = [{ GeheleVrijstelling: { oordeel: 'Toekenning', reden: 'DIP', datumOordeel: '2026-10-02' } }];
    person.dispensations = [{ GeheleOntheffing: { oordeel: 'Toekenning', grond: 'MED', datumOordeel: '2026-10-03' } }];
    const berichtId = randomUUID();
    expect((await duo.notify(notifyUrl, { bsn: client.bsn, gebeurtenisId: eventId }, { doel: ARNHEM_OIN, berichtId })).status).toBe(201);
    await processed(berichtId);
    const { rows } = await pg.query(`SELECT ${column} AS value FROM duo_client_state WHERE client_id = $1`, [client.id]);
    expect(rows[0].value).toMatchObject(expected);
    expect(await duoSignals(arnhem, client.id)).toEqual([`${duoEventRule(eventId).signal} (klantnummer ${client.clientNumber}, gebeurtenis ${eventId})`]);
  });

  it.each([
    ['SS122', 'a move to another municipality'],
    ['SS121', 'a move in with the previous municipality\'s PIP'],
    ['SS126', 'DUO\'s attention signal: no route after ten weeks'],
    ['SS127', 'DUO\'s attention signal: no offer received yet'],
  ])('%s (%s) raises its signal for the right client only', async (eventId) => {
    const client = await register(arnhem, 770 + Number(eventId.slice(2)) % 30, ARNHEM_OIN);
    const other = await register(arnhem, 800 + Number(eventId.slice(2)) % 30, ARNHEM_OIN);
    const berichtId = randomUUID();
    expect((await duo.notify(notifyUrl, { bsn: client.bsn, gebeurtenisId: eventId }, { doel: ARNHEM_OIN, berichtId })).status).toBe(201);
    await processed(berichtId);
    expect(await duoSignals(arnhem, client.id)).toEqual([`${duoEventRule(eventId).signal} (klantnummer ${client.clientNumber}, gebeurtenis ${eventId})`]);
    expect(await duoSignals(arnhem, other.id)).toEqual([]);
    // What DUO was asked afterwards (if anything) is stored with this client only.
    const stored = (await pg.query<{ client_id: string }>(`SELECT client_id FROM duo_client_state WHERE client_id = ANY($1::uuid[])`, [[client.id, other.id]])).rows.map((r) => r.client_id);
    expect(stored).toEqual(duoEventRule(eventId).fetch.length > 0 ? [client.id] : []);
  });

  it('stores SS102 (term started) without a signal: no action needed', async () => {
    const client = await register(arnhem, 731, ARNHEM_OIN);
    const person = duo.persons.get(client.bsn)!;
    person.termStart = addDays(today(), -5);
    person.termEnd = addYears(addDays(today(), -6), 3);
    const berichtId = randomUUID();
    expect((await duo.notify(notifyUrl, { bsn: client.bsn, gebeurtenisId: 'SS102' }, { doel: ARNHEM_OIN, berichtId })).status).toBe(201);
    await processed(berichtId);
    expect((await pg.query(`SELECT term_end::text FROM duo_client_state WHERE client_id = $1`, [client.id])).rows[0].term_end).toBe(person.termEnd);
    expect(await duoSignals(arnhem, client.id)).toEqual([]);
  });

  it('does a repeated notification (same berichtId) only once', async () => {
    const client = await register(arnhem, 741, ARNHEM_OIN);
    const berichtId = randomUUID();
    for (let i = 0; i < 3; i += 1) {
      expect((await duo.notify(notifyUrl, { bsn: client.bsn, gebeurtenisId: 'SS199' }, { doel: ARNHEM_OIN, berichtId })).status).toBe(201);
    }
    await processed(berichtId);
    expect((await pg.query(`SELECT count(*)::int AS n FROM duo_notification WHERE bericht_id = $1`, [berichtId])).rows[0].n).toBe(1);
    expect(await duoSignals(arnhem, client.id)).toHaveLength(1);
  });

  it('refuses a notification for a client of another municipality, and changes nothing', async () => {
    const zevenaarClient = await register(zevenaar, 751, ZEVENAAR_OIN);
    const answer = await duo.notify(notifyUrl, { bsn: zevenaarClient.bsn, gebeurtenisId: 'SS199' }, { doel: ARNHEM_OIN });
    expect(answer.status).toBe(403);
    expect(JSON.parse(answer.body)).toEqual({ fouttekst: 'De persoon is geen inburgeraar van deze gemeente.' });
    expect((await pg.query(`SELECT count(*)::int AS n FROM duo_notification WHERE client_id = $1`, [zevenaarClient.id])).rows[0].n).toBe(0);
    // Addressed to Zevenaar, it is accepted.
    const berichtId = randomUUID();
    expect((await duo.notify(notifyUrl, { bsn: zevenaarClient.bsn, gebeurtenisId: 'SS199' }, { doel: ZEVENAAR_OIN, berichtId })).status).toBe(201);
    await processed(berichtId);
    expect(await duoSignals(zevenaar, zevenaarClient.id)).toHaveLength(1);
  });

  it('accepts only DUO: another certificate, a wrong sender OIN or plain HTTP is refused', async () => {
    const client = await register(arnhem, 761, ARNHEM_OIN);
    const stranger = await duo.notify(notifyUrl, { bsn: client.bsn, gebeurtenisId: 'SS199' }, { doel: ARNHEM_OIN, certPath: certs.strangerCertPath, keyPath: certs.strangerKeyPath });
    expect(stranger.status).toBe(401);
    // A certificate from the right CA that is not DUO's (the municipality's own).
    const notDuo = await duo.notify(notifyUrl, { bsn: client.bsn, gebeurtenisId: 'SS199' }, { doel: ARNHEM_OIN, certPath: certs.clientCertPath, keyPath: certs.clientKeyPath });
    expect(notDuo.status).toBe(401);
    const wrongBron = await duo.notify(notifyUrl, { bsn: client.bsn, gebeurtenisId: 'SS199' }, { doel: ARNHEM_OIN, bron: '00000009999999999000' });
    expect(wrongBron.status).toBe(403);
    const plain = await fetch(`${platform.url}/duo/v1/notificaties`, {
      method: 'POST', headers: { 'content-type': 'application/json', bron: DUO_OIN, doel: ARNHEM_OIN, berichtId: randomUUID() },
      body: JSON.stringify({ registratieDatumTijd: new Date().toISOString(), bsn: client.bsn, gebeurtenisId: 'SS199' }),
    });
    expect(plain.status).toBe(401);
    expect((await pg.query(`SELECT count(*)::int AS n FROM duo_notification WHERE client_id = $1`, [client.id])).rows[0].n).toBe(0);
  });
});

import {
  AcceptPlacementDocument,
  ApproveHourPeriodDocument,
  ConfigureDuoLinkDocument,
  DuoContactPersonDocument,
  DuoMessagesDocument,
  PlacementOptionsDocument,
  ProviderPlacementDocument,
  RecordResultDocument,
  RefusedDuoMessagesDocument,
  RegisterClientDocument,
  RequestPlacementDocument,
  SetDuoContactPersonDocument,
  SetPipDocument,
  SubmitHourPeriodDocument,
  WithdrawPipAtDuoDocument,
  type DuoMessageFieldsFragment,
} from '@inburgering/contracts';
import { addDays, addMonths, MAP_THEMES } from '@inburgering/domain';
import { Client } from 'pg';
import { createTestCertificates, DUO_OIN, FakeDuo, type TestCertificates } from '../support/fake-duo';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { insertHours, weekInPreviousMonth } from '../support/hours-fixtures';
import { clientWithPip, newKey, today } from '../support/placement-helpers';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

const ARNHEM_OIN = '00000001002220647000';
const NEW_BEES_DUO_NUMBER = '12345678NB';

let certs: TestCertificates;
let duo: FakeDuo;
let platform: TestPlatform;
let pg: Client;
let consultant: GraphqlSession;
let newBees: GraphqlSession;
let arnhemId: string;

beforeAll(async () => {
  certs = createTestCertificates();
  duo = new FakeDuo(certs, new Set([ARNHEM_OIN]), today());
  await duo.start();
  platform = await startTestPlatform({ worker: true });
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  arnhemId = (await pg.query(`SELECT id FROM organisation WHERE cbs_code = 'GM0202'`)).rows[0].id;
  // The provider's DUO institution number, as looked up from DUO's list of recognised institutions.
  await pg.query(`UPDATE organisation SET duo_institution_number = $1 WHERE name = 'New Bees'`, [NEW_BEES_DUO_NUMBER]);
  const admin = await loginAs(platform.url, 'beheer@midden-gelderland.demo.nl');
  await admin.ok(ConfigureDuoLinkDocument, {
    input: {
      municipalityId: arnhemId, enabled: true, municipalityOin: ARNHEM_OIN, duoOin: DUO_OIN, baseUrl: duo.url,
      certPath: certs.clientCertPath, keyPath: certs.clientKeyPath, caPath: certs.caPath,
    },
  });
  consultant = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
}, 60_000);

afterAll(async () => {
  await pg?.end();
  await platform?.close();
  await duo?.stop();
  certs?.cleanup();
});

async function messages(clientId: string): Promise<DuoMessageFieldsFragment[]> {
  return (await consultant.ok(DuoMessagesDocument, { clientId })).duoMessages;
}

/** Waits until no message of the client is waiting or in flight, and returns them oldest first. */
async function settled(clientId: string, expected: number): Promise<DuoMessageFieldsFragment[]> {
  return waitFor(`${expected} berichten afgehandeld`, async () => {
    const all = await messages(clientId);
    const live = all.filter((m) => m.status !== 'SUPERSEDED');
    return live.length === expected && live.every((m) => m.status === 'ACCEPTED' || m.status === 'REFUSED') ? [...all].reverse() : undefined;
  }, 60_000);
}

async function registerAtDuo(seed: number, options: Parameters<typeof clientWithPip>[1] = {}, obligationStart?: string) {
  const input = clientWithPip(seed, options);
  duo.addPerson({ bsn: input.bsn, municipalityOin: ARNHEM_OIN, obligationStart: obligationStart ?? addDays(input.brpRegistrationDate, -30) });
  const { registerClient } = await consultant.ok(RegisterClientDocument, { input });
  return { id: registerClient.id, bsn: input.bsn, input };
}

describe('DUO link, outgoing (Midden-Gelderland: Arnhem)', () => {
  it('sends every message kind from registration to completion, once each, over mutual TLS', async () => {
    const client = await registerAtDuo(601, { pipMonthsAgo: 4 });
    await settled(client.id, 1);
    expect(duo.persons.get(client.bsn)!.pip).toMatchObject({ dagtekeningPip: client.input.pipSignedOn, leerroute: 'B', niveau: 'B1', oin: ARNHEM_OIN });

    // PIP change: a later dagtekening.
    const changedOn = addMonths(today(), -3);
    await consultant.ok(SetPipDocument, { input: { clientId: client.id, pipSignedOn: changedOn, route: 'B1', level: 'B1', pipMinutesPerWeek: 720 } });
    await settled(client.id, 2);
    expect(duo.persons.get(client.bsn)!.pip!.dagtekeningPip).toBe(changedOn);

    // Offer: New Bees accepts the placement.
    const { placementOptions } = await consultant.ok(PlacementOptionsDocument, { clientId: client.id });
    const bees = placementOptions[0].providers.find((p) => p.provider.name === 'New Bees')!;
    const slot = bees.startMoments[0];
    const { requestPlacement } = await consultant.ok(RequestPlacementDocument, {
      input: { clientId: client.id, lotId: placementOptions[0].lot.id, providerId: bees.provider.id, startMomentId: slot.id, idempotencyKey: newKey() },
    });
    const { providerPlacement } = await newBees.ok(ProviderPlacementDocument, { id: requestPlacement.id });
    await newBees.ok(AcceptPlacementDocument, { input: { placementId: requestPlacement.id, version: providerPlacement.version, startDate: slot.startsOn, location: 'Arnhem', groupName: 'DUO-test' } });
    await settled(client.id, 3);
    expect(duo.persons.get(client.bsn)!.offers[NEW_BEES_DUO_NUMBER]).toMatchObject({ datumInburgeringsaanbod: today(), indicatorAlfabetiseringsonderwijs: 'NVT' });

    // Hours: a month of lessons, approved by the consultant.
    await pg.query(`UPDATE placement SET status = 'STARTED', start_date = $2 WHERE id = $1`, [requestPlacement.id, addMonths(today(), -2)]);
    const { days, month } = weekInPreviousMonth();
    const placement = { placementId: requestPlacement.id, clientId: client.id, clientNumber: 0, clientName: '', municipalityId: arnhemId };
    await insertHours(pg, placement, 'LANGUAGE', 5, 180, days[0]);
    await insertHours(pg, placement, 'KNM', 2, 90, days[0]);
    // An instroomklas before the route (Oss, issue #15): its hours are brede-intake hours, left out of the route's language
    // hours at DUO ("De uren uit Brede Intake tellen niet mee", GevolgdeUren API), so 18 stays 18.
    const klas = (await pg.query(`INSERT INTO placement (client_id, municipality_id, provider_id, kind, route, status, requested_at, start_date, idempotency_key)
      SELECT client_id, municipality_id, provider_id, 'INSTROOMKLAS', route, 'STARTED', now(), $2, 'duo-test-instroomklas' FROM placement WHERE id = $1 RETURNING id`,
    [requestPlacement.id, addMonths(today(), -3)])).rows[0].id as string;
    await insertHours(pg, { ...placement, placementId: klas }, 'LANGUAGE', 3, 180, days[0]);
    const { submitHourPeriod } = await newBees.ok(SubmitHourPeriodDocument, { input: { municipalityId: arnhemId, month } });
    await consultant.ok(ApproveHourPeriodDocument, { periodId: submitHourPeriod.id! });
    await settled(client.id, 4);
    expect(duo.persons.get(client.bsn)!.hours).toEqual({ participatietaalles: 18 });

    // MAP and PVT completion (within the term: no blameworthiness indication).
    const done = addDays(today(), -1);
    await consultant.ok(RecordResultDocument, {
      input: { clientId: client.id, kind: 'MAP', resultDate: done, milestoneDate: done, mapThemes: [...MAP_THEMES], minutes: 40 * 60, passed: true, idempotencyKey: newKey() },
    });
    await consultant.ok(RecordResultDocument, {
      input: { clientId: client.id, kind: 'PVT', resultDate: done, milestoneDate: done, minutes: 12 * 60, excursionDone: true, passed: true, idempotencyKey: newKey() },
    });
    const all = await settled(client.id, 6);
    expect(duo.persons.get(client.bsn)!.map).toEqual({ datumEindgesprekMap: done });
    expect(duo.persons.get(client.bsn)!.pvt).toEqual({ datumOndertekeningPvt: done });
    expect(all.map((m) => [m.kind, m.status])).toEqual([
      ['PIP_REGISTER', 'ACCEPTED'], ['PIP_CHANGE', 'ACCEPTED'], ['OFFER', 'ACCEPTED'], ['HOURS', 'ACCEPTED'], ['MAP', 'ACCEPTED'], ['PVT', 'ACCEPTED'],
    ]);
    // DUO saw our OIN and one berichtId per message.
    const mine = duo.received.filter((r) => r.path.includes(client.bsn));
    expect(new Set(mine.map((r) => r.bron))).toEqual(new Set([ARNHEM_OIN]));
    expect(mine).toHaveLength(6);
  }, 120_000);

  it('sends the Z-route completion after MAP and PVT for a Z-route client', async () => {
    const client = await registerAtDuo(602, { route: 'Z', level: 'A2', pipMonthsAgo: 10 });
    await settled(client.id, 1);
    const { rows: [placement] } = await pg.query(
      `INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, route, status, requested_at, start_date, group_name, idempotency_key)
       SELECT $1, $2, c.lot_id, c.id, c.provider_id, 'Z', 'STARTED', now(), $3, 'Z-test', $4 FROM contract c
         JOIN organisation p ON p.id = c.provider_id AND p.name = 'New Bees' JOIN lot l ON l.id = c.lot_id AND l.subject = 'Z'
         JOIN lot_municipality lm ON lm.lot_id = l.id AND lm.municipality_id = $2 LIMIT 1 RETURNING id`,
      [client.id, arnhemId, addMonths(today(), -9), newKey()],
    );
    const fixture = { placementId: placement.id, clientId: client.id, clientNumber: 0, clientName: '', municipalityId: arnhemId };
    await insertHours(pg, fixture, 'LANGUAGE', 100, 480, addMonths(today(), -8));
    await insertHours(pg, fixture, 'PARTICIPATION', 100, 480, addMonths(today(), -8));
    const mapOn = addDays(today(), -10);
    const pvtOn = addDays(today(), -9);
    const zOn = addDays(today(), -2);
    await consultant.ok(RecordResultDocument, {
      input: { clientId: client.id, kind: 'MAP', resultDate: mapOn, milestoneDate: mapOn, mapThemes: [...MAP_THEMES], minutes: 40 * 60, passed: true, idempotencyKey: newKey() },
    });
    await consultant.ok(RecordResultDocument, {
      input: { clientId: client.id, kind: 'PVT', resultDate: pvtOn, milestoneDate: pvtOn, minutes: 12 * 60, excursionDone: true, passed: true, idempotencyKey: newKey() },
    });
    await consultant.ok(RecordResultDocument, { input: { clientId: client.id, kind: 'Z_COMPLETION', resultDate: zOn, milestoneDate: zOn, passed: true, idempotencyKey: newKey() } });
    const all = await settled(client.id, 4);
    expect(all.map((m) => [m.kind, m.status])).toEqual([['PIP_REGISTER', 'ACCEPTED'], ['MAP', 'ACCEPTED'], ['PVT', 'ACCEPTED'], ['Z_ROUTE', 'ACCEPTED']]);
    expect(duo.persons.get(client.bsn)!.zroute).toEqual({ datumAfrondingZroute: zOn });
  }, 120_000);

  it('withdraws a PIP at DUO while DUO allows it, and refuses with the reason once DUO set the term', async () => {
    const client = await registerAtDuo(603, { pipMonthsAgo: 1 });
    await settled(client.id, 1);
    await consultant.ok(WithdrawPipAtDuoDocument, { input: { clientId: client.id } });
    const all = await settled(client.id, 2);
    expect(all[1]).toMatchObject({ kind: 'PIP_WITHDRAW', status: 'ACCEPTED' });
    expect(duo.persons.get(client.bsn)!.pip).toBeNull();

    const other = await registerAtDuo(604, { pipMonthsAgo: 1 });
    await settled(other.id, 1);
    await pg.query(`INSERT INTO duo_client_state (client_id, municipality_id, term_start, term_end) VALUES ($1, $2, $3, $4)`, [other.id, arnhemId, today(), addMonths(today(), 36)]);
    const refused = await consultant.request(WithdrawPipAtDuoDocument, { input: { clientId: other.id } });
    expect(refused.errors?.[0].extensions?.fields?.[0].message).toContain('DUO heeft de inburgeringstermijn al vastgesteld');
    expect(await messages(other.id)).toHaveLength(1);
  }, 120_000);

  it('loses nothing and sends nothing twice when DUO is down during a day of work', async () => {
    const a = await registerAtDuo(611, { pipMonthsAgo: 5 });
    const b = await registerAtDuo(612, { pipMonthsAgo: 5 });
    await Promise.all([settled(a.id, 1), settled(b.id, 1)]);
    duo.failNext(4, 503);
    await consultant.ok(SetPipDocument, { input: { clientId: a.id, pipSignedOn: addMonths(today(), -4), route: 'B1', level: 'B1', pipMinutesPerWeek: 720 } });
    await consultant.ok(SetPipDocument, { input: { clientId: b.id, pipSignedOn: addMonths(today(), -4), route: 'B1', level: 'B1', pipMinutesPerWeek: 720 } });
    const [ma, mb] = await Promise.all([settled(a.id, 2), settled(b.id, 2)]);
    for (const m of [...ma, ...mb]) expect(m.status).toBe('ACCEPTED');
    expect(ma.some((m) => m.attempts > 1) || mb.some((m) => m.attempts > 1)).toBe(true);
    // DUO processed every message exactly once, though some arrived more than once.
    const processed = duo.processed;
    expect(new Set(processed).size).toBe(processed.length);
    const ids = (await pg.query(`SELECT bericht_id FROM duo_message WHERE client_id = ANY($1)`, [[a.id, b.id]])).rows.map((r) => r.bericht_id as string);
    for (const id of ids) expect(processed.filter((p) => p === id)).toHaveLength(1);
    expect(duo.received.filter((r) => r.status === 503).length).toBe(4);
  }, 120_000);

  it('shows the consultant why DUO refused a message, in the client and in the municipality-wide list, with a signal', async () => {
    const pipMonthsAgo = 2;
    // DUO knows an obligation that started after the PIP date the municipality sends.
    const client = await registerAtDuo(621, { pipMonthsAgo }, addMonths(today(), -1));
    const [refused] = await settled(client.id, 1);
    expect(refused.status).toBe('REFUSED');
    expect(refused.errors).toEqual(['De datum dagtekening ligt voor de start van de inburgeringsplicht']);
    expect(refused.attempts).toBe(1);
    const { refusedDuoMessagePage: { items: refusedDuoMessages } } = await consultant.ok(RefusedDuoMessagesDocument, {});
    expect(refusedDuoMessages.find((m) => m.id === refused.id)).toMatchObject({ kindLabel: 'PIP aanleveren', clientId: client.id });
    const signals = await consultant.ok<{ signals: { items: { message: string; subjectId: string }[] } }, unknown>(`{ signals: signalPage(kinds: ["DUO_MESSAGE_REFUSED"], limit: 200) { items { message subjectId } } }`);
    const signal = signals.signals.items.find((s) => s.subjectId === client.id)!;
    expect(signal.message).toContain('De datum dagtekening ligt voor de start van de inburgeringsplicht');
    // Not retried blindly: DUO heard it once.
    expect(duo.received.filter((r) => r.path.includes(client.bsn))).toHaveLength(1);
    // Other municipalities do not see it.
    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    expect((await zevenaar.ok(RefusedDuoMessagesDocument, {})).refusedDuoMessagePage.items.map((m) => m.id)).not.toContain(refused.id);
    expect((await zevenaar.request(DuoMessagesDocument, { clientId: client.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');
  }, 120_000);

  it('sends nothing for a client without a PIP', async () => {
    const input = { ...clientWithPip(631), pipSignedOn: undefined, route: undefined, level: undefined, intakeCompletedOn: undefined };
    const { registerClient } = await consultant.ok(RegisterClientDocument, { input });
    expect(await messages(registerClient.id)).toEqual([]);
  });

  it('checks DUO\'s rules before sending: an offer at a provider without a DUO institution number is refused here, with what to fix', async () => {
    await pg.query(`UPDATE organisation SET duo_institution_number = NULL WHERE name = 'New Bees'`);
    try {
      const client = await registerAtDuo(641, { pipMonthsAgo: 2 });
      await settled(client.id, 1);
      const { placementOptions } = await consultant.ok(PlacementOptionsDocument, { clientId: client.id });
      const bees = placementOptions[0].providers.find((p) => p.provider.name === 'New Bees')!;
      const { requestPlacement } = await consultant.ok(RequestPlacementDocument, {
        input: { clientId: client.id, lotId: placementOptions[0].lot.id, providerId: bees.provider.id, startMomentId: bees.startMoments[0].id, idempotencyKey: newKey() },
      });
      const { providerPlacement } = await newBees.ok(ProviderPlacementDocument, { id: requestPlacement.id });
      await newBees.ok(AcceptPlacementDocument, { input: { placementId: requestPlacement.id, version: providerPlacement.version, startDate: bees.startMoments[0].startsOn, location: 'Arnhem' } });
      const all = await settled(client.id, 2);
      expect(all[1]).toMatchObject({ kind: 'OFFER', status: 'REFUSED', attempts: 0 });
      expect(all[1].errors[0]).toContain('geen DUO-instellingsnummer');
      expect(duo.received.filter((r) => r.path.includes(client.bsn))).toHaveLength(1);
    } finally {
      await pg.query(`UPDATE organisation SET duo_institution_number = $1 WHERE name = 'New Bees'`, [NEW_BEES_DUO_NUMBER]);
    }
  }, 120_000);

  it('links the municipality\'s contact person to a client at DUO: checked first, registered at DUO once, resent only when it changes', async () => {
    const a = await registerAtDuo(651, { pipMonthsAgo: 2 });
    const b = await registerAtDuo(652, { pipMonthsAgo: 2 });
    await Promise.all([settled(a.id, 1), settled(b.id, 1)]);

    // DUO's format is checked here first: the consultant sees which field to fix, and nothing is written.
    const wrong = await consultant.request(SetDuoContactPersonDocument, { input: { clientId: a.id, name: 'J4n', email: 'jan', phone: '12' } });
    expect(wrong.errors?.[0].extensions?.fields?.map((f: { field: string }) => f.field)).toEqual(['name', 'email', 'phone']);
    expect(wrong.errors?.[0].extensions?.fields?.[2].message).toContain('telefoonnummer');
    expect((await consultant.ok(DuoContactPersonDocument, { clientId: a.id })).duoContactPerson).toBeNull();
    // Another municipality cannot record one for Arnhem's client.
    const zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    const foreign = await zevenaar.request(SetDuoContactPersonDocument, { input: { clientId: a.id, name: 'Piet Jansen', email: 'p.jansen@zevenaar.nl', phone: '0316 595 111' } });
    expect(foreign.errors?.[0].extensions?.code).toBe('NOT_FOUND');

    // DUO is down when the contact person is first registered: retried, registered once.
    duo.failNext(1, 503);
    const contact = { name: "Anne-Marie van 't Hof", email: 'A.vanthof@arnhem.nl', phone: '026 377 4911' };
    const set = await consultant.ok(SetDuoContactPersonDocument, { input: { clientId: a.id, ...contact } });
    expect(set.setDuoContactPerson).toMatchObject({ name: contact.name, email: 'a.vanthof@arnhem.nl', phone: contact.phone, status: 'WAITING' });
    const afterA = await settled(a.id, 2);
    expect(afterA[1]).toMatchObject({ kind: 'CONTACT_PERSON', kindLabel: 'Contactpersoon', status: 'ACCEPTED' });
    expect((await consultant.ok(DuoContactPersonDocument, { clientId: a.id })).duoContactPerson).toMatchObject({ status: 'ACCEPTED', errors: [] });
    const atDuo = [...duo.contactPersons.values()].filter((c) => c.oin === ARNHEM_OIN && c.email === 'a.vanthof@arnhem.nl');
    expect(atDuo).toEqual([expect.objectContaining({ naam: contact.name, telefoonnummer: contact.phone })]);
    expect(duo.persons.get(a.bsn)!.contactPersonId).toBe(atDuo[0].id);

    // The same details again: nothing new is sent. For another client: DUO's contact person is reused.
    await consultant.ok(SetDuoContactPersonDocument, { input: { clientId: a.id, ...contact } });
    expect(await messages(a.id)).toHaveLength(2);
    await consultant.ok(SetDuoContactPersonDocument, { input: { clientId: b.id, ...contact } });
    await settled(b.id, 2);
    expect(duo.persons.get(b.bsn)!.contactPersonId).toBe(atDuo[0].id);
    expect(duo.received.filter((r) => r.method === 'POST' && r.path === '/contactpersonen').map((r) => r.status)).toEqual([503, 201]);

    // Someone else becomes the contact person: a new one at DUO, whose link replaces the old one.
    await consultant.ok(SetDuoContactPersonDocument, { input: { clientId: a.id, name: 'Jan de Vries', email: 'j.devries@arnhem.nl', phone: '+31 26 377 4912' } });
    const finalA = await settled(a.id, 3);
    expect(finalA[2]).toMatchObject({ kind: 'CONTACT_PERSON', status: 'ACCEPTED' });
    expect(duo.contactPersons.get(duo.persons.get(a.bsn)!.contactPersonId!)).toMatchObject({ naam: 'Jan de Vries', oin: ARNHEM_OIN });
    expect((await consultant.ok(DuoContactPersonDocument, { clientId: a.id })).duoContactPerson).toMatchObject({ name: 'Jan de Vries', status: 'ACCEPTED' });
  }, 120_000);

  it('calls DUO outside any lock or transaction: while DUO is slow the consultant can still change the same client, and the order per client holds', async () => {
    const release = duo.holdNext();
    const client = await registerAtDuo(671, { pipMonthsAgo: 2 });
    await waitFor('het PIP wacht bij een trage DUO', async () => duo.held === 1);
    // The same client's DUO work (it takes the client's lock) is not kept waiting by the call to DUO.
    const set = await consultant.ok(SetDuoContactPersonDocument, { input: { clientId: client.id, name: 'Els Bakker', email: 'e.bakker@arnhem.nl', phone: '026 377 4913' } });
    expect(set.setDuoContactPerson).toMatchObject({ status: 'WAITING' });
    expect((await messages(client.id)).map((m) => [m.kind, m.status])).toEqual([['CONTACT_PERSON', 'WAITING'], ['PIP_REGISTER', 'SENT']]);
    expect(duo.held).toBe(1);
    release();
    const sent = await settled(client.id, 2);
    expect(sent.map((m) => [m.kind, m.status])).toEqual([['PIP_REGISTER', 'ACCEPTED'], ['CONTACT_PERSON', 'ACCEPTED']]);
    // DUO got the PIP before the contact person (its link needs the PIP), and each once.
    const paths = duo.received.filter((r) => r.path.includes(client.bsn) || r.path === '/contactpersonen').map((r) => r.path.replace(client.bsn, '{bsn}'));
    expect(paths.indexOf('/personen/{bsn}/PIP')).toBeLessThan(paths.findIndex((p) => p.startsWith('/contactpersonen/')));
    expect(paths.filter((p) => p === '/personen/{bsn}/PIP')).toHaveLength(1);
  }, 120_000);

  it('after a worker died mid-send: a live claim is left alone, an expired one is sent again under the same berichtId, and DUO does it once', async () => {
    const client = await registerAtDuo(672, { pipMonthsAgo: 2 });
    const [pip] = await settled(client.id, 1);
    const { rows: [{ bericht_id: berichtId }] } = await pg.query<{ bericht_id: string }>(`SELECT bericht_id FROM duo_message WHERE id = $1`, [pip.id]);
    const redeliver = async () => (await pg.query<{ id: string }>(
      `INSERT INTO outbox_message (job_name, payload) VALUES ('duo.send', jsonb_build_object('messageId', $1::text, 'clientId', $2::text, 'municipalityId', $3::text)) RETURNING id`,
      [pip.id, client.id, arnhemId],
    )).rows[0].id;
    // Another job is still sending it (its claim lives): this job sends nothing.
    await pg.query(`UPDATE duo_message SET status = 'SENT', claimed_by = 'duo.send:levend', claimed_until = now() + interval '1 hour' WHERE id = $1`, [pip.id]);
    const first = await redeliver();
    await waitFor('job afgerond', async () => (await pg.query(`SELECT 1 FROM outbox_message WHERE id = $1 AND completed_at IS NOT NULL`, [first])).rowCount === 1);
    expect(duo.received.filter((r) => r.berichtId === berichtId)).toHaveLength(1);
    expect((await messages(client.id))[0].status).toBe('SENT');
    // That worker died after DUO answered but before the answer was recorded: once its claim expired, it is sent again.
    await pg.query(`UPDATE duo_message SET claimed_until = now() - interval '1 minute' WHERE id = $1`, [pip.id]);
    await redeliver();
    expect((await settled(client.id, 1))[0].status).toBe('ACCEPTED');
    expect(duo.received.filter((r) => r.berichtId === berichtId).map((r) => r.status)).toEqual([201, 201]);
    expect(duo.processed.filter((id) => id === berichtId)).toHaveLength(1);
  }, 120_000);
});

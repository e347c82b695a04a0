import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import {
  AcceptInvitationDocument, AdminChangesDocument, AdministrationDocument, ChangeUserRoleDocument, InviteUserDocument, ManagedUsersDocument,
  RemoveSubRegionDocument, SaveManagedProviderDocument, SaveMunicipalityDocument, SaveSubRegionDocument, SentInvitationsDocument, SetUserActiveDocument,
} from '@inburgering/contracts';
import { Client } from 'pg';
import { SettableClock } from '../../apps/api/src/clock';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { DEMO_PASSWORD, GraphqlSession, loginAs } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// Issue 14, "Managing organisations and users": the region's functioneel beheerder keeps municipalities, sub-regions,
// providers and accounts of its own region; a provider's own administrator its staff and teachers; every change is in
// the history; the admin sees no client data.

const clock = new SettableClock(new Date('2026-11-30T09:00:00Z'));
let platform: TestPlatform;
let second: INestApplication;
let secondUrl: string;
let pg: Client;
let admin: GraphqlSession;

const ADMIN = 'beheer@midden-gelderland.demo.nl';
const one = async <T>(sql: string, params: unknown[] = []): Promise<T> => (await pg.query(sql, params)).rows[0] as T;
const fieldsOf = (result: { errors?: { extensions?: { fields?: { field: string; message: string }[] } }[] }) =>
  Object.fromEntries((result.errors?.[0]?.extensions?.fields ?? []).map((f) => [f.field, f.message]));

beforeAll(async () => {
  platform = await startTestPlatform({ clock, worker: true });
  second = await createApiApp(platform.config);
  await second.listen(0, '127.0.0.1');
  secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  admin = await loginAs(platform.url, ADMIN);
}, 120_000);
afterAll(async () => {
  await pg?.end();
  await second?.close();
  await platform?.close();
});

async function invite(session: GraphqlSession, organisationId: string, email: string, role: 'TEACHER' | 'CONSULTANT' | 'PROVIDER_USER' | 'PROJECTLEIDER' | 'FINANCIAL_OFFICER' = 'CONSULTANT') {
  return session.request(InviteUserDocument, { input: { organisationId, email, displayName: 'Sanne de Wit', role } });
}
const tokenOf = (body: string) => /\/uitnodiging\/([A-Za-z0-9_-]+)/.exec(body)![1];

describe('municipalities, sub-regions and providers', () => {
  it('refuses a wrong CBS code, OIN and KvK number field by field in Dutch', async () => {
    const municipality = await admin.request(SaveMunicipalityDocument, { input: { name: '', cbsCode: '0202', oin: '123' } });
    expect(municipality.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(fieldsOf(municipality)).toEqual({
      name: 'Vul de naam van de gemeente in.',
      cbsCode: 'Een CBS-gemeentecode is GM met vier cijfers, bijvoorbeeld GM0202.',
      oin: 'Een OIN bestaat uit 20 cijfers.',
    });
    const provider = await admin.request(SaveManagedProviderDocument, { input: { name: 'Taalhuis Ede', kvkNumber: '1234', providerKind: 'LANGUAGE_SCHOOL', hasKeurmerk: true } });
    expect(fieldsOf(provider)).toEqual({ kvkNumber: 'Een KvK-nummer bestaat uit 8 cijfers.' });
    const keurmerk = await admin.request(SaveManagedProviderDocument, { input: { name: 'Taalhuis Ede', kvkNumber: '12345678', providerKind: 'LANGUAGE_SCHOOL', hasKeurmerk: true } });
    expect(fieldsOf(keurmerk)).toEqual({ keurmerkNumber: 'Vul het nummer van het keurmerk in.', keurmerkValidUntil: 'Vul in tot wanneer het keurmerk geldig is.' });
    const taken = await admin.request(SaveMunicipalityDocument, { input: { name: 'Dubbel', cbsCode: 'GM0202' } });
    expect(fieldsOf(taken)).toEqual({ cbsCode: 'Er is al een gemeente met deze CBS-code.' });
  });

  it('adds a municipality, creates and renames a sub-region, moves the municipality into it, and logs each change with who and what', async () => {
    const created = await admin.ok(SaveMunicipalityDocument, { input: { name: 'Renkum', cbsCode: 'GM0274', oin: '00000001001234567000' } });
    const subRegion = await admin.ok(SaveSubRegionDocument, { input: { name: 'Zuidwest' } });
    const renamed = await admin.ok(SaveSubRegionDocument, { input: { id: subRegion.saveSubRegion.id, name: 'Zuidwest-Veluwe' } });
    expect(renamed.saveSubRegion.name).toBe('Zuidwest-Veluwe');
    const moved = await admin.ok(SaveMunicipalityDocument, { input: { id: created.saveMunicipality.id, name: 'Renkum', cbsCode: 'GM0274', oin: '00000001001234567000', subRegionId: subRegion.saveSubRegion.id } });
    expect(moved.saveMunicipality.subRegionName).toBe('Zuidwest-Veluwe');
    const overview = await admin.ok(AdministrationDocument);
    expect(overview.administration.subRegions.find((s) => s.id === subRegion.saveSubRegion.id)?.municipalityNames).toEqual(['Renkum']);
    const history = await admin.ok(AdminChangesDocument, { limit: 10, offset: 0 });
    const summaries = history.adminChanges.items.map((c) => c.summary);
    expect(summaries).toEqual(expect.arrayContaining([
      'Gemeente toegevoegd: Renkum (naam: Renkum; CBS-code: GM0274; OIN: 00000001001234567000; subregio: (leeg))',
      'Subregio aangemaakt: Zuidwest',
      'Subregio hernoemd: Zuidwest → Zuidwest-Veluwe',
      'Gemeente gewijzigd: Renkum (subregio: (leeg) → Zuidwest-Veluwe)',
    ]));
    expect(new Set(history.adminChanges.items.map((c) => c.actorName))).toEqual(new Set(['Functioneel beheerder Arbeidsmarktregio Midden-Gelderland']));
    expect(history.adminChanges.items[0].occurredAt).toBe('2026-11-30T09:00:00.000Z');
  });

  it('logs a sub-region the projectleider creates on Regio-inrichting in the same history', async () => {
    const projectleider = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
    const arnhem = await one<{ id: string }>(`SELECT organisation_id AS id FROM app_user WHERE email = 'consulent@arnhem.demo.nl'`);
    await projectleider.ok(`mutation($input: CreateSubRegionInput!) { createSubRegion(input: $input) { id } }`, { input: { name: 'Rijnstreek', municipalityIds: [arnhem.id] } });
    const history = (await admin.ok(AdminChangesDocument, { limit: 50, offset: 0 })).adminChanges.items;
    expect(history.find((c) => c.summary === 'Subregio aangemaakt: Rijnstreek')?.actorName).toBe('Projectleider Arbeidsmarktregio Midden-Gelderland');
  });

  it('removes an unused sub-region, and refuses one a lot uses with the reason in Dutch', async () => {
    const unused = await admin.ok(SaveSubRegionDocument, { input: { name: 'Tijdelijk' } });
    expect((await admin.ok(RemoveSubRegionDocument, { input: { subRegionId: unused.saveSubRegion.id } })).removeSubRegion).toBe(true);
    const used = await one<{ id: string; name: string; lot: string }>(
      `SELECT sr.id, sr.name, l.name AS lot FROM sub_region sr JOIN lot l ON l.sub_region_id = sr.id JOIN organisation r ON r.id = sr.region_id WHERE r.name LIKE '%Midden-Gelderland%' LIMIT 1`,
    );
    const refused = await admin.request(RemoveSubRegionDocument, { input: { subRegionId: used.id } });
    expect(fieldsOf(refused).subRegionId).toMatch(new RegExp(`^De subregio ${used.name} kan niet weg: (het perceel|de percelen) .*"${used.lot}"`));
    expect(await one<{ n: string }>(`SELECT count(*) AS n FROM sub_region WHERE id = $1`, [used.id])).toEqual({ n: '1' });
  });

  it('answers another region\'s municipality, sub-region and provider like an unknown one', async () => {
    const foreign = await one<{ municipality: string; sub_region: string }>(
      `SELECT m.id AS municipality, (SELECT sr.id FROM sub_region sr WHERE sr.region_id = r.id LIMIT 1) AS sub_region
       FROM organisation r JOIN organisation m ON m.region_id = r.id AND m.kind = 'MUNICIPALITY' WHERE r.name LIKE '%Noordoost-Brabant%' LIMIT 1`,
    );
    const municipality = await admin.request(SaveMunicipalityDocument, { input: { id: foreign.municipality, name: 'Overgenomen', cbsCode: 'GM0999' } });
    expect(municipality.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(municipality.errors?.[0].message).toBe('Deze gemeente bestaat niet of is niet bij uw organisatie bekend.');
    if (foreign.sub_region) {
      const removal = await admin.request(RemoveSubRegionDocument, { input: { subRegionId: foreign.sub_region } });
      expect(removal.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    }
    const leijgraaf = await one<{ id: string }>(`SELECT organisation_id AS id FROM app_user WHERE email = 'aanbieder@leijgraaf.demo.nl'`);
    const provider = await admin.request(SaveManagedProviderDocument, { input: { id: leijgraaf.id, name: 'X', kvkNumber: '87654321', providerKind: 'LANGUAGE_SCHOOL', hasKeurmerk: false } });
    expect(provider.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const users = await admin.request(ManagedUsersDocument, { organisationId: foreign.municipality, limit: 50, offset: 0 });
    expect(users.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const oss = await one<{ id: string }>(`SELECT id FROM app_user WHERE email = 'consulent@oss.demo.nl'`);
    const deactivate = await admin.request(SetUserActiveDocument, { input: { userId: oss.id, active: false } });
    expect(deactivate.errors?.[0].message).toBe('Deze gebruiker bestaat niet of is niet bij uw organisatie bekend.');
    expect(await one(`SELECT deactivated_at FROM app_user WHERE id = $1`, [oss.id])).toEqual({ deactivated_at: null });
  });
});

describe('accounts', () => {
  it('lists the accounts of the region\'s organisations, never another region\'s', async () => {
    const page = await admin.ok(ManagedUsersDocument, { limit: 200, offset: 0 });
    const emails = page.managedUsers.items.map((u) => u.email);
    expect(emails).toEqual(expect.arrayContaining(['consulent@arnhem.demo.nl', 'projectleider@midden-gelderland.demo.nl', 'aanbieder@newbees.demo.nl']));
    expect(emails.filter((e) => /oss|noordoost|leijgraaf|kerkrade/.test(e))).toEqual([]);
    const arnhem = page.managedUsers.organisations.find((o) => o.name === 'Gemeente Arnhem');
    expect(arnhem?.assignableRoles).toEqual(['CONSULTANT', 'FINANCIAL_OFFICER']);
  });

  it('invites by e-mail: a hashed token, a mail through the outbox, a link that works once and not after a week', async () => {
    const arnhem = await one<{ id: string }>(`SELECT organisation_id AS id FROM app_user WHERE email = 'consulent@arnhem.demo.nl'`);
    const wrongRole = await invite(admin, arnhem.id, 'nieuw@arnhem.nl', 'TEACHER');
    expect(fieldsOf(wrongRole)).toEqual({ role: 'De rol docent past niet bij een gemeente of mag u niet toekennen.' });
    const duplicate = await invite(admin, arnhem.id, 'consulent@arnhem.demo.nl');
    expect(fieldsOf(duplicate)).toEqual({ email: 'Er is al een gebruiker of een openstaande uitnodiging met dit e-mailadres.' });

    const sent = (await admin.ok(InviteUserDocument, { input: { organisationId: arnhem.id, email: 'S.deWit@arnhem.nl', displayName: 'Sanne de Wit', role: 'CONSULTANT' } })).inviteUser;
    const token = tokenOf(sent.body);
    expect(new Date(sent.expiresAt).toISOString()).toBe('2026-12-07T09:00:00.000Z');
    const stored = await one<{ token_hash: string }>(`SELECT token_hash FROM user_invitation WHERE email = 's.dewit@arnhem.nl'`);
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // The worker "sends" it: the mail is marked sent.
    await waitFor('de uitnodiging is verzonden', async () => (await admin.ok(SentInvitationsDocument, { limit: 50, offset: 0 })).sentInvitationPage.items.find((m) => m.id === sent.id)?.sentAt ?? undefined);

    const anonymous = new GraphqlSession(platform.url);
    const short = await anonymous.request(AcceptInvitationDocument, { input: { token, password: 'kort' } });
    expect(fieldsOf(short)).toEqual({ password: 'Kies een wachtwoord van minstens 12 tekens.' });
    expect((await anonymous.ok(AcceptInvitationDocument, { input: { token, password: 'Een heel goed wachtwoord' } })).acceptInvitation).toBe(true);
    const again = await anonymous.request(AcceptInvitationDocument, { input: { token, password: 'Nog een goed wachtwoord' } });
    expect(again.errors?.[0].message).toBe('Deze uitnodiging is verlopen, al gebruikt of bestaat niet. Vraag uw beheerder om een nieuwe uitnodiging.');
    const login = await new GraphqlSession(platform.url).request(`mutation { login(input: { email: "s.dewit@arnhem.nl", password: "Een heel goed wachtwoord" }) { role organisation { name } } }`);
    expect(login.data).toEqual({ login: { role: 'CONSULTANT', organisation: { name: 'Gemeente Arnhem' } } });

    const late = (await admin.ok(InviteUserDocument, { input: { organisationId: arnhem.id, email: 'laat@arnhem.nl', displayName: 'Laat', role: 'FINANCIAL_OFFICER' } })).inviteUser;
    clock.set(new Date('2026-12-07T09:00:01Z'));
    try {
      const expired = await anonymous.request(AcceptInvitationDocument, { input: { token: tokenOf(late.body), password: 'Een heel goed wachtwoord' } });
      expect(expired.errors?.[0].extensions?.code).toBe('NOT_FOUND');
      expect(await one(`SELECT count(*) AS n FROM app_user WHERE email = 'laat@arnhem.nl'`)).toEqual({ n: '0' });
    } finally {
      clock.set(new Date('2026-11-30T09:00:00Z'));
    }
  });

  it('pages the sent invitations with their total: every one reached once, newest first, none cut off', async () => {
    const zevenaar = await one<{ id: string }>(`SELECT organisation_id AS id FROM app_user WHERE email = 'consulent@zevenaar.demo.nl'`);
    for (const n of [1, 2, 3]) {
      await admin.ok(InviteUserDocument, { input: { organisationId: zevenaar.id, email: `pagina${n}@zevenaar.nl`, displayName: `Pagina ${n}`, role: 'CONSULTANT' } });
    }
    const { total } = (await admin.ok(SentInvitationsDocument, { limit: 2, offset: 0 })).sentInvitationPage;
    expect(total).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    for (let offset = 0; offset < total; offset += 2) {
      const page = (await admin.ok(SentInvitationsDocument, { limit: 2, offset })).sentInvitationPage;
      expect(page.total).toBe(total);
      seen.push(...page.items.map((m) => m.recipient));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(seen.slice(0, 3)).toEqual(['pagina3@zevenaar.nl', 'pagina2@zevenaar.nl', 'pagina1@zevenaar.nl']);
    const tooMany = await admin.request(SentInvitationsDocument, { limit: 100000, offset: 0 });
    expect(tooMany.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('deactivates an account: it cannot log in, and its sessions end in every API process; reactivated it can again', async () => {
    const user = await one<{ id: string }>(`SELECT id FROM app_user WHERE email = 'consulent@zevenaar.demo.nl'`);
    const session = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    const cookie = session.lastSetCookie!.split(';')[0];
    const whoAmI = async (url: string) => ((await (await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query: '{ me { email } }' }) })).json()) as { data: { me: { email: string } | null } }).data.me?.email ?? null;
    expect(await whoAmI(secondUrl)).toBe('consulent@zevenaar.demo.nl');

    expect((await admin.ok(SetUserActiveDocument, { input: { userId: user.id, active: false } })).setUserActive.active).toBe(false);
    expect(await whoAmI(platform.url)).toBeNull();
    await waitFor('de andere API vergeet de sessie', async () => (await whoAmI(secondUrl)) === null, 5_000);
    const refused = await new GraphqlSession(platform.url).request(`mutation($e: String!, $p: String!) { login(input: { email: $e, password: $p }) { id } }`, { e: 'consulent@zevenaar.demo.nl', p: DEMO_PASSWORD });
    expect(refused.errors?.[0].message).toBe('Het e-mailadres of het wachtwoord is onjuist.');

    await admin.ok(SetUserActiveDocument, { input: { userId: user.id, active: true } });
    await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    // The test's clock stands still, so the order among changes of one instant is not fixed.
    const history = (await admin.ok(AdminChangesDocument, { limit: 50, offset: 0 })).adminChanges.items.map((c) => c.summary);
    expect(history).toEqual(expect.arrayContaining(['Consulent Zevenaar <consulent@zevenaar.demo.nl>: weer geactiveerd', 'Consulent Zevenaar <consulent@zevenaar.demo.nl>: gedeactiveerd (alle sessies beëindigd)']));
    const own = await one<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [ADMIN]);
    expect(fieldsOf(await admin.request(SetUserActiveDocument, { input: { userId: own.id, active: false } }))).toEqual({ userId: 'U kunt uw eigen account niet deactiveren; vraag een andere beheerder.' });
  });

  it('changes a role only to one the organisation kind allows', async () => {
    const officer = await one<{ id: string }>(`SELECT id FROM app_user WHERE email = 'financien@zevenaar.demo.nl'`);
    expect(fieldsOf(await admin.request(ChangeUserRoleDocument, { input: { userId: officer.id, role: 'PROJECTLEIDER' } }))).toEqual({ role: 'De rol projectleider past niet bij een gemeente of mag u niet toekennen.' });
    expect((await admin.ok(ChangeUserRoleDocument, { input: { userId: officer.id, role: 'CONSULTANT' } })).changeUserRole.role).toBe('CONSULTANT');
  });
});

describe('a provider\'s own administrator', () => {
  it('manages only its own provider\'s staff and teachers, with staff and teacher roles only', async () => {
    const provider = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const page = await provider.ok(ManagedUsersDocument, { limit: 50, offset: 0 });
    expect(new Set(page.managedUsers.items.map((u) => u.organisationName))).toEqual(new Set(['New Bees']));
    expect(page.managedUsers.organisations.map((o) => [o.name, o.assignableRoles])).toEqual([['New Bees', ['PROVIDER_USER', 'TEACHER']]]);

    const newBees = await one<{ id: string }>(`SELECT organisation_id AS id FROM app_user WHERE email = 'aanbieder@newbees.demo.nl'`);
    const invited = await provider.ok(InviteUserDocument, { input: { organisationId: newBees.id, email: 'docent3@newbees.nl', displayName: 'Derde docent', role: 'TEACHER' } });
    expect(invited.inviteUser.recipient).toBe('docent3@newbees.nl');
    expect(fieldsOf(await invite(provider, newBees.id, 'baas@newbees.nl', 'PROJECTLEIDER'))).toEqual({ role: 'De rol projectleider past niet bij een aanbieder of mag u niet toekennen.' });

    const teacher = await one<{ id: string }>(`SELECT id FROM app_user WHERE email = 'docent2@newbees.demo.nl'`);
    expect((await provider.ok(ChangeUserRoleDocument, { input: { userId: teacher.id, role: 'PROVIDER_USER' } })).changeUserRole.role).toBe('PROVIDER_USER');
    const promote = await provider.request(ChangeUserRoleDocument, { input: { userId: teacher.id, role: 'PROVIDER_USER', managesOwnUsers: true } });
    expect(fieldsOf(promote)).toEqual({ managesOwnUsers: 'Alleen de functioneel beheerder van de regio wijst de beheerder van een aanbieder aan.' });

    const sagennUser = await one<{ id: string; organisation_id: string }>(`SELECT id, organisation_id FROM app_user WHERE email = 'docent@sagenn.demo.nl'`);
    for (const result of [
      await provider.request(SetUserActiveDocument, { input: { userId: sagennUser.id, active: false } }),
      await provider.request(ChangeUserRoleDocument, { input: { userId: sagennUser.id, role: 'PROVIDER_USER' } }),
      await invite(provider, sagennUser.organisation_id, 'indringer@sagenn.nl', 'TEACHER'),
      await provider.request(ManagedUsersDocument, { organisationId: sagennUser.organisation_id, limit: 50, offset: 0 }),
    ]) expect(result.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(await one(`SELECT role, deactivated_at FROM app_user WHERE id = $1`, [sagennUser.id])).toEqual({ role: 'TEACHER', deactivated_at: null });

    // Another provider's staff without the mark manages nobody.
    const sagenn = await loginAs(platform.url, 'aanbieder@sagenn.demo.nl');
    expect((await sagenn.request(ManagedUsersDocument, { limit: 50, offset: 0 })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    // The region's admin sees the provider admin's changes to New Bees' accounts only through its own, not the other way.
    const history = (await provider.ok(AdminChangesDocument, { limit: 50, offset: 0 })).adminChanges.items;
    expect(history.every((c) => c.actorName === 'Medewerker New Bees' || /New Bees|newbees/.test(c.summary))).toBe(true);
  });
});

describe('the admin sees no personal data of clients', () => {
  it('is refused every client, signal and figures operation', async () => {
    const client = await one<{ id: string }>(`SELECT c.id FROM client c JOIN organisation m ON m.id = c.municipality_id WHERE m.name IN ('Arnhem', 'Gemeente Arnhem') ORDER BY c.id LIMIT 1`);
    for (const query of [
      `{ signalPage(limit: 10, offset: 0) { total } }`,
      `{ clients(limit: 10, offset: 0) { total } }`,
      `query($id: ID!) { client(id: $id) { id } }`,
      `mutation($id: ID!) { revealBsn(clientId: $id) }`,
      `{ deadlineSignals { total } }`,
    ]) {
      const variables = query.includes('$id') ? { id: client.id } : undefined;
      const result = await admin.request(query, variables);
      expect([query, result.errors?.[0]?.extensions?.code]).toEqual([query, 'FORBIDDEN']);
      expect(result.data).toBeNull();
    }
  });
});

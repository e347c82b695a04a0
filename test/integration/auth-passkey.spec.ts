import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { Client } from 'pg';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { DEMO_PASSWORD, GraphqlSession, type GraphqlResult } from '../support/graphql-session';
import { SoftAuthenticator } from '../support/soft-authenticator';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

// Passkeys (WebAuthn) as second factor (issue 14): a logged-in user registers one, then gives it at the login's second
// step instead of a code. The test is the browser and the authenticator (test/support/soft-authenticator.ts). The
// portal's origin is configured (PORTAL_ORIGIN), so the relying party is its host name.

const ORIGIN = 'https://portaal.example.nl';
const RP_ID = 'portaal.example.nl';
const ALICE = 'consulent@arnhem.demo.nl';
const BOB = 'consulent@zevenaar.demo.nl';
const WRONG_CODE = 'De code klopt niet of is al gebruikt. Neem de nieuwste code uit uw app, of een herstelcode.';

let platform: TestPlatform;
/** A second API process on the same database with SECOND_FACTOR=required. */
let required: INestApplication;
let requiredUrl: string;
let pg: Client;

beforeAll(async () => {
  platform = await startTestPlatform({ config: { secondFactor: 'offered', portalOrigin: ORIGIN, loginThrottle: { perAccount: 6 } } });
  required = await createApiApp({ ...platform.config, secondFactor: 'required' });
  await required.listen(0, '127.0.0.1');
  requiredUrl = `http://127.0.0.1:${(required.getHttpServer().address() as AddressInfo).port}`;
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
}, 120_000);
afterAll(async () => {
  await pg?.end();
  await required?.close();
  await platform?.close();
});

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { id } }`;
const STATUS = `{ secondFactorStatus { loginStep passkeyCount passkeys { id name createdAt lastUsedAt } } }`;
const START_REGISTRATION = `mutation { startPasskeyRegistration { optionsJson } }`;
const FINISH_REGISTRATION = `mutation ($input: FinishPasskeyRegistrationInput!) { finishPasskeyRegistration(input: $input) }`;
const REMOVE = `mutation ($input: RemovePasskeyInput!) { removePasskey(input: $input) }`;
const START_LOGIN = `mutation { startPasskeyLogin { optionsJson } }`;
const VERIFY_LOGIN = `mutation ($input: PasskeyLoginInput!) { verifyPasskeyLogin(input: $input) { email } }`;
const VERIFY_CODE = `mutation ($input: SecondFactorCodeInput!) { verifySecondFactor(input: $input) { email } }`;
const ME = `{ me { email } }`;

interface Status { loginStep: string; passkeyCount: number; passkeys: { id: string; name: string; createdAt: string; lastUsedAt: string | null }[] }

const errorOf = (result: GraphqlResult<unknown>) => ({ code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message, fields: result.errors?.[0]?.extensions?.fields });
const wrongCode = { code: 'BAD_USER_INPUT', fields: [{ field: 'code', message: WRONG_CODE }] };

async function passwordLogin(email: string, url = platform.url): Promise<GraphqlSession> {
  const session = new GraphqlSession(url);
  const result = await session.request(LOGIN, { input: { email, password: DEMO_PASSWORD } });
  if (result.errors) throw new Error(`Inloggen als ${email}: ${result.errors[0].message}`);
  return session;
}
const status = async (session: GraphqlSession) => (await session.ok<{ secondFactorStatus: Status }, unknown>(STATUS)).secondFactorStatus;
const meOf = async (session: GraphqlSession) => (await session.ok<{ me: { email: string } | null }, unknown>(ME)).me?.email ?? null;

async function registerPasskey(session: GraphqlSession, authenticator: SoftAuthenticator, name: string, client: { origin?: string } = {}) {
  const { startPasskeyRegistration } = await session.ok<{ startPasskeyRegistration: { optionsJson: string } }, unknown>(START_REGISTRATION);
  const options = JSON.parse(startPasskeyRegistration.optionsJson);
  return { options, result: await session.request(FINISH_REGISTRATION, { input: { name, responseJson: authenticator.register(options, client) } }) };
}

async function loginOptions(session: GraphqlSession): Promise<{ challenge: string; rpId: string; allowCredentials: { id: string }[]; userVerification: string }> {
  const { startPasskeyLogin } = await session.ok<{ startPasskeyLogin: { optionsJson: string } }, unknown>(START_LOGIN);
  return JSON.parse(startPasskeyLogin.optionsJson);
}

const verify = (session: GraphqlSession, responseJson: string) => session.request<{ verifyPasskeyLogin: { email: string } }, unknown>(VERIFY_LOGIN, { input: { responseJson } });

const alice = new SoftAuthenticator(RP_ID, ORIGIN);
const bob = new SoftAuthenticator(RP_ID, ORIGIN);

describe('passkeys as second factor', () => {
  it('registers a passkey on the own account (relying party from PORTAL_ORIGIN, user verification preferred); the user\'s other sessions end; the change is logged', async () => {
    const other = await passwordLogin(ALICE);
    const session = await passwordLogin(ALICE);
    const { options, result } = await registerPasskey(session, alice, 'Laptop werk');
    expect(result.errors).toBeUndefined();
    expect(options.rp).toEqual({ name: 'Inburgering Regio', id: RP_ID });
    expect(options.authenticatorSelection).toMatchObject({ userVerification: 'preferred' });
    expect(options.attestation).toBe('none');

    expect(await meOf(other)).toBeNull();
    expect(await meOf(session)).toBe(ALICE);
    const own = await status(session);
    expect(own.passkeyCount).toBe(1);
    expect(own.passkeys).toEqual([expect.objectContaining({ name: 'Laptop werk', lastUsedAt: null })]);
    const logged = await pg.query(`SELECT action FROM processing_log WHERE subject_type = 'USER_PASSKEY' AND $1 = ANY(subject_ids)`, [own.passkeys[0].id]);
    expect(logged.rows).toEqual([{ action: 'CREATE' }]);
    const stored = await pg.query(`SELECT credential_id, counter, transports FROM user_passkey`);
    expect(stored.rows).toEqual([{ credential_id: alice.id, counter: '0', transports: ['internal'] }]);

    // The same authenticator cannot be added twice: the options exclude it, and the API refuses it.
    const again = await registerPasskey(session, alice, 'Nog eens');
    expect(again.options.excludeCredentials).toEqual([expect.objectContaining({ id: alice.id })]);
    expect(errorOf(again.result)).toMatchObject({ code: 'CONFLICT', message: 'Deze passkey is al toegevoegd.' });
  });

  it('refuses a registration made for another origin, and one whose challenge was already used', async () => {
    const session = await passwordLogin(BOB);
    const stranger = new SoftAuthenticator(RP_ID, ORIGIN);
    const wrongOrigin = await registerPasskey(session, stranger, 'Vreemd', { origin: 'https://portaal.example.nl.evil.example' });
    expect(errorOf(wrongOrigin.result)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'response', message: 'De passkey kon niet worden gecontroleerd. Probeer het opnieuw.' }] });
    // The challenge went with the refused attempt: the same answer, now with the right origin, finds none.
    const replay = await session.request(FINISH_REGISTRATION, { input: { name: 'Opnieuw', responseJson: stranger.register(wrongOrigin.options) } });
    expect(errorOf(replay)).toMatchObject({ fields: [{ field: 'response', message: expect.stringContaining('duurde te lang of is al afgerond') }] });
    expect((await status(session)).passkeyCount).toBe(0);
  });

  it('asks for the second step after the password and accepts the passkey instead of a code; the counter and last use are kept', async () => {
    const session = await passwordLogin(ALICE);
    expect(await meOf(session)).toBeNull();
    // The second step learns that there is a passkey, not its name.
    expect(await status(session)).toMatchObject({ loginStep: 'SECOND_FACTOR', passkeyCount: 1, passkeys: [] });
    const options = await loginOptions(session);
    expect(options).toMatchObject({ rpId: RP_ID, userVerification: 'preferred', allowCredentials: [expect.objectContaining({ id: alice.id })] });
    const result = await verify(session, alice.authenticate(options));
    expect(result.errors).toBeUndefined();
    expect(result.data?.verifyPasskeyLogin.email).toBe(ALICE);
    expect(await meOf(session)).toBe(ALICE);
    const stored = await pg.query(`SELECT counter, last_used_at FROM user_passkey WHERE credential_id = $1`, [alice.id]);
    expect(stored.rows[0].counter).toBe(String(alice.counter));
    expect(stored.rows[0].last_used_at).not.toBeNull();
    expect((await status(session)).passkeys[0].lastUsedAt).not.toBeNull();
  });

  it('refuses a replayed answer (its challenge was used), a wrong origin and a counter that did not rise, as a wrong code', async () => {
    const first = await passwordLogin(ALICE);
    const used = alice.authenticate(await loginOptions(first));
    expect((await verify(first, used)).errors).toBeUndefined();

    const session = await passwordLogin(ALICE);
    // Replay: the answer of the finished login, against the new session (its own challenge is another one).
    const consumed = await loginOptions(session);
    expect(errorOf(await verify(session, used))).toMatchObject(wrongCode);
    // The failed attempt used up that challenge too: a good answer to it is refused; a new challenge passes.
    expect(errorOf(await verify(session, alice.authenticate(consumed)))).toMatchObject(wrongCode);
    expect((await verify(session, alice.authenticate(await loginOptions(session)))).errors).toBeUndefined();

    const wrongOrigin = await passwordLogin(ALICE);
    expect(errorOf(await verify(wrongOrigin, alice.authenticate(await loginOptions(wrongOrigin), { origin: 'https://evil.example' })))).toMatchObject(wrongCode);
    const sameCounter = await passwordLogin(ALICE);
    const last = alice.counter - 1; // the evil.example answer raised the local counter, the server kept the one before
    expect(errorOf(await verify(sameCounter, alice.authenticate(await loginOptions(sameCounter), { counter: last })))).toMatchObject(wrongCode);
    expect(await meOf(sameCounter)).toBeNull();
    // Still waiting for its second step: a rising counter passes.
    expect((await verify(sameCounter, alice.authenticate(await loginOptions(sameCounter)))).errors).toBeUndefined();
    expect(await meOf(sameCounter)).toBe(ALICE);
  });

  it('refuses another user\'s passkey and an unknown one at the second step, and a colleague cannot remove a passkey that is not theirs', async () => {
    const bobSession = await passwordLogin(BOB);
    expect((await registerPasskey(bobSession, bob, 'Sleutel Bob')).result.errors).toBeUndefined();
    const bobPasskey = (await status(bobSession)).passkeys[0];

    const session = await passwordLogin(ALICE);
    // Bob's authenticator answers Alice's challenge with a valid signature of its own key: not Alice's passkey.
    expect(errorOf(await verify(session, bob.authenticate(await loginOptions(session))))).toMatchObject(wrongCode);
    expect(errorOf(await verify(session, new SoftAuthenticator(RP_ID, ORIGIN).authenticate(await loginOptions(session))))).toMatchObject(wrongCode);
    expect(errorOf(await verify(session, 'geen json'))).toMatchObject(wrongCode);
    expect(await meOf(session)).toBeNull();

    const alicesFull = await passwordLogin(ALICE);
    expect((await verify(alicesFull, alice.authenticate(await loginOptions(alicesFull)))).errors).toBeUndefined();
    const refused = await alicesFull.request(REMOVE, { input: { id: bobPasskey.id, password: DEMO_PASSWORD } });
    expect(errorOf(refused)).toMatchObject({ code: 'NOT_FOUND', message: 'Deze passkey bestaat niet of hoort niet bij uw account.' });
    expect((await pg.query(`SELECT 1 FROM user_passkey WHERE id = $1`, [bobPasskey.id])).rowCount).toBe(1);
    // A passkey is the person's, not the organisation's: Alice's colleague at the same municipality cannot remove hers.
    const colleague = await passwordLogin('financien@arnhem.demo.nl');
    const [alicesPasskey] = (await status(alicesFull)).passkeys;
    expect(errorOf(await colleague.request(REMOVE, { input: { id: alicesPasskey.id, password: DEMO_PASSWORD } }))).toMatchObject({ code: 'NOT_FOUND', message: 'Deze passkey bestaat niet of hoort niet bij uw account.' });
  });

  it('throttles the passkey step like a code: after too many wrong answers even the right passkey waits', async () => {
    const session = await passwordLogin(BOB);
    let refused: GraphqlResult<unknown> | null = null;
    for (let attempt = 0; attempt < 8 && !refused; attempt += 1) {
      await loginOptions(session);
      const result = await verify(session, alice.authenticate({ challenge: 'x', rpId: RP_ID }));
      if (result.errors?.[0]?.extensions?.code === 'TOO_MANY_REQUESTS') refused = result;
    }
    expect(refused && errorOf(refused).message).toMatch(/^Te veel mislukte inlogpogingen/);
    const right = await verify(session, bob.authenticate(await loginOptions(session)));
    expect(errorOf(right).code).toBe('TOO_MANY_REQUESTS');
  });

  it('counts as the second factor under SECOND_FACTOR=required: a user with only a passkey passes step 2 with it, and removing the last one leaves only enrolment', async () => {
    const waiting = await passwordLogin(ALICE, requiredUrl);
    expect(await status(waiting)).toMatchObject({ loginStep: 'SECOND_FACTOR', passkeyCount: 1 });
    // No authenticator app: a code cannot pass.
    expect(errorOf(await waiting.request(VERIFY_CODE, { input: { code: '123456' } }))).toMatchObject(wrongCode);
    expect((await verify(waiting, alice.authenticate(await loginOptions(waiting)))).errors).toBeUndefined();
    expect(await meOf(waiting)).toBe(ALICE);

    const other = await passwordLogin(ALICE);
    expect((await verify(other, alice.authenticate(await loginOptions(other)))).errors).toBeUndefined();
    const [passkey] = (await status(waiting)).passkeys;
    // Removing asks for the own password, as removing the authenticator app does: a wrong one removes nothing.
    const wrong = await waiting.request(REMOVE, { input: { id: passkey.id, password: 'niet-mijn-wachtwoord' } });
    expect(errorOf(wrong)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'password', message: 'Het wachtwoord klopt niet.' }] });
    expect(await status(waiting)).toMatchObject({ loginStep: 'FULL', passkeyCount: 1 });
    const removed = await waiting.request<{ removePasskey: string }, unknown>(REMOVE, { input: { id: passkey.id, password: DEMO_PASSWORD } });
    expect(removed.data?.removePasskey).toBe('ENROL');
    expect(await meOf(other)).toBeNull();
    expect(await status(waiting)).toMatchObject({ loginStep: 'ENROL', passkeyCount: 0 });
    const logged = await pg.query(`SELECT action FROM processing_log WHERE subject_type = 'USER_PASSKEY' AND $1 = ANY(subject_ids) ORDER BY occurred_at`, [passkey.id]);
    expect(logged.rows).toEqual([{ action: 'CREATE' }, { action: 'DELETE' }]);
  });

  it('is removed with the rest of the second factor when the region\'s admin resets it (a lost phone)', async () => {
    const session = await passwordLogin(ALICE);
    expect(await meOf(session)).toBe(ALICE);
    expect((await registerPasskey(session, new SoftAuthenticator(RP_ID, ORIGIN), 'Telefoon')).result.errors).toBeUndefined();
    const [{ id: userId }] = (await pg.query(`SELECT id FROM app_user WHERE email = $1`, [ALICE])).rows;
    const admin = await passwordLogin('beheer@midden-gelderland.demo.nl');
    expect((await admin.ok<{ resetSecondFactor: boolean }, unknown>(`mutation ($userId: ID!) { resetSecondFactor(userId: $userId) }`, { userId })).resetSecondFactor).toBe(true);
    expect((await pg.query(`SELECT 1 FROM user_passkey WHERE user_id = $1`, [userId])).rowCount).toBe(0);
    expect(await meOf(session)).toBeNull();
  });

  it('under SECOND_FACTOR=required a user without a factor may add a passkey instead of an app and is then logged in; only the password of an account with a factor adds none', async () => {
    const SAGENN = 'aanbieder@sagenn.demo.nl';
    const enrolling = await passwordLogin(SAGENN, requiredUrl);
    expect(await status(enrolling)).toMatchObject({ loginStep: 'ENROL', passkeyCount: 0 });
    const authenticator = new SoftAuthenticator(RP_ID, ORIGIN);
    expect((await registerPasskey(enrolling, authenticator, 'Werklaptop')).result.errors).toBeUndefined();
    expect(await meOf(enrolling)).toBe(SAGENN);
    const [{ actor_user_id: actor }] = (await pg.query(`SELECT actor_user_id FROM processing_log WHERE subject_type = 'USER_PASSKEY' AND action = 'CREATE' ORDER BY occurred_at DESC LIMIT 1`)).rows;
    expect((await pg.query(`SELECT email FROM app_user WHERE id = $1`, [actor])).rows).toEqual([{ email: SAGENN }]);

    // The password alone (a session waiting for its second step) cannot add a passkey to an account that has a factor.
    const passwordOnly = await passwordLogin(SAGENN, requiredUrl);
    expect(await status(passwordOnly)).toMatchObject({ loginStep: 'SECOND_FACTOR' });
    expect(errorOf(await passwordOnly.request(START_REGISTRATION))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await new GraphqlSession(requiredUrl).request(START_REGISTRATION))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect((await verify(passwordOnly, authenticator.authenticate(await loginOptions(passwordOnly)))).errors).toBeUndefined();
  });
});

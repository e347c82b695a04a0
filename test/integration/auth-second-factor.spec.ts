import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { generate } from 'otplib';
import { Client } from 'pg';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { DEMO_PASSWORD, GraphqlSession, type GraphqlResult } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// The second factor (issue 14) with SECOND_FACTOR=required: enrolment with an authenticator app, the login's second
// step (code or recovery code, each once), the admin's reset, and the session rules (every session ends on a factor
// or password change, in every API process; idle timeout).

let platform: TestPlatform;
let second: INestApplication;
let secondUrl: string;
let pg: Client;
/** The secret each enrolled user's app holds (what the user scanned). */
const secrets = new Map<string, string>();

beforeAll(async () => {
  platform = await startTestPlatform({ config: { secondFactor: 'required', loginThrottle: { perAccount: 5 } } });
  second = await createApiApp(platform.config);
  await second.listen(0, '127.0.0.1');
  secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
}, 120_000);
afterAll(async () => {
  await pg?.end();
  await second?.close();
  await platform?.close();
});

const LOGIN = `mutation ($input: LoginInput!) { login(input: $input) { id } }`;
const STATUS = `{ secondFactorStatus { required totpEnabled recoveryCodesLeft loginStep } }`;
const START = `mutation { startTotpEnrolment { secret uri qrCode } }`;
const CONFIRM = `mutation ($input: SecondFactorCodeInput!) { confirmTotpEnrolment(input: $input) { codes } }`;
const VERIFY = `mutation ($input: SecondFactorCodeInput!) { verifySecondFactor(input: $input) { email } }`;
const ME = `{ me { email } }`;

interface Status { required: boolean; totpEnabled: boolean; recoveryCodesLeft: number; loginStep: string }

const step = () => Math.floor(Date.now() / 30_000);
/** The code the user's app shows `offset` steps from now (each login uses a newer one: a code counts once). */
const codeAt = (secret: string, offset: number) => generate({ secret, epoch: (step() + offset) * 30 });
/** Steps used per user, so every login in this file takes a code the API has not seen yet. */
const usedSteps = new Map<string, number>();
async function freshCode(email: string): Promise<string> {
  const last = usedSteps.get(email) ?? -Infinity;
  // At most one step ahead of now is accepted: wait for the clock when this user already used that one.
  const target = await waitFor('a new TOTP step', async () => (step() + 1 > last ? step() + 1 : undefined), 35_000);
  usedSteps.set(email, target);
  return generate({ secret: secrets.get(email) as string, epoch: target * 30 });
}

const errorOf = (result: GraphqlResult<unknown>) => ({ code: result.errors?.[0]?.extensions?.code, message: result.errors?.[0]?.message, fields: result.errors?.[0]?.extensions?.fields });

async function passwordLogin(email: string, password = DEMO_PASSWORD, url = platform.url): Promise<GraphqlSession> {
  const session = new GraphqlSession(url);
  const result = await session.request(LOGIN, { input: { email, password } });
  if (result.errors) throw new Error(`Inloggen als ${email}: ${result.errors[0].message}`);
  return session;
}

async function status(session: GraphqlSession): Promise<Status> {
  return (await session.ok<{ secondFactorStatus: Status }, unknown>(STATUS)).secondFactorStatus;
}

async function meOf(session: GraphqlSession): Promise<string | null> {
  return (await session.ok<{ me: { email: string } | null }, unknown>(ME)).me?.email ?? null;
}

/** Password, then enrolment (first login) or a fresh code: a session that may do everything. */
async function fullLogin(email: string, url = platform.url): Promise<GraphqlSession> {
  // The code first: waiting for a new step must not count as idle time of the half-logged-in session.
  const code = secrets.has(email) ? await freshCode(email) : null;
  const session = await passwordLogin(email, DEMO_PASSWORD, url);
  if (code === null) {
    const { startTotpEnrolment } = await session.ok<{ startTotpEnrolment: { secret: string } }, unknown>(START);
    secrets.set(email, startTotpEnrolment.secret);
    usedSteps.set(email, step());
    await session.ok(CONFIRM, { input: { code: await codeAt(startTotpEnrolment.secret, 0) } });
  } else {
    await session.ok(VERIFY, { input: { code } });
  }
  expect(await meOf(session)).toBe(email);
  return session;
}

describe('enrolment (required mode)', () => {
  it('after the password a user without a factor can only enrol; the first code confirms and gives 10 recovery codes', async () => {
    const email = 'consulent@arnhem.demo.nl';
    const session = await passwordLogin(email);
    expect(await meOf(session)).toBeNull();
    expect(await status(session)).toEqual({ required: true, totpEnabled: false, recoveryCodesLeft: 0, loginStep: 'ENROL' });
    // Nothing but enrolment: no client list, no own sessions, no recovery codes, no second step.
    for (const query of [`{ clients { total } }`, `{ mySessions { id } }`, `mutation { regenerateRecoveryCodes { codes } }`]) {
      expect(errorOf(await session.request(query))).toMatchObject({ code: 'UNAUTHENTICATED' });
    }
    expect(errorOf(await session.request(VERIFY, { input: { code: '123456' } }))).toMatchObject({ code: 'UNAUTHENTICATED' });

    const { startTotpEnrolment } = await session.ok<{ startTotpEnrolment: { secret: string; uri: string; qrCode: string } }, unknown>(START);
    expect(startTotpEnrolment.secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(startTotpEnrolment.uri).toContain(`secret=${startTotpEnrolment.secret}`);
    expect(startTotpEnrolment.qrCode).toMatch(/^data:image\/png;base64,/);
    // Stored encrypted, never as the plain secret.
    const { rows } = await pg.query<{ secret_encrypted: string }>(`SELECT t.secret_encrypted FROM user_totp t JOIN app_user u ON u.id = t.user_id WHERE u.email = $1`, [email]);
    expect(rows[0].secret_encrypted).toMatch(/^v1:/);
    expect(rows[0].secret_encrypted).not.toContain(startTotpEnrolment.secret);

    const wrong = errorOf(await session.request(CONFIRM, { input: { code: '000000' } }));
    expect(wrong.code).toBe('BAD_USER_INPUT');
    expect(wrong.fields?.[0]).toMatchObject({ field: 'code' });
    expect(wrong.fields?.[0].message).toContain('De code klopt niet');

    const confirmed = await session.ok<{ confirmTotpEnrolment: { codes: string[] } }, unknown>(CONFIRM, { input: { code: await codeAt(startTotpEnrolment.secret, 0) } });
    secrets.set(email, startTotpEnrolment.secret);
    usedSteps.set(email, step());
    expect(confirmed.confirmTotpEnrolment.codes).toHaveLength(10);
    expect(new Set(confirmed.confirmTotpEnrolment.codes).size).toBe(10);
    expect(await meOf(session)).toBe(email);
    expect(await status(session)).toEqual({ required: true, totpEnabled: true, recoveryCodesLeft: 10, loginStep: 'FULL' });
    expect((await session.ok<{ clients: { total: number } }, unknown>(`{ clients { total } }`)).clients.total).toBeGreaterThan(0);
    const { rows: hashes } = await pg.query<{ code_hash: string }>(`SELECT code_hash FROM user_recovery_code c JOIN app_user u ON u.id = c.user_id WHERE u.email = $1`, [email]);
    expect(hashes.map((h) => h.code_hash)).not.toContain(confirmed.confirmTotpEnrolment.codes[0]);
  });
});

describe('login with a second factor', () => {
  let recoveryCodes: string[];
  const email = 'consulent@zevenaar.demo.nl';

  beforeAll(async () => {
    const session = await passwordLogin(email);
    const { startTotpEnrolment } = await session.ok<{ startTotpEnrolment: { secret: string } }, unknown>(START);
    secrets.set(email, startTotpEnrolment.secret);
    usedSteps.set(email, step());
    recoveryCodes = (await session.ok<{ confirmTotpEnrolment: { codes: string[] } }, unknown>(CONFIRM, { input: { code: await codeAt(startTotpEnrolment.secret, 0) } })).confirmTotpEnrolment.codes;
  });

  it('asks for the code after the password; a wrong code is refused, the right one logs in, and the same code never again', async () => {
    const session = await passwordLogin(email);
    expect(await meOf(session)).toBeNull();
    expect((await status(session)).loginStep).toBe('SECOND_FACTOR');
    expect(errorOf(await session.request(`{ clients { total } }`))).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(errorOf(await session.request(START))).toMatchObject({ code: 'UNAUTHENTICATED' });

    expect(errorOf(await session.request(VERIFY, { input: { code: '000000' } })).fields?.[0].message).toContain('De code klopt niet of is al gebruikt');
    const code = await freshCode(email);
    expect((await session.ok<{ verifySecondFactor: { email: string } }, unknown>(VERIFY, { input: { code } })).verifySecondFactor.email).toBe(email);
    expect(await meOf(session)).toBe(email);

    // Replay: the same code, within its window, on a new login.
    const again = await passwordLogin(email);
    expect(errorOf(await again.request(VERIFY, { input: { code } })).fields?.[0].message).toContain('De code klopt niet of is al gebruikt');
    expect(await meOf(again)).toBeNull();
  });

  it('accepts a recovery code once (any case, with or without dashes)', async () => {
    const first = await passwordLogin(email);
    await first.ok(VERIFY, { input: { code: recoveryCodes[3].toLowerCase().replace(/-/g, ' ') } });
    expect(await meOf(first)).toBe(email);
    expect((await status(first)).recoveryCodesLeft).toBe(9);

    const second = await passwordLogin(email);
    expect(errorOf(await second.request(VERIFY, { input: { code: recoveryCodes[3] } })).code).toBe('BAD_USER_INPUT');
    expect(await meOf(second)).toBeNull();
  });

  it('regenerating the recovery codes makes the old ones useless', async () => {
    const session = await fullLogin(email);
    const fresh = (await session.ok<{ regenerateRecoveryCodes: { codes: string[] } }, unknown>(`mutation { regenerateRecoveryCodes { codes } }`)).regenerateRecoveryCodes.codes;
    expect(fresh).toHaveLength(10);
    const old = await passwordLogin(email);
    expect(errorOf(await old.request(VERIFY, { input: { code: recoveryCodes[5] } })).code).toBe('BAD_USER_INPUT');
    await old.ok(VERIFY, { input: { code: fresh[0] } });
    expect(await meOf(old)).toBe(email);
    recoveryCodes = fresh;
  });

  it('throttles wrong codes like wrong passwords: after the limit even the right code is refused', async () => {
    const victim = 'docent@newbees.demo.nl';
    await fullLogin(victim);
    const session = await passwordLogin(victim);
    for (let attempt = 0; attempt < 5; attempt += 1) expect(errorOf(await session.request(VERIFY, { input: { code: '000000' } })).code).toBe('BAD_USER_INPUT');
    const blocked = errorOf(await session.request(VERIFY, { input: { code: await freshCode(victim) } }));
    expect(blocked.code).toBe('TOO_MANY_REQUESTS');
    expect(blocked.message).toContain('Te veel mislukte inlogpogingen');
    // A new password login does not clear the count while the second step is owed.
    expect(errorOf(await new GraphqlSession(platform.url).request(LOGIN, { input: { email: victim, password: DEMO_PASSWORD } })).code).toBe('TOO_MANY_REQUESTS');
  });
});

describe('sessions end on a factor or password change, in every API process', () => {
  it('removing the app (with the password) ends every session; this browser must enrol again', async () => {
    const email = 'projectleider@midden-gelderland.demo.nl';
    const here = await fullLogin(email);
    const there = await fullLogin(email, secondUrl);
    expect(await meOf(there)).toBe(email);
    const wrong = errorOf(await here.request(`mutation ($input: RemoveTotpInput!) { removeTotp(input: $input) }`, { input: { password: 'fout' } }));
    expect(wrong.fields?.[0]).toEqual({ field: 'password', message: 'Het wachtwoord klopt niet.' });
    const removed = await here.ok<{ removeTotp: string }, unknown>(`mutation ($input: RemoveTotpInput!) { removeTotp(input: $input) }`, { input: { password: DEMO_PASSWORD } });
    expect(removed.removeTotp).toBe('ENROL');
    await waitFor('session in the other API process ended', async () => (await meOf(there)) === null, 5_000);
    expect(await meOf(here)).toBeNull();
    expect((await status(here)).loginStep).toBe('ENROL');
    secrets.delete(email);
  });

  it('enrolling ends the other sessions of the user', async () => {
    const email = 'aanbieder@newbees.demo.nl';
    const waiting = await passwordLogin(email, DEMO_PASSWORD, secondUrl);
    expect((await status(waiting)).loginStep).toBe('ENROL');
    await fullLogin(email);
    expect(errorOf(await waiting.request(STATUS)).code).toBe('UNAUTHENTICATED');
  });

  it('changing the password needs the old one and the minimum policy; every other session ends', async () => {
    const email = 'aanbieder@sagenn.demo.nl';
    const here = await fullLogin(email);
    const there = await fullLogin(email, secondUrl);
    const CHANGE = `mutation ($input: ChangePasswordInput!) { changePassword(input: $input) }`;
    expect(errorOf(await here.request(CHANGE, { input: { currentPassword: 'fout', newPassword: 'EenNieuwWachtwoord2027' } })).fields).toEqual([{ field: 'currentPassword', message: 'Het wachtwoord klopt niet.' }]);
    expect(errorOf(await here.request(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'kort' } })).fields).toEqual([{ field: 'newPassword', message: 'Kies een wachtwoord van minstens 12 tekens.' }]);
    await here.ok(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: 'EenNieuwWachtwoord2027' } });
    expect(await meOf(here)).toBe(email);
    await waitFor('other session ended', async () => (await meOf(there)) === null, 5_000);
    expect(errorOf(await new GraphqlSession(platform.url).request(LOGIN, { input: { email, password: DEMO_PASSWORD } })).code).toBe('UNAUTHENTICATED');
    expect((await status(await passwordLogin(email, 'EenNieuwWachtwoord2027'))).loginStep).toBe('SECOND_FACTOR');
  });
});

describe("the admin's reset", () => {
  const RESET = `mutation ($userId: ID!) { resetSecondFactor(userId: $userId) }`;
  const userId = async (email: string) => (await pg.query<{ id: string }>(`SELECT id FROM app_user WHERE email = $1`, [email])).rows[0].id;

  it('resets a user of the own region: logged, every session of that user ends, next login enrols again', async () => {
    const email = 'financien@arnhem.demo.nl';
    const user = await fullLogin(email);
    const admin = await fullLogin('beheer@midden-gelderland.demo.nl');
    expect(await admin.ok<{ resetSecondFactor: boolean }, unknown>(RESET, { userId: await userId(email) })).toEqual({ resetSecondFactor: true });
    await waitFor('user logged out', async () => (await meOf(user)) === null, 5_000);
    secrets.delete(email);
    expect((await status(await passwordLogin(email))).loginStep).toBe('ENROL');
    const { rows } = await pg.query<{ action: string; purpose: string }>(
      `SELECT action, purpose FROM processing_log WHERE subject_type = 'USER_SECOND_FACTOR' AND $1 = ANY(subject_ids) AND actor_user_id = $2`,
      [await userId(email), await userId('beheer@midden-gelderland.demo.nl')],
    );
    expect(rows).toEqual([{ action: 'UPDATE', purpose: expect.stringContaining('tweede factor') }]);
  });

  it("answers a user of another region exactly like an unknown id (NOT_FOUND), and changes nothing; other roles may not", async () => {
    const admin = await fullLogin('beheer@midden-gelderland.demo.nl');
    const foreign = 'consulent@oss.demo.nl';
    await fullLogin(foreign);
    const foreignAnswer = errorOf(await admin.request(RESET, { userId: await userId(foreign) }));
    const unknownAnswer = errorOf(await admin.request(RESET, { userId: '00000000-0000-4000-8000-000000000000' }));
    expect(foreignAnswer).toEqual({ code: 'NOT_FOUND', message: 'Deze gebruiker bestaat niet of is niet bij uw organisatie bekend.', fields: [] });
    expect(unknownAnswer).toEqual(foreignAnswer);
    const { rows } = await pg.query(`SELECT 1 FROM user_totp t JOIN app_user u ON u.id = t.user_id WHERE u.email = $1 AND t.confirmed_at IS NOT NULL`, [foreign]);
    expect(rows).toHaveLength(1);
    const consultant = await fullLogin('consulent@arnhem.demo.nl');
    expect(errorOf(await consultant.request(RESET, { userId: await userId('consulent@zevenaar.demo.nl') })).code).toBe('FORBIDDEN');
  });
});

describe('idle timeout', () => {
  let idleApp: INestApplication;
  let idleUrl: string;
  beforeAll(async () => {
    idleApp = await createApiApp({ ...platform.config, sessionIdleSeconds: 4 });
    await idleApp.listen(0, '127.0.0.1');
    idleUrl = `http://127.0.0.1:${(idleApp.getHttpServer().address() as AddressInfo).port}`;
  });
  afterAll(() => idleApp?.close());

  it('keeps a session in use, and ends it after the configured time without a request', async () => {
    const email = 'consulent@arnhem.demo.nl';
    const session = await fullLogin(email, idleUrl);
    // In use for longer than the idle timeout: still logged in.
    const busyUntil = Date.now() + 6_000;
    while (Date.now() < busyUntil) {
      expect(await meOf(session)).toBe(email);
      await new Promise((resolve) => setTimeout(resolve, 400));
    }
    // Any request would count as use, so the check itself can only come once the timeout has passed.
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect(await meOf(session)).toBeNull();
  });
});

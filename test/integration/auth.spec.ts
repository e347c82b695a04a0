import { LoginDocument, LogoutDocument, LogoutEverywhereDocument, MeDocument, MySessionsDocument } from '@inburgering/contracts';
import { GraphqlSession, DEMO_PASSWORD } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

describe('inloggen en uitloggen', () => {
  it('logs in with the demo password and sets an httpOnly, SameSite=Strict session cookie', async () => {
    const session = new GraphqlSession(platform.url);
    const { login } = await session.ok(LoginDocument, { input: { email: 'consulent@arnhem.demo.nl', password: DEMO_PASSWORD } });
    expect(login.displayName).toBe('Consulent Arnhem');
    expect(login.role).toBe('CONSULTANT');
    expect(login.organisation.name).toBe('Gemeente Arnhem');
    expect(session.lastSetCookie).toMatch(/ir_session=[^;]+;/);
    expect(session.lastSetCookie).toMatch(/HttpOnly/i);
    expect(session.lastSetCookie).toMatch(/SameSite=Strict/i);
    const { me } = await session.ok(MeDocument);
    expect(me?.email).toBe('consulent@arnhem.demo.nl');
  });

  it('refuses a wrong password with a Dutch message and no cookie', async () => {
    const session = new GraphqlSession(platform.url);
    const result = await session.request(LoginDocument, { input: { email: 'consulent@arnhem.demo.nl', password: 'fout' } });
    expect(result.errors?.[0].message).toBe('Het e-mailadres of het wachtwoord is onjuist.');
    expect(result.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(session.lastSetCookie).toBeNull();
  });

  it('answers field-level errors for an invalid e-mail address', async () => {
    const session = new GraphqlSession(platform.url);
    const result = await session.request(LoginDocument, { input: { email: 'geen-email', password: '' } });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].extensions?.fields).toEqual(
      expect.arrayContaining([
        { field: 'email', message: 'Vul een geldig e-mailadres in.' },
        { field: 'password', message: 'Vul uw wachtwoord in.' },
      ]),
    );
  });

  it('ends the session on logout, after which me is null and data is refused', async () => {
    const session = new GraphqlSession(platform.url);
    await session.ok(LoginDocument, { input: { email: 'aanbieder@newbees.demo.nl', password: DEMO_PASSWORD } });
    await session.ok(LogoutDocument);
    expect((await session.ok(MeDocument)).me).toBeNull();
    const lots = await session.request(`{ lots { id } }`);
    expect(lots.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(lots.errors?.[0].message).toBe('U bent niet ingelogd. Log in om verder te gaan.');
  });

  it('hides stack traces and internals in error responses', async () => {
    const session = new GraphqlSession(platform.url);
    const result = await session.request(`{ lots { id } }`);
    expect(result.raw).not.toMatch(/stacktrace|at [A-Za-z]+ \(/);
  });
});

describe('sessies van de gebruiker zelf (issue 14)', () => {
  it('lists the own sessions with this one marked, and "overal uitloggen" ends them all, in every browser', async () => {
    const login = async () => {
      const session = new GraphqlSession(platform.url);
      await session.ok(LoginDocument, { input: { email: 'consulent@zevenaar.demo.nl', password: DEMO_PASSWORD } });
      return session;
    };
    const [laptop, phone] = [await login(), await login()];
    const other = new GraphqlSession(platform.url);
    await other.ok(LoginDocument, { input: { email: 'consulent@arnhem.demo.nl', password: DEMO_PASSWORD } });
    const { mySessions } = await phone.ok(MySessionsDocument);
    expect(mySessions.length).toBeGreaterThanOrEqual(2);
    expect(mySessions.filter((s) => s.current)).toHaveLength(1);
    expect(mySessions[0].current).toBe(true);

    await phone.ok(LogoutEverywhereDocument);
    expect((await laptop.ok(MeDocument)).me).toBeNull();
    expect((await phone.ok(MeDocument)).me).toBeNull();
    // Another user's session is not touched.
    expect((await other.ok(MeDocument)).me?.email).toBe('consulent@arnhem.demo.nl');
    expect((await new GraphqlSession(platform.url).request(MySessionsDocument)).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });
});

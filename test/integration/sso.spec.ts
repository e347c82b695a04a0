import { Client } from 'pg';
import { readServerLog } from '../support/server-log';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { privateKeyJwtClient, ssoLogin, startTestIdentityProvider, type TestIdentityProvider } from '../support/oidc-test-provider';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

// Single sign-on (issue 14) against a real OpenID Connect provider (oidc-provider in a child process).
let platform: TestPlatform;
let idp: TestIdentityProvider;
let pg: Client;
let admin: GraphqlSession;
let arnhem: string;
let newBees: string;
const PKJWT_CLIENT_ID = 'inburgering-regio-eherkenning';

const SAVE = `mutation Save($input: SaveSsoConnectionInput!) { saveSsoConnection(input: $input) { id name connection { kind issuerUrl clientId hasClientSecret clientAuthentication jwksPath emailDomains emailMatching enabled } } }`;

const ACCOUNTS = {
  'arnhem-consulent': { email: 'consulent@arnhem.demo.nl', email_verified: true },
  'arnhem-financien': { email: 'financien@arnhem.demo.nl', email_verified: true },
  'arnhem-onbevestigd': { email: 'Financien@Arnhem.demo.nl', email_verified: false },
  nieuw: { email: 'nieuw@arnhem.demo.nl', email_verified: true },
  'zevenaar-consulent': { email: 'consulent@zevenaar.demo.nl', email_verified: true },
  'newbees-beheer': { email: 'aanbieder@newbees.demo.nl', email_verified: true },
};

function arnhemInput(overrides: Record<string, unknown> = {}) {
  return { organisationId: arnhem, kind: 'OIDC', issuerUrl: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, emailDomains: ['arnhem.demo.nl'], emailMatching: 'VERIFIED', enabled: true, ...overrides };
}

/** The signed-in user of a session cookie, as the portal asks it. */
async function me(cookie: string | undefined): Promise<{ email: string; role: string; organisation: { id: string } } | null> {
  const response = await fetch(`${platform.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie: `ir_session=${cookie}` } : {}) },
    body: JSON.stringify({ query: '{ me { email role organisation { id } } }' }),
  });
  return ((await response.json()) as { data: { me: { email: string; role: string; organisation: { id: string } } | null } }).data.me;
}

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  arnhem = (await pg.query<{ organisation_id: string }>(`SELECT organisation_id FROM app_user WHERE email = 'consulent@arnhem.demo.nl'`)).rows[0].organisation_id;
  newBees = (await pg.query<{ organisation_id: string }>(`SELECT organisation_id FROM app_user WHERE email = 'aanbieder@newbees.demo.nl'`)).rows[0].organisation_id;
  idp = await startTestIdentityProvider(platform.url, ACCOUNTS, [privateKeyJwtClient(platform.url, PKJWT_CLIENT_ID, `${platform.url}/api/sso/${newBees}/jwks.json`)]);
  admin = await loginAs(platform.url, 'beheer@midden-gelderland.demo.nl');
  await admin.ok(SAVE, { input: arnhemInput() });
});
afterAll(async () => {
  await pg?.end();
  await idp?.close();
  await platform?.close();
});

describe('the admin sets an organisation\'s single sign-on', () => {
  it('keeps the client secret encrypted and never gives it back', async () => {
    const organisations = await admin.ok<{ ssoOrganisations: { id: string; connection: { hasClientSecret: boolean; emailDomains: string[] } | null }[] }, Record<string, never>>(
      `{ ssoOrganisations { id name organisationKind connection { hasClientSecret emailDomains } } }`,
    );
    expect(organisations.ssoOrganisations.find((o) => o.id === arnhem)?.connection).toEqual({ hasClientSecret: true, emailDomains: ['arnhem.demo.nl'] });
    const { rows } = await pg.query<{ client_secret_encrypted: string }>(`SELECT client_secret_encrypted FROM sso_connection WHERE organisation_id = $1`, [arnhem]);
    expect(rows[0].client_secret_encrypted).toMatch(/^v1:/);
    expect(rows[0].client_secret_encrypted).not.toContain(idp.clientSecret);
  });

  it('refuses wrong settings with a Dutch message per field', async () => {
    const result = await admin.request(SAVE, { input: arnhemInput({ issuerUrl: 'http://login.arnhem.nl', emailDomains: ['@arnhem.nl'], clientId: '' }) });
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const fields = result.errors?.[0].extensions?.fields;
    expect(fields).toEqual(expect.arrayContaining([{ field: 'clientId', message: 'Vul de client-id in.' }]));
    const second = await admin.request(SAVE, { input: arnhemInput({ issuerUrl: 'http://login.arnhem.nl', emailDomains: ['@arnhem.nl'] }) });
    expect(second.errors?.[0].extensions?.fields).toEqual([
      { field: 'issuerUrl', message: 'De issuer-URL moet met https:// beginnen.' },
      { field: 'emailDomains', message: 'Geen geldig e-maildomein: @arnhem.nl. Vul alleen het deel na de @ in, bijvoorbeeld arnhem.nl.' },
    ]);
    const unreachable = await admin.request(SAVE, { input: arnhemInput({ issuerUrl: 'http://127.0.0.1:9' }) });
    expect(unreachable.errors?.[0].extensions?.fields?.[0]).toEqual({ field: 'issuerUrl', message: expect.stringContaining('antwoordt niet met een geldige OpenID Connect-configuratie') });
  });

  it('is only for the admin of the organisation\'s own region', async () => {
    const other = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
    expect((await other.request(SAVE, { input: arnhemInput() })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const oss = (await pg.query<{ organisation_id: string }>(`SELECT organisation_id FROM app_user WHERE email = 'consulent@oss.demo.nl'`)).rows[0].organisation_id;
    const foreign = await admin.request(SAVE, { input: arnhemInput({ organisationId: oss, emailDomains: ['oss.demo.nl'] }) });
    expect(foreign.errors?.[0]).toMatchObject({ message: 'Deze organisatie bestaat niet of is niet bij uw regio bekend.', extensions: { code: 'NOT_FOUND' } });
  });

  it('offers the organisation on the login page', async () => {
    const response = await fetch(`${platform.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ ssoLoginOptions { organisationId name kind } }' }) });
    const { data } = (await response.json()) as { data: { ssoLoginOptions: { organisationId: string; kind: string }[] } };
    expect(data.ssoLoginOptions).toEqual([expect.objectContaining({ organisationId: arnhem, kind: 'OIDC' })]);
  });
});

describe('logging in with the organisation\'s identity provider', () => {
  it('gives a session of the matched account of that organisation, and remembers the subject', async () => {
    const result = await ssoLogin(platform.url, { organisatie: arnhem }, 'arnhem-consulent');
    expect(result.landing).toBe('/');
    expect(await me(result.platformCookies.get('ir_session'))).toEqual({ email: 'consulent@arnhem.demo.nl', role: 'CONSULTANT', organisation: { id: arnhem } });
    const { rows } = await pg.query(`SELECT i.issuer, i.subject FROM sso_identity i JOIN app_user u ON u.id = i.user_id WHERE u.email = 'consulent@arnhem.demo.nl'`);
    expect(rows).toEqual([{ issuer: idp.issuer, subject: 'arnhem-consulent' }]);
    // The next time by e-mail address: the domain picks the organisation, the stored subject the account.
    const again = await ssoLogin(platform.url, { email: 'consulent@arnhem.demo.nl' }, 'arnhem-consulent');
    expect(again.landing).toBe('/');
    expect((await me(again.platformCookies.get('ir_session')))?.email).toBe('consulent@arnhem.demo.nl');
  });

  it('never takes a role from the identity provider\'s claims', async () => {
    await idp.tamper({ role: 'ADMIN', roles: ['ADMIN', 'PROJECTLEIDER'], groups: ['functioneel-beheer'] });
    const result = await ssoLogin(platform.url, { organisatie: arnhem }, 'arnhem-consulent');
    expect(result.landing).toBe('/');
    expect(await me(result.platformCookies.get('ir_session'))).toMatchObject({ email: 'consulent@arnhem.demo.nl', role: 'CONSULTANT' });
  });

  it('logs out here and at the identity provider (RP-initiated logout)', async () => {
    const result = await ssoLogin(platform.url, { organisatie: arnhem }, 'arnhem-consulent');
    const cookie = result.platformCookies.get('ir_session');
    const response = await fetch(`${platform.url}/api/sso/logout`, { method: 'POST', headers: { cookie: `ir_session=${cookie}` } });
    const { redirectUrl } = (await response.json()) as { redirectUrl: string };
    const url = new URL(redirectUrl);
    expect(`${url.origin}${url.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${platform.url}/inloggen`);
    expect(url.searchParams.get('id_token_hint')).toBeTruthy();
    expect(await me(cookie)).toBeNull();
    expect((await fetch(redirectUrl)).status).toBe(200); // the provider's "log out?" page: it accepts the hint
  });

  it('answers a password session\'s logout without a provider address', async () => {
    const session = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    const cookie = /ir_session=([^;]+)/.exec(session.lastSetCookie ?? '')?.[1];
    const response = await fetch(`${platform.url}/api/sso/logout`, { method: 'POST', headers: { cookie: `ir_session=${cookie}` } });
    expect(await response.json()).toEqual({ redirectUrl: null });
    expect(await me(cookie)).toBeNull();
  });

  it('accepts an ID token the test provider re-signed without changes (so the refusals below are about the claims)', async () => {
    await idp.tamper({});
    expect((await ssoLogin(platform.url, { organisatie: arnhem }, 'arnhem-financien')).landing).toBe('/');
  });

  it.each([
    ['a wrong audience', { aud: 'een-andere-applicatie' }, '"claim":"aud"'],
    ['an expired ID token', { exp: Math.floor(Date.now() / 1000) - 3600, iat: Math.floor(Date.now() / 1000) - 7200 }, '"code":"OAUTH_JWT_TIMESTAMP_CHECK_FAILED"'],
    ['a nonce of another login', { nonce: 'nonce-van-een-andere-inlogpoging' }, '"claim":"nonce"'],
    ['another issuer', { iss: 'https://nep-idp.example.nl' }, '"claim":"iss"'],
  ])('refuses an ID token with %s', async (_name, claims, logged) => {
    const before = readServerLog().length;
    await idp.tamper(claims);
    const result = await ssoLogin(platform.url, { organisatie: arnhem }, 'arnhem-financien');
    expect(result.landing).toBe('/inloggen?sso=mislukt');
    expect(result.platformCookies.get('ir_session')).toBeUndefined();
    const refusal = readServerLog().slice(before).split('\n').find((line) => line.includes('antwoord van de identity provider ongeldig'));
    expect(refusal).toContain(logged);
  });

  it('binds the login to this browser for ten minutes with a cookie only the callback receives', async () => {
    const start = await fetch(`${platform.url}/api/sso/start?organisatie=${arnhem}`, { redirect: 'manual' });
    expect(start.status).toBe(303);
    const state = start.headers.getSetCookie().find((c) => c.startsWith('ir_sso_state='));
    expect(state).toMatch(/; Max-Age=600(;|$)/);
    expect(state).toMatch(/; Path=\/api\/sso\/callback(;|$)/);
    expect(state).toMatch(/; HttpOnly/);
    expect(state).toMatch(/; SameSite=Lax/);
  });

  it('refuses a replayed callback (code and state used once)', async () => {
    const first = await ssoLogin(platform.url, { organisatie: arnhem }, 'arnhem-consulent');
    expect(first.landing).toBe('/');
    const state = new URL(first.callbackUrl).searchParams.get('state');
    const replay = await fetch(first.callbackUrl, { redirect: 'manual', headers: { cookie: `ir_sso_state=${state}` } });
    expect(replay.headers.get('location')).toBe('/inloggen?sso=verlopen');
    expect(replay.headers.getSetCookie().some((c) => c.startsWith('ir_session=') && !c.startsWith('ir_session=;'))).toBe(false);
  });

  it('refuses a callback from another browser (state not its own) and a login attempt that took too long', async () => {
    const stranger = await ssoLogin(platform.url, { organisatie: arnhem }, 'arnhem-consulent', (url) => url.replace(/state=[^&]+/, 'state=niet-van-deze-browser'));
    expect(stranger.landing).toBe('/inloggen?sso=verlopen');
    const slow = await ssoLogin(platform.url, { organisatie: arnhem }, 'arnhem-consulent', async (url) => {
      await pg.query(`UPDATE sso_login_attempt SET expires_at = now() - interval '1 second'`);
      return url;
    });
    expect(slow.landing).toBe('/inloggen?sso=verlopen');
    expect(slow.platformCookies.get('ir_session')).toBeUndefined();
  });

  it('never creates an unknown user: a clear message, nothing created, logged', async () => {
    const users = Number((await pg.query(`SELECT count(*) FROM app_user`)).rows[0].count);
    const result = await ssoLogin(platform.url, { organisatie: arnhem }, 'nieuw');
    expect(result.landing).toBe('/inloggen?sso=onbekend');
    expect(result.platformCookies.get('ir_session')).toBeUndefined();
    expect(Number((await pg.query(`SELECT count(*) FROM app_user`)).rows[0].count)).toBe(users);
    expect((await pg.query(`SELECT count(*) FROM sso_identity WHERE subject = 'nieuw'`)).rows[0].count).toBe('0');
    expect(readServerLog()).toContain('"reason":"no-account-in-organisation"');
  });

  it('does not match an address the provider did not verify', async () => {
    const result = await ssoLogin(platform.url, { organisatie: arnhem }, 'arnhem-onbevestigd');
    expect(result.landing).toBe('/inloggen?sso=onbekend');
  });

  it('does not let a user of another organisation in through this organisation\'s provider, even with its domain listed', async () => {
    await admin.ok(SAVE, { input: arnhemInput({ emailDomains: ['arnhem.demo.nl', 'zevenaar.demo.nl'], clientSecret: null }) });
    try {
      const result = await ssoLogin(platform.url, { organisatie: arnhem }, 'zevenaar-consulent');
      expect(result.landing).toBe('/inloggen?sso=onbekend');
      expect(result.platformCookies.get('ir_session')).toBeUndefined();
    } finally {
      await admin.ok(SAVE, { input: arnhemInput({ clientSecret: null }) });
    }
  });

  it('sends an address or organisation without single sign-on back to the login page', async () => {
    for (const query of ['email=iemand%40onbekend.nl', `organisatie=00000000-0000-0000-0000-000000000000`, 'organisatie=geen-uuid', '']) {
      const response = await fetch(`${platform.url}/api/sso/start?${query}`, { redirect: 'manual' });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/inloggen?sso=geen-organisatie');
    }
  });
});

describe('an eHerkenning broker that takes a signed assertion instead of a secret (private_key_jwt)', () => {
  const newBeesInput = (overrides: Record<string, unknown> = {}) => ({
    organisationId: newBees, kind: 'EHERKENNING', issuerUrl: idp.issuer, clientId: PKJWT_CLIENT_ID, clientSecret: null,
    clientAuthentication: 'PRIVATE_KEY_JWT', emailDomains: ['newbees.demo.nl'], emailMatching: 'VERIFIED', enabled: true, ...overrides,
  });

  it('needs no secret, makes the platform a key and publishes only its public half', async () => {
    const saved = await admin.ok<{ saveSsoConnection: { connection: { clientAuthentication: string; hasClientSecret: boolean; jwksPath: string } } }, { input: Record<string, unknown> }>(SAVE, { input: newBeesInput() });
    expect(saved.saveSsoConnection.connection).toMatchObject({ clientAuthentication: 'PRIVATE_KEY_JWT', hasClientSecret: false, jwksPath: `/api/sso/${newBees}/jwks.json` });
    const response = await fetch(`${platform.url}${saved.saveSsoConnection.connection.jwksPath}`);
    expect(response.status).toBe(200);
    const { keys } = (await response.json()) as { keys: Record<string, string>[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(keys[0]).not.toHaveProperty('d');
    const { rows } = await pg.query<{ signing_key_encrypted: string }>(`SELECT signing_key_encrypted FROM sso_connection WHERE organisation_id = $1`, [newBees]);
    expect(rows[0].signing_key_encrypted).toMatch(/^v1:/);
    expect(rows[0].signing_key_encrypted).not.toContain(keys[0].x);
    // Saving again keeps the key the broker has cached.
    await admin.ok(SAVE, { input: newBeesInput() });
    const again = (await (await fetch(`${platform.url}/api/sso/${newBees}/jwks.json`)).json()) as { keys: Record<string, string>[] };
    expect(again.keys[0].kid).toBe(keys[0].kid);
  });

  it('logs in through the broker, which only accepts the platform\'s signed assertion at its token endpoint', async () => {
    await admin.ok(SAVE, { input: newBeesInput() });
    const result = await ssoLogin(platform.url, { organisatie: newBees }, 'newbees-beheer');
    if (result.landing !== '/') console.log(readServerLog().split('\n').slice(-8).join('\n'));
    expect(result.landing).toBe('/');
    expect(await me(result.platformCookies.get('ir_session'))).toMatchObject({ email: 'aanbieder@newbees.demo.nl', organisation: { id: newBees } });
  });

  it('fails the login when the platform offers a secret to a broker that wants the assertion', async () => {
    await admin.ok(SAVE, { input: newBeesInput({ clientAuthentication: 'CLIENT_SECRET', clientSecret: 'een-geheim-dat-de-makelaar-niet-kent' }) });
    try {
      const result = await ssoLogin(platform.url, { organisatie: newBees }, 'newbees-beheer');
      expect(result.landing).toBe('/inloggen?sso=mislukt');
    } finally {
      await admin.ok(SAVE, { input: newBeesInput() });
    }
  });

  it('answers no key for an organisation that uses a secret, an unknown one, or a malformed address', async () => {
    for (const id of [arnhem, '00000000-0000-0000-0000-000000000000', 'geen-uuid']) {
      expect((await fetch(`${platform.url}/api/sso/${id}/jwks.json`)).status).toBe(404);
    }
  });

  it('still asks a secret for client-secret authentication of an organisation without one', async () => {
    const zevenaar = (await pg.query<{ organisation_id: string }>(`SELECT organisation_id FROM app_user WHERE email = 'consulent@zevenaar.demo.nl'`)).rows[0].organisation_id;
    const result = await admin.request(SAVE, { input: newBeesInput({ organisationId: zevenaar, kind: 'OIDC', emailDomains: ['zevenaar.demo.nl'], clientAuthentication: 'CLIENT_SECRET' }) });
    expect(result.errors?.[0].extensions?.fields).toEqual([{ field: 'clientSecret', message: 'Vul het clientgeheim in.' }]);
  });
});

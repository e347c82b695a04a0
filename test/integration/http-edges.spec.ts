import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { loginAs } from '../support/graphql-session';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await startTestPlatform();
});
afterAll(() => platform.close());

describe('health', () => {
  it('reports live and ready with database and Redis', async () => {
    expect(await (await fetch(`${platform.url}/health/live`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${platform.url}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ok', database: 'ok', redis: 'ok' });
  });
});

describe('GraphQL protections', () => {
  it('refuses a request that could be a cross-site form post (CSRF prevention)', async () => {
    const response = await fetch(`${platform.url}/graphql?query=${encodeURIComponent('{ me { id } }')}`);
    expect(response.status).toBe(400);
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${platform.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ query: '{ me { id } }' }, { query: '{ me { id } }' }]),
    });
    expect(response.status).toBe(400);
  });

  it('refuses a query that nests too deep', async () => {
    const session = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
    const deep = `{ lots { region { id } providers { id } municipalities { id } id name } }`;
    expect((await session.request(deep)).errors).toBeUndefined();
    let nested = 'id';
    for (let i = 0; i < 12; i += 1) nested = `__typename ... on Query { me { organisation { ${nested} } } }`;
    const result = await session.request(`{ ${nested} }`);
    expect(result.data).toBeNull();
    expect(result.errors?.[0]).toEqual({
      message: 'De aanvraag is te groot of te diep genest. Vraag minder gegevens tegelijk op.',
      extensions: { code: 'QUERY_TOO_COMPLEX' },
    });
  });

  it('refuses too many aliases in one query', async () => {
    const session = await loginAs(platform.url, 'projectleider@midden-gelderland.demo.nl');
    const aliases = Array.from({ length: 20 }, (_, i) => `a${i}: lots { id }`).join(' ');
    const result = await session.request(`{ ${aliases} }`);
    expect(result.data).toBeNull();
    expect(result.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
  });
});

describe('refusals by the framework itself', () => {
  const post = (path: string, body: string, contentType = 'application/json') =>
    fetch(`${platform.url}${path}`, { method: 'POST', headers: { 'content-type': contentType, 'apollo-require-preflight': '1' }, body });

  it('answer a GraphQL body that is no JSON, or over 1 MB, as GraphQL errors in Dutch', async () => {
    const broken = await post('/graphql', '{"query": ');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ errors: [{ message: 'Ongeldige aanvraag: De aanvraag is geen geldige JSON.', extensions: { code: 'BAD_REQUEST' } }] });
    const large = await post('/graphql', JSON.stringify({ query: '{ __typename }', variables: { x: 'a'.repeat(1_100_000) } }));
    expect(large.status).toBe(413);
    expect(await large.json()).toEqual({ errors: [{ message: 'Ongeldige aanvraag: De aanvraag is te groot (maximaal 1 MB).', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
  });

  it('answer elsewhere with a code and a Dutch message, also for an address without a route', async () => {
    const broken = await post('/api/sso/logout', '{');
    expect(broken.status).toBe(400);
    expect(await broken.json()).toEqual({ code: 'BAD_REQUEST', message: 'De aanvraag is geen geldige JSON.', fields: [] });
    const unknown = await fetch(`${platform.url}/api/bestaat-niet`);
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ code: 'NOT_FOUND', message: 'Dit adres bestaat niet.', fields: [] });
  });

  it('leave the errors of the routes themselves as they were', async () => {
    const jwks = await fetch(`${platform.url}/api/sso/00000000-0000-4000-8000-000000000000/jwks.json`);
    expect(jwks.status).toBe(404);
    expect((await jwks.json()).message).toBe('Deze organisatie logt niet in met een ondertekende verklaring (private_key_jwt).');
  });
});

describe('single sign-on routes (/api/sso)', () => {
  it('are public, yet never give a session without a valid login at an identity provider', async () => {
    const callback = await fetch(`${platform.url}/api/sso/callback?code=abc&state=def`, { redirect: 'manual', headers: { cookie: 'ir_sso_state=def' } });
    expect(callback.status).toBe(303);
    expect(callback.headers.get('location')).toBe('/inloggen?sso=verlopen');
    expect(callback.headers.get('cache-control')).toBe('no-store');
    expect(callback.headers.getSetCookie().filter((c) => c.startsWith('ir_session=') && !c.startsWith('ir_session=;'))).toEqual([]);
    const start = await fetch(`${platform.url}/api/sso/start?organisatie=${encodeURIComponent("' OR 1=1 --")}`, { redirect: 'manual' });
    expect(start.headers.get('location')).toBe('/inloggen?sso=geen-organisatie');
  });

  it('log out only by POST, and answer without a provider address when there is no session', async () => {
    expect((await fetch(`${platform.url}/api/sso/logout`)).status).toBe(404);
    const logout = await fetch(`${platform.url}/api/sso/logout`, { method: 'POST' });
    expect(logout.status).toBe(200);
    expect(await logout.json()).toEqual({ redirectUrl: null });
  });
});

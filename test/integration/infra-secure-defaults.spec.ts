// Issue #8 (#9): secure by default. Without the explicit development flag the session cookie is Secure, introspection
// is off and the API does not suggest field names; only APP_ENV=development (npm start, the tests) loosens that.
import type { Server } from 'node:http';
import { loadConfig } from '../../apps/api/src/config/app-config';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { DEMO_PASSWORD, GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { id } }`;
const env = { DATABASE_URL: 'postgres://x/y', REDIS_URL: 'redis://x', BSN_ENCRYPTION_KEY: Buffer.alloc(32).toString('base64') };

async function probe(platform: TestPlatform) {
  const session = new GraphqlSession(platform.url);
  await session.ok(LOGIN, { input: { email: 'projectleider@midden-gelderland.demo.nl', password: DEMO_PASSWORD } });
  const cookie = session.lastSetCookie ?? '';
  const introspection = await session.request(`{ __schema { queryType { name } } }`);
  const typo = await session.request(`{ lotz { id } }`);
  return { cookie, introspection, typo };
}

describe('configuration', () => {
  it('is production-like unless APP_ENV=development is set', () => {
    expect(loadConfig(env).development).toBe(false);
    expect(loadConfig({ ...env, NODE_ENV: 'test' }).development).toBe(false);
    expect(loadConfig({ ...env, APP_ENV: 'production' }).development).toBe(false);
    expect(loadConfig({ ...env, APP_ENV: 'development' }).development).toBe(true);
  });
});

describe('secure defaults (no development flag)', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ config: { development: false } });
  });
  afterAll(() => platform.close());

  it('ends a request that has not arrived whole after five minutes, as Node does by default (Fastify would wait for ever)', async () => {
    const app = await createApiApp(platform.config);
    try {
      expect((app.getHttpServer() as Server).requestTimeout).toBe(300_000);
    } finally {
      await app.close();
    }
  });

  it('sends a Secure session cookie, refuses introspection and suggests no field names', async () => {
    const { cookie, introspection, typo } = await probe(platform);
    expect(cookie).toMatch(/;\s*Secure/i);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(introspection.data).toBeNull();
    expect(introspection.errors?.[0].message).toMatch(/introspection/i);
    expect(typo.errors?.[0].message).not.toMatch(/Did you mean/i);
    expect(typo.errors?.[0].message).not.toMatch(/lots/);
  });
});

describe('explicit local development', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await startTestPlatform({ config: { development: true } });
  });
  afterAll(() => platform.close());

  it('allows a plain-http cookie, introspection and suggestions', async () => {
    const { cookie, introspection, typo } = await probe(platform);
    expect(cookie).not.toMatch(/;\s*Secure/i);
    expect(introspection.errors).toBeUndefined();
    expect(typo.errors?.[0].message).toMatch(/Did you mean .*"lots"/);
  });
});

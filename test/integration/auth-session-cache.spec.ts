import type { AddressInfo } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { LogoutDocument } from '@inburgering/contracts';
import { Client } from 'pg';
import { SESSION_CACHE_TTL_MS } from '../../apps/api/src/auth/session-cache';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { loginAs } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';
import { waitFor } from '../support/wait-for';

// Two API processes on one database and Redis, as in production: each keeps sessions in memory (no database round trip
// per request), and a logout in one is honoured by the other within moments, well inside the cache's lifetime.

let platform: TestPlatform;
let second: INestApplication;
let secondUrl: string;
let pg: Client;

beforeAll(async () => {
  platform = await startTestPlatform();
  second = await createApiApp(platform.config);
  await second.listen(0, '127.0.0.1');
  secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
});
afterAll(async () => {
  await pg.end();
  await second.close();
  await platform.close();
});

/** Who the API at `url` says is logged in with this cookie (null: nobody). */
async function whoAmI(url: string, cookie: string): Promise<string | null> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify({ query: '{ me { email } }' }),
  });
  const body = (await response.json()) as { data?: { me: { email: string } | null } };
  return body.data?.me?.email ?? null;
}

const cookieOf = (setCookie: string | null): string => setCookie!.split(';')[0];

it('answers a known session from memory: a session row removed behind its back is still honoured until the cache lets go', async () => {
  const session = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  const cookie = cookieOf(session.lastSetCookie);
  expect(await whoAmI(secondUrl, cookie)).toBe('consulent@arnhem.demo.nl');
  // No revocation message: only the cache's lifetime ends it (this is what the short TTL bounds).
  await pg.query(`DELETE FROM user_session WHERE user_id = (SELECT id FROM app_user WHERE email = 'consulent@arnhem.demo.nl')`);
  expect(await whoAmI(secondUrl, cookie)).toBe('consulent@arnhem.demo.nl');
  await waitFor('cache lifetime over', async () => (await whoAmI(secondUrl, cookie)) === null, SESSION_CACHE_TTL_MS + 5_000);
});

it('honours a logout in one API process in the other within moments', async () => {
  const session = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  const cookie = cookieOf(session.lastSetCookie);
  expect(await whoAmI(secondUrl, cookie)).toBe('aanbieder@newbees.demo.nl');
  expect(await whoAmI(platform.url, cookie)).toBe('aanbieder@newbees.demo.nl');

  const loggedOutAt = Date.now();
  await session.ok(LogoutDocument);
  expect(await whoAmI(platform.url, cookie)).toBeNull();
  await waitFor('logout reaches the second process', async () => (await whoAmI(secondUrl, cookie)) === null, 3_000);
  expect(Date.now() - loggedOutAt).toBeLessThan(SESSION_CACHE_TTL_MS);
});

// Issue #8 (#8): no brute force on login. Failed attempts are counted per account and per network address in Redis,
// so every API process shares them; while blocked even the right password is refused, and unknown and known accounts
// get the same answer.
import type { AddressInfo } from 'node:net';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '../../apps/api/src/create-api-app';
import { DEMO_PASSWORD, GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

const LOGIN = `mutation Login($input: LoginInput!) { login(input: $input) { id } }`;
const THROTTLED = /^Te veel mislukte inlogpogingen\. Probeer het over \d+ minuten? opnieuw\.$/;

let platform: TestPlatform;
let second: NestFastifyApplication;
let secondUrl: string;
beforeAll(async () => {
  platform = await startTestPlatform({ config: { loginThrottle: { perAccount: 5, perAddress: 25 } } });
  // A second API process on the same database and Redis (same key prefix), as when the API is scaled out.
  second = await createApiApp(platform.config);
  await second.listen(0, '127.0.0.1');
  secondUrl = `http://127.0.0.1:${(second.getHttpServer().address() as AddressInfo).port}`;
});
afterAll(async () => {
  await second.close();
  await platform.close();
});

async function attempt(url: string, email: string, password: string) {
  const session = new GraphqlSession(url);
  const result = await session.request(LOGIN, { input: { email, password } });
  return { error: result.errors?.[0], cookie: session.lastSetCookie };
}

describe('login throttling', () => {
  it('blocks an account after repeated wrong passwords across two API processes, the right password included', async () => {
    const email = 'consulent@zevenaar.demo.nl';
    for (let i = 0; i < 3; i += 1) expect((await attempt(platform.url, email, `fout-${i}`)).error?.extensions?.code).toBe('UNAUTHENTICATED');
    for (let i = 0; i < 2; i += 1) expect((await attempt(secondUrl, email, `fout-b-${i}`)).error?.extensions?.code).toBe('UNAUTHENTICATED');
    const right = await attempt(platform.url, email, DEMO_PASSWORD);
    expect(right.error?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(right.error?.message).toMatch(THROTTLED);
    expect((right.error?.extensions as { retryAfterSeconds?: number }).retryAfterSeconds).toBeGreaterThan(0);
    expect(right.cookie).toBeNull();
    // The other process refuses it too, also with the address written in capitals.
    expect((await attempt(secondUrl, 'Consulent@Zevenaar.demo.nl', DEMO_PASSWORD)).error?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });

  it('answers an unknown account exactly like a known one', async () => {
    const known = 'consulent@oss.demo.nl';
    const unknown = 'niemand@oss.demo.nl';
    const answers: { known: string[]; unknown: string[] } = { known: [], unknown: [] };
    for (let i = 0; i < 6; i += 1) {
      answers.known.push(String((await attempt(platform.url, known, 'fout')).error?.message));
      answers.unknown.push(String((await attempt(secondUrl, unknown, 'fout')).error?.message));
    }
    expect(answers.unknown).toEqual(answers.known);
    expect(answers.known[0]).toBe('Het e-mailadres of het wachtwoord is onjuist.');
    expect(answers.known[5]).toMatch(THROTTLED);
  });

  it('a successful login before the limit resets the account counter', async () => {
    const email = 'consulent@kerkrade.demo.nl';
    for (let i = 0; i < 4; i += 1) await attempt(platform.url, email, 'fout');
    expect((await attempt(platform.url, email, DEMO_PASSWORD)).error).toBeUndefined();
    for (let i = 0; i < 4; i += 1) await attempt(platform.url, email, 'fout');
    expect((await attempt(secondUrl, email, DEMO_PASSWORD)).error).toBeUndefined();
  });

  it('blocks a network address that tries many accounts', async () => {
    // The earlier tests left 23 failures on this address; spread more over fresh accounts, none reaching its own limit.
    for (let i = 0; i < 11; i += 1) await attempt(i % 2 ? platform.url : secondUrl, `onbekend${i}@example.nl`, 'fout');
    const result = await attempt(platform.url, 'projectleider@midden-gelderland.demo.nl', DEMO_PASSWORD);
    expect(result.error?.extensions?.code).toBe('TOO_MANY_REQUESTS');
  });
});

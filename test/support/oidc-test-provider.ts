// Starts test/support/oidc-test-provider.mjs (a real oidc-provider) as a child process, and drives a single sign-on
// login through it over plain HTTP (its development login and consent pages), as a browser would.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  name?: string;
}

export interface TestIdentityProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The next ID token the token endpoint gives is re-signed with these claims changed. */
  tamper(claims: Record<string, unknown>): Promise<void>;
  close(): Promise<void>;
}

export const TEST_CLIENT_ID = 'inburgering-regio';
export const TEST_CLIENT_SECRET = 'test-geheim-van-de-identity-provider';

/** A client that authenticates with private_key_jwt only: the provider reads the platform's public key at `jwksUri`. */
export function privateKeyJwtClient(platformUrl: string, clientId: string, jwksUri: string): Record<string, unknown> {
  return {
    client_id: clientId,
    token_endpoint_auth_method: 'private_key_jwt',
    token_endpoint_auth_signing_alg: 'ES256',
    jwks_uri: jwksUri,
    redirect_uris: [`${platformUrl}/api/sso/callback`],
    post_logout_redirect_uris: [`${platformUrl}/inloggen`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  };
}

/** The identity provider, with one client whose redirect and logout addresses are the platform's (and any `extraClients`). */
export async function startTestIdentityProvider(
  platformUrl: string,
  accounts: Record<string, TestAccount>,
  extraClients: Record<string, unknown>[] = [],
): Promise<TestIdentityProvider> {
  const options = {
    clients: [...extraClients, {
      client_id: TEST_CLIENT_ID,
      client_secret: TEST_CLIENT_SECRET,
      redirect_uris: [`${platformUrl}/api/sso/callback`],
      post_logout_redirect_uris: [`${platformUrl}/inloggen`],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    }],
    accounts,
  };
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'oidc-test-provider.mjs'), JSON.stringify(options)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const issuer = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { issuer: string }).issuer));
    child.once('exit', (code) => reject(new Error(`identity provider stopte (${code}): ${stderr}`)));
  });
  return {
    issuer,
    clientId: TEST_CLIENT_ID,
    clientSecret: TEST_CLIENT_SECRET,
    async tamper(claims) {
      const response = await fetch(`${issuer}/__test/tamper`, { method: 'POST', body: JSON.stringify(claims) });
      if (response.status !== 204) throw new Error(`tamper: ${response.status}`);
    },
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}

/** name → value, from the Set-Cookie headers of the responses so far. */
class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const [pair, ...attributes] = header.split(';');
      const [name, ...value] = pair.trim().split('=');
      const expired = attributes.some((a) => /^\s*expires=Thu, 01 Jan 1970/i.test(a)) || value.join('=') === '';
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value.join('='));
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}

export interface SsoLoginResult {
  /** Where the platform's callback sent the browser (`/` on success, `/inloggen?sso=…` otherwise). */
  landing: string;
  /** The platform's cookies after the callback: `ir_session=…` on success. */
  platformCookies: CookieJar;
  /** The callback address the identity provider sent the browser to (code, state, iss), to replay it. */
  callbackUrl: string;
}

/**
 * A browser's way through a single sign-on login: the platform's start address, the identity provider's login page
 * (as `login`) and consent page, back to the platform's callback. `beforeCallback` may change the callback address.
 */
export async function ssoLogin(
  platformUrl: string,
  start: { organisatie: string } | { email: string },
  login: string,
  beforeCallback?: (callbackUrl: string) => string | Promise<string>,
): Promise<SsoLoginResult> {
  const platform = new CookieJar();
  const provider = new CookieJar();
  const query = new URLSearchParams(start).toString();
  const first = await fetch(`${platformUrl}/api/sso/start?${query}`, { redirect: 'manual' });
  platform.take(first);
  let location = absolute(first.headers.get('location'), platformUrl);
  for (let step = 0; step < 20; step += 1) {
    if (location.startsWith(platformUrl)) {
      if (!location.startsWith(`${platformUrl}/api/sso/callback`)) return { landing: location.slice(platformUrl.length), platformCookies: platform, callbackUrl: '' };
      const callbackUrl = beforeCallback ? await beforeCallback(location) : location;
      const back = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie: platform.header() } });
      platform.take(back);
      return { landing: absolute(back.headers.get('location'), platformUrl).slice(platformUrl.length), platformCookies: platform, callbackUrl };
    }
    const response = await fetch(location, { redirect: 'manual', headers: { cookie: provider.header() } });
    provider.take(response);
    if (response.status >= 300 && response.status < 400) {
      location = absolute(response.headers.get('location'), location);
      continue;
    }
    const page = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
    const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
    if (!action || !prompt) throw new Error(`onverwachte pagina van de identity provider (${response.status}): ${page.slice(0, 300)}`);
    const form = new URLSearchParams(prompt === 'login' ? { prompt, login, password: 'wachtwoord' } : { prompt });
    const submitted = await fetch(absolute(action, location), {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: provider.header(), 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    provider.take(submitted);
    location = absolute(submitted.headers.get('location'), location);
  }
  throw new Error('te veel omleidingen bij single sign-on');
}

function absolute(location: string | null, base: string): string {
  if (!location) throw new Error('geen Location in het antwoord');
  return new URL(location.replace(/&amp;/g, '&'), base).href;
}

// A real OpenID Connect provider (oidc-provider, koa, ESM) for the single sign-on tests, run as a child process.
// Usage: node oidc-test-provider.mjs '<json options>'; prints one line `{"issuer": "http://127.0.0.1:<port>"}` when ready.
// Options: { clients: [{ client_id, client_secret, redirect_uris, post_logout_redirect_uris }], accounts: { <login>: { email, email_verified } } }.
// Its development login and consent pages (devInteractions) take any password; a login not in `accounts` is refused.
// `POST /__test/tamper` with a JSON body { aud?, exp?, nonce? } re-signs the next ID token from the token endpoint with those
// claims changed (a provider that answers wrongly, with a valid signature), so the relying party's checks can be tested.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import Provider from 'oidc-provider';
import { exportJWK, generateKeyPair, importJWK, SignJWT, decodeJwt } from 'jose';

const options = JSON.parse(process.argv[2] ?? '{}');
const accounts = options.accounts ?? {};

const { privateKey } = await generateKeyPair('RS256', { extractable: true });
const signingJwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
const signingKey = await importJWK(signingJwk, 'RS256');

const server = createServer();
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const issuer = `http://127.0.0.1:${server.address().port}`;

const provider = new Provider(issuer, {
  clients: options.clients ?? [],
  jwks: { keys: [signingJwk] },
  cookies: { keys: ['oidc-test-provider-cookie-key'] },
  claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
  features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true } },
  pkce: { required: () => true },
  // The platform's jwks_uri (private_key_jwt) is on 127.0.0.1 in tests: without the guard against special-use addresses.
  fetch: (url, { dispatcher: _guard, ...init }) => globalThis.fetch(url, init),
  async findAccount(_ctx, id) {
    const account = accounts[id];
    if (!account) return undefined;
    return { accountId: id, claims: async () => ({ sub: id, name: account.name ?? id, email: account.email, email_verified: account.email_verified }) };
  },
  // The test pages are plain http on 127.0.0.1.
  renderError(ctx, out) {
    ctx.type = 'html';
    ctx.body = `<!doctype html><title>Fout</title><h1>Fout bij de identity provider</h1><pre>${String(out.error)}: ${String(out.error_description ?? '')}</pre>`;
  },
});
provider.proxy = false;
// Why a token request was refused (e.g. the client's JWKS could not be read), on stderr for the test's failure message.
provider.on('grant.error', (_ctx, err) => process.stderr.write(`grant.error ${err.message}: ${err.error_description ?? ''} ${err.cause?.error_description ?? ''} ${err.cause?.cause?.message ?? ''}\n`));

let tamper = null;
provider.use(async (ctx, next) => {
  if (ctx.path === '/__test/tamper' && ctx.method === 'POST') {
    let body = '';
    for await (const chunk of ctx.req) body += chunk;
    tamper = JSON.parse(body || '{}');
    ctx.status = 204;
    return;
  }
  await next();
  if (ctx.path === '/token' && tamper && ctx.status === 200 && ctx.body && typeof ctx.body === 'object' && ctx.body.id_token) {
    const claims = { ...decodeJwt(ctx.body.id_token), ...tamper };
    tamper = null;
    ctx.body = { ...ctx.body, id_token: await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: signingJwk.kid, typ: 'JWT' }).sign(signingKey) };
  }
});

server.on('request', provider.callback());
process.stdout.write(`${JSON.stringify({ issuer })}\n`);
process.on('SIGTERM', () => server.close(() => process.exit(0)));

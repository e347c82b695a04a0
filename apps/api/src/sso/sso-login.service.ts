import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ssoMatchableEmail } from '@inburgering/domain';
import { createHash } from 'node:crypto';
import * as oidc from 'openid-client';
import type { Logger } from 'pino';
import { DataSource, LessThan } from 'typeorm';
import { SessionService } from '../auth';
import { AppUserEntity, SsoConnectionEntity, SsoIdentityEntity, SsoLoginAttemptEntity, SsoSessionEntity } from '../database';
import { OidcClientFactory } from './oidc-client.factory';

/** How long a user may take at the identity provider. */
const ATTEMPT_TTL_MS = 10 * 60_000;

const hash = (value: string) => createHash('sha256').update(value).digest('hex');

/** Why a login at an identity provider ended without a session; the login page shows a Dutch text per reason. */
export type SsoFailure = 'unknown-user' | 'expired' | 'failed' | 'cancelled' | 'no-organisation';

/** The ID token claim a check failed on (openid-client wraps oauth4webapi's error, which names it in its cause). */
function claimOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 4; e = (e as { cause?: unknown }).cause, depth += 1) {
    const claim = (e as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
  }
  return undefined;
}

export class SsoLoginFailed extends Error {
  constructor(readonly reason: SsoFailure) {
    super(reason);
  }
}

export interface SsoSessionStart {
  token: string;
  expiresAt: Date;
}

/** The authorization code flow with PKCE, state and nonce; matches the answer to an account the admin created. */
@Injectable()
export class SsoLoginService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly clients: OidcClientFactory,
    private readonly sessions: SessionService,
  ) {}

  /** Starts a login: remembers state, nonce and PKCE verifier (once, for minutes) and gives the identity provider's address. */
  async start(connection: SsoConnectionEntity, redirectUri: string, loginHint: string | null, log: Logger): Promise<{ url: string; state: string }> {
    let configuration: oidc.Configuration;
    try {
      configuration = await this.clients.configuration(connection);
    } catch (error) {
      log.warn({ err: error, connectionId: connection.id }, 'single sign-on: identity provider niet bereikbaar');
      throw new SsoLoginFailed('failed');
    }
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const attempts = this.db.getRepository(SsoLoginAttemptEntity);
    // Wall-clock security like the session lifetime: never the Clock a test sets.
    await attempts.delete({ expiresAt: LessThan(new Date()) });
    await attempts.insert({ stateHash: hash(state), connectionId: connection.id, nonce, codeVerifier, expiresAt: new Date(Date.now() + ATTEMPT_TTL_MS) });
    const url = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid email profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...(loginHint ? { login_hint: loginHint } : {}),
    });
    return { url: url.href, state };
  }

  /**
   * Finishes a login at the callback: the state must be this browser's and unused, the code is exchanged with the PKCE
   * verifier, the ID token's issuer, audience, lifetime and nonce are checked (openid-client), and the subject is matched.
   */
  async finish(callbackUrl: URL, browserState: string | null, log: Logger): Promise<SsoSessionStart> {
    const state = callbackUrl.searchParams.get('state');
    if (!state || !browserState || state !== browserState) {
      log.warn({ reason: 'state' }, 'single sign-on geweigerd: state ontbreekt of hoort niet bij deze browser');
      throw new SsoLoginFailed('expired');
    }
    // Used once: the row is taken in the same statement that reads it, so a replayed state finds nothing.
    const taken = await this.db.createQueryBuilder().delete().from(SsoLoginAttemptEntity).where('state_hash = :h', { h: hash(state) }).returning('*').execute();
    const row = (taken.raw as { connection_id: string; nonce: string; code_verifier: string; expires_at: Date }[])[0];
    if (!row || new Date(row.expires_at).getTime() < Date.now()) {
      log.warn({ reason: row ? 'attempt-expired' : 'attempt-unknown-or-used' }, 'single sign-on geweigerd: inlogpoging verlopen of al gebruikt');
      throw new SsoLoginFailed('expired');
    }
    const connection = await this.db.getRepository(SsoConnectionEntity).findOne({ where: { id: row.connection_id, enabled: true } });
    if (!connection) throw new SsoLoginFailed('failed');
    if (callbackUrl.searchParams.get('error')) {
      log.info({ connectionId: connection.id, error: callbackUrl.searchParams.get('error') }, 'single sign-on afgebroken bij de identity provider');
      throw new SsoLoginFailed('cancelled');
    }

    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    let claims: oidc.IDToken;
    let configuration: oidc.Configuration;
    try {
      configuration = await this.clients.configuration(connection);
      tokens = await oidc.authorizationCodeGrant(configuration, callbackUrl, { pkceCodeVerifier: row.code_verifier, expectedState: state, expectedNonce: row.nonce, idTokenExpected: true });
      const idTokenClaims = tokens.claims();
      if (!idTokenClaims) throw new Error('no ID token');
      claims = idTokenClaims;
    } catch (error) {
      // An error answer of the token endpoint (e.g. invalid_client) carries its reason in `error` and `error_description`.
      const { code, error: reason, error_description: description } = error as { code?: unknown; error?: unknown; error_description?: unknown };
      log.warn({ err: error, code, reason, description, claim: claimOf(error), connectionId: connection.id }, 'single sign-on geweigerd: antwoord van de identity provider ongeldig');
      throw new SsoLoginFailed('failed');
    }
    let profile: { email?: unknown; email_verified?: unknown } = { email: claims.email, email_verified: claims.email_verified };
    if (claims.email === undefined && tokens.access_token) {
      try {
        const info = await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub);
        profile = { email: info.email, email_verified: info.email_verified };
      } catch (error) {
        log.warn({ err: error, connectionId: connection.id }, 'single sign-on: userinfo niet opgehaald');
      }
    }

    const userId = await this.match(connection, claims.iss, claims.sub, profile, log);
    const session = await this.sessions.startSessionFor(userId);
    await this.db.getRepository(SsoSessionEntity).insert({ sessionId: session.sessionId, connectionId: connection.id, idToken: tokens.id_token ?? '' });
    log.info({ connectionId: connection.id, userId }, 'ingelogd met single sign-on');
    return { token: session.token, expiresAt: session.expiresAt };
  }

  /**
   * The account of an identity provider's answer, only within the organisation whose provider answered: by the subject
   * stored on an earlier match, else by a matchable e-mail address (stored subject from then on). Never creates one.
   */
  private async match(connection: SsoConnectionEntity, issuer: string, subject: string, profile: { email?: unknown; email_verified?: unknown }, log: Logger): Promise<string> {
    const refuse = (reason: string, extra: Record<string, unknown> = {}): never => {
      log.warn({ connectionId: connection.id, organisationId: connection.organisationId, reason, subjectHash: hash(`${issuer}|${subject}`).slice(0, 16), ...extra }, 'single sign-on geweigerd: geen account bij deze organisatie');
      throw new SsoLoginFailed('unknown-user');
    };
    const identities = this.db.getRepository(SsoIdentityEntity);
    const known = await identities.findOne({ where: { issuer, subject }, relations: { user: true } });
    if (known?.user) {
      if (known.user.organisationId !== connection.organisationId) return refuse('subject-of-other-organisation');
      if (known.user.deactivatedAt) return refuse('account-deactivated');
      return known.user.id;
    }
    const email = ssoMatchableEmail(profile, connection.emailMatching, connection.emailDomains);
    if (!email) return refuse('no-matchable-email', { emailDomain: typeof profile.email === 'string' ? profile.email.split('@').pop() : null });
    const user = await this.db.getRepository(AppUserEntity).createQueryBuilder('u')
      .where('lower(u.email) = :email', { email })
      .andWhere('u.organisation_id = :organisationId', { organisationId: connection.organisationId })
      .getOne();
    if (!user) return refuse('no-account-in-organisation', { emailDomain: email.split('@').pop() });
    // A deactivated account cannot log in by any path (issue 14), and is refused like an unknown one.
    if (user.deactivatedAt) return refuse('account-deactivated');
    // An account linked to another subject of this issuer is not taken over by whoever now holds its e-mail address.
    const linked = await identities.findOne({ where: { userId: user.id, issuer } });
    if (linked) return refuse('account-linked-to-other-subject');
    await identities.createQueryBuilder().insert().values({ userId: user.id, issuer, subject }).orIgnore().execute();
    log.info({ connectionId: connection.id, userId: user.id }, 'single sign-on: subject aan account gekoppeld');
    return user.id;
  }

  /**
   * Ends the session here (like every logout) and, when it began at an identity provider that supports it, gives the
   * provider's logout address (RP-initiated logout) to send the browser to.
   */
  async logout(token: string | null, postLogoutRedirectUri: string, log: Logger): Promise<string | null> {
    const sessionId = await this.sessions.sessionIdForToken(token);
    const ssoSession = sessionId ? await this.db.getRepository(SsoSessionEntity).findOne({ where: { sessionId }, relations: { connection: true } }) : null;
    await this.sessions.logout(token);
    if (!ssoSession?.connection) return null;
    try {
      const configuration = await this.clients.configuration(ssoSession.connection);
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      return oidc.buildEndSessionUrl(configuration, {
        ...(ssoSession.idToken ? { id_token_hint: ssoSession.idToken } : {}),
        client_id: ssoSession.connection.clientId,
        post_logout_redirect_uri: postLogoutRedirectUri,
      }).href;
    } catch (error) {
      log.warn({ err: error, connectionId: ssoSession.connection.id }, 'single sign-on: uitloggen bij de identity provider niet mogelijk');
      return null;
    }
  }
}

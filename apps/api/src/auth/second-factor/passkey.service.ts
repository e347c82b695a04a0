import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from '@simplewebauthn/server';
import { DataSource } from 'typeorm';
import { AccessService } from '../../access';
import { logProcessing } from '../../audit';
import { ConflictAppError, UnauthenticatedAppError, ValidationAppError } from '../../common';
import { APP_CONFIG, AppConfig } from '../../config';
import { AppUserEntity, PasskeyChallengeEntity, UserPasskeyEntity, type PasskeyChallengePurpose } from '../../database';
import type { Actor } from '../../tenancy';
import { LoginThrottle } from '../login-throttle';
import { SessionService } from '../session.service';
import { confirmOwnPassword } from './own-password';
import { sessionStageAfterRemoval } from './session-stage';
import type { Requester } from './second-factor.service';
import { finishSecondStep, NOT_LOGGED_IN, type NewSession } from './second-step';

const RP_NAME = 'Inburgering Regio';
/** The WebAuthn library, loaded on the first passkey ceremony (it and its ASN.1 parsers are some 200 modules). */
const webAuthn = () => import('@simplewebauthn/server');
/** How long the browser (and the user) may take to answer a challenge. */
const CHALLENGE_MINUTES = 5;
/** ES256 (every platform authenticator) and RS256 (Windows Hello). */
const ALGORITHMS = [-7, -257];
const EXPIRED = 'Het toevoegen van de passkey duurde te lang of is al afgerond. Probeer het opnieuw.';
const PURPOSE_OWN_FACTOR = 'Beveiliging van de eigen account: tweede factor (BIO 9.4.2)';

/** The relying party a challenge is made for: the portal's host name and origin. */
export interface RelyingParty {
  rpId: string;
  origin: string;
}

function parseJson<T>(json: string): T | null {
  try {
    const value: unknown = JSON.parse(json);
    return value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string' ? (value as T) : null;
  } catch {
    return null;
  }
}

/**
 * Passkeys (WebAuthn, with @simplewebauthn/server) as second factor: registered by a logged-in user (or, when a factor
 * is required and the user has none, instead of linking an authenticator app), given at the
 * login's second step instead of a code. Each challenge is kept server-side with the session it was made for, taken
 * once (a DELETE) and valid for five minutes; user verification is preferred, not required (a security key without
 * PIN still proves possession, which is what a second factor is). A signature counter must rise (unless the
 * authenticator keeps none), so a cloned authenticator shows.
 */
@Injectable()
export class PasskeyService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly access: AccessService,
  ) {}

  /** PORTAL_ORIGIN when configured; otherwise the origin the portal's request came from (development, tests). */
  relyingParty(requestOrigin: string): RelyingParty {
    const origin = this.config.portalOrigin ?? requestOrigin;
    return { origin, rpId: this.config.passkeyRpId ?? new URL(origin).hostname };
  }

  /** Registration, step 1: the options for `navigator.credentials.create` (as JSON); the challenge stays here. */
  async startRegistration(requester: Requester, requestOrigin: string): Promise<string> {
    const { sessionId, userId } = await this.registrant(requester);
    const user = await this.db.getRepository(AppUserEntity).findOneOrFail({ select: { id: true, email: true, displayName: true }, where: { id: userId } });
    const existing = await this.db.getRepository(UserPasskeyEntity).find({ select: { id: true, credentialId: true, transports: true }, where: { userId: user.id } });
    const rp = this.relyingParty(requestOrigin);
    const options = await (await webAuthn()).generateRegistrationOptions({
      rpName: RP_NAME,
      rpID: rp.rpId,
      userName: user.email,
      userDisplayName: user.displayName,
      userID: new TextEncoder().encode(user.id),
      attestationType: 'none',
      excludeCredentials: existing.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
      authenticatorSelection: { residentKey: 'preferred', userVerification: 'preferred' },
      supportedAlgorithmIDs: ALGORITHMS,
    });
    await this.keepChallenge(sessionId, 'REGISTER', options.challenge, rp);
    return JSON.stringify(options);
  }

  /** Registration, step 2: checks the browser's answer, keeps the passkey, logs it and ends all the user's other sessions. */
  async finishRegistration(requester: Requester, name: string, responseJson: string): Promise<NewSession> {
    const { sessionId, userId, organisationId } = await this.registrant(requester);
    const challenge = await this.takeChallenge(sessionId, 'REGISTER');
    const response = parseJson<RegistrationResponseJSON>(responseJson);
    if (!challenge || !response) throw new ValidationAppError([{ field: 'response', message: EXPIRED }]);
    const verification = await (await webAuthn()).verifyRegistrationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: challenge.origin,
      expectedRPID: challenge.rpId,
      requireUserVerification: false,
      supportedAlgorithmIDs: ALGORITHMS,
    }).catch(() => null);
    if (!verification?.verified) throw new ValidationAppError([{ field: 'response', message: 'De passkey kon niet worden gecontroleerd. Probeer het opnieuw.' }]);
    const { credential } = verification.registrationInfo;
    await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(UserPasskeyEntity);
      if (await repository.exists({ where: { credentialId: credential.id } })) throw new ConflictAppError('Deze passkey is al toegevoegd.');
      const inserted = await repository.insert({
        userId, credentialId: credential.id, publicKey: Buffer.from(credential.publicKey), counter: String(credential.counter),
        transports: credential.transports ?? [], name: name.trim(), lastUsedAt: null,
      });
      await logProcessing(manager, { userId, organisationId }, 'CREATE', 'USER_PASSKEY', [(inserted.identifiers[0] as { id: string }).id], PURPOSE_OWN_FACTOR);
    });
    return this.sessions.restartSessions(userId, 'FULL');
  }

  /**
   * Who adds a passkey: a logged-in user, or (SECOND_FACTOR=required, no factor yet) a session that may only enrol;
   * the challenge is kept with that session.
   */
  private async registrant(requester: Requester): Promise<{ sessionId: string; userId: string; organisationId: string }> {
    if (requester.actor) {
      const sessionId = await this.sessions.sessionIdForToken(requester.token);
      if (!sessionId) throw new UnauthenticatedAppError();
      return { sessionId, userId: requester.actor.userId, organisationId: requester.actor.organisationId };
    }
    const session = await this.sessions.sessionOfToken(requester.token);
    if (!session || session.stage !== 'ENROL') throw new UnauthenticatedAppError(NOT_LOGGED_IN);
    const user = await this.db.getRepository(AppUserEntity).findOneOrFail({ select: { id: true, organisationId: true }, where: { id: session.userId } });
    return { sessionId: session.id, userId: user.id, organisationId: user.organisationId };
  }

  /** Removes one of the own passkeys: logged; ends every session; this browser continues as the mode allows. */
  /** Removes one of the own passkeys, after the own password (as removing the authenticator app asks); ends every session. */
  async remove(actor: Actor, id: string, password: string, address: string): Promise<NewSession> {
    await this.access.requireOne(actor, 'passkey', id);
    await confirmOwnPassword(this.db, this.throttle, actor.userId, password, address, 'password');
    await this.db.transaction(async (manager) => {
      await manager.getRepository(UserPasskeyEntity).delete({ id, userId: actor.userId });
      await logProcessing(manager, actor, 'DELETE', 'USER_PASSKEY', [id], PURPOSE_OWN_FACTOR);
    });
    return this.sessions.restartSessions(actor.userId, await sessionStageAfterRemoval(this.db, actor.userId, this.config.secondFactor ?? 'required'));
  }

  /** The login's second step with a passkey, step 1: the options for `navigator.credentials.get` (the user's passkeys). */
  async startLogin(token: string | null, requestOrigin: string): Promise<string> {
    const session = await this.sessions.sessionOfToken(token);
    if (!session || session.stage !== 'SECOND_FACTOR') throw new UnauthenticatedAppError(NOT_LOGGED_IN);
    const passkeys = await this.db.getRepository(UserPasskeyEntity).find({ select: { id: true, credentialId: true, transports: true }, where: { userId: session.userId } });
    if (passkeys.length === 0) throw new ConflictAppError('U heeft geen passkey. Log in met de code uit uw authenticator-app of een herstelcode.');
    const rp = this.relyingParty(requestOrigin);
    const options = await (await webAuthn()).generateAuthenticationOptions({
      rpID: rp.rpId,
      allowCredentials: passkeys.map((passkey) => ({ id: passkey.credentialId, transports: passkey.transports })),
      userVerification: 'preferred',
    });
    await this.keepChallenge(session.id, 'LOGIN', options.challenge, rp);
    return JSON.stringify(options);
  }

  /**
   * Step 2: the browser's signed answer. Throttled like a code; an unknown passkey, another user's passkey, a used or
   * expired challenge, a wrong origin or a counter that did not rise all answer as a wrong code does.
   */
  async verifyLogin(token: string | null, responseJson: string, address: string): Promise<NewSession> {
    return finishSecondStep(this.sessions, this.throttle, token, address, (session) => this.acceptAssertion(session.id, session.userId, responseJson));
  }


  private async acceptAssertion(sessionId: string, userId: string, responseJson: string): Promise<boolean> {
    const challenge = await this.takeChallenge(sessionId, 'LOGIN');
    const response = parseJson<AuthenticationResponseJSON>(responseJson);
    if (!challenge || !response) return false;
    const passkey = await this.db.getRepository(UserPasskeyEntity).findOne({ where: { credentialId: response.id, userId } });
    if (!passkey) return false;
    const verification = await (await webAuthn()).verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: challenge.origin,
      expectedRPID: challenge.rpId,
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: Number(passkey.counter), transports: passkey.transports },
      requireUserVerification: false,
    }).catch(() => null);
    if (!verification?.verified) return false;
    const counter = verification.authenticationInfo.newCounter;
    // The counter must rise (0 stays 0 for an authenticator without one); atomic, so two answers cannot both pass.
    const result = await this.db.getRepository(UserPasskeyEntity).createQueryBuilder().update()
      .set({ counter: String(counter), lastUsedAt: () => 'now()' })
      .where('id = :id AND (counter < :counter OR (counter = 0 AND :counter = 0))', { id: passkey.id, counter })
      .execute();
    return result.affected === 1;
  }

  /** One open challenge per session (a new one replaces the old), valid for a few minutes on the database's clock. */
  private async keepChallenge(sessionId: string, purpose: PasskeyChallengePurpose, challenge: string, rp: RelyingParty): Promise<void> {
    await this.db.getRepository(PasskeyChallengeEntity).createQueryBuilder().insert()
      .values({ sessionId, purpose, challenge, rpId: rp.rpId, origin: rp.origin, expiresAt: () => `now() + interval '${CHALLENGE_MINUTES} minutes'` })
      .orUpdate(['purpose', 'challenge', 'rp_id', 'origin', 'expires_at'], ['session_id'])
      .execute();
  }

  /** Takes the session's open challenge of this purpose (once: it is deleted), or null when there is none or it expired. */
  private async takeChallenge(sessionId: string, purpose: PasskeyChallengePurpose): Promise<Pick<PasskeyChallengeEntity, 'challenge' | 'rpId' | 'origin'> | null> {
    const result = await this.db.getRepository(PasskeyChallengeEntity).createQueryBuilder().delete()
      .where('session_id = :sessionId', { sessionId })
      .returning('purpose, challenge, rp_id, origin, (expires_at > now()) AS live')
      .execute();
    const rows = result.raw as { purpose: string; challenge: string; rp_id: string; origin: string; live: boolean }[];
    const row = rows[0];
    if (!row?.live || row.purpose !== purpose) return null;
    return { challenge: row.challenge, rpId: row.rp_id, origin: row.origin };
  }

  /** Ends every session of the user (every API process) and opens one for this browser. */}

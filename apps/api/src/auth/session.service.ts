import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hash, randomBytes } from 'node:crypto';
import { DataSource, MoreThan, Raw } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config';
import { UnauthenticatedAppError } from '../common';
import { AppUserEntity, SharedServiceMunicipalityEntity, UserSessionEntity, type SessionStage } from '../database';
import type { Actor } from '../tenancy';
import { LoginThrottle } from './login-throttle';
import { SessionCache } from './session-cache';
import { hashPassword, verifyPassword } from './password';
import { sessionStageAfterPassword } from './second-factor/session-stage';

// One-shot (`crypto.hash`): under half the CPU of a Hash object, and every request hashes its token (the session cache
// is keyed by the hash).
const hashToken = (token: string) => hash('sha256', token, 'hex');

/** How long a session waiting for its second factor or enrolment may last. */
const PENDING_SESSION_MS = 15 * 60_000;
/** Idle timeout when the config sets none (SESSION_IDLE_MINUTES). */
const DEFAULT_IDLE_SECONDS = 30 * 60;

/** A user with the organisation loaded: everything an actor is made of. */
type UserWithOrganisation = AppUserEntity & { organisation: NonNullable<AppUserEntity['organisation']> };

const toActor = (user: UserWithOrganisation, servedMunicipalityIds: readonly string[] | null): Actor => ({
  userId: user.id,
  role: user.role,
  organisationId: user.organisation.id,
  organisationKind: user.organisation.kind,
  regionId: user.organisation.kind === 'REGION' ? user.organisation.id : user.organisation.regionId,
  sharedService: servedMunicipalityIds ? { id: user.organisation.id, municipalityIds: servedMunicipalityIds } : null,
});

@Injectable()
export class SessionService {
  // Verifying against a dummy hash when the e-mail is unknown keeps response times alike.
  private readonly dummyHash = hashPassword('dummy-password-for-timing');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly throttle: LoginThrottle,
    private readonly cache: SessionCache,
  ) {}

  /** `address` is the caller's network address, for the per-address throttle. */
  async login(email: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; actor: Actor; stage: SessionStage }> {
    await this.throttle.assertAllowed(email, address);
    const user = await this.db
      .getRepository(AppUserEntity)
      .createQueryBuilder('u')
      .innerJoinAndSelect('u.organisation', 'o')
      .where('lower(u.email) = lower(:email)', { email: email.trim() })
      .getOne();
    const ok = await verifyPassword(user?.passwordHash ?? (await this.dummyHash), password);
    // A deactivated account answers like a wrong password (issue 14: it cannot log in, and nothing says it exists).
    if (!user?.organisation || !ok || user.deactivatedAt) {
      await this.throttle.failed(email, address);
      throw new UnauthenticatedAppError('Het e-mailadres of het wachtwoord is onjuist.');
    }
    // With a second factor still to come, the account's failure count stays until that step succeeds too.
    const stage = await sessionStageAfterPassword(this.db, user.id, this.config.secondFactor ?? 'required');
    if (stage !== 'SECOND_FACTOR') await this.throttle.succeeded(email);
    const { token, expiresAt } = await this.openSession(user.id, stage);
    return { token, expiresAt, actor: await this.actorOf(user as UserWithOrganisation), stage };
  }

  /**
   * A new session of a user. A session waiting for its second factor (or enrolment) lasts 15 minutes at most.
   * A session's lifetime is wall-clock security, not a business date: it runs on the real time, never on the Clock a test sets.
   */
  async openSession(userId: string, stage: SessionStage): Promise<{ token: string; expiresAt: Date; sessionId: string }> {
    const token = randomBytes(32).toString('base64url');
    const lifetimeMs = stage === 'FULL' ? this.config.sessionTtlHours * 3600_000 : Math.min(PENDING_SESSION_MS, this.config.sessionTtlHours * 3600_000);
    const expiresAt = new Date(Date.now() + lifetimeMs);
    const inserted = await this.db.getRepository(UserSessionEntity).insert({ tokenHash: hashToken(token), userId, expiresAt, stage });
    return { token, expiresAt, sessionId: (inserted.identifiers[0] as { id: string }).id };
  }

  /**
   * A session for a user another path has already identified (single sign-on): the same token, cookie and lifetime as
   * a password login. The organisation's identity provider did the authentication (with its own factors), so the session
   * is complete at once. `sessionId` lets the caller keep what belongs to this session (the identity provider's logout).
   */
  async startSessionFor(userId: string): Promise<{ token: string; expiresAt: Date; actor: Actor; sessionId: string }> {
    const user = await this.db.getRepository(AppUserEntity).findOne({ where: { id: userId }, relations: { organisation: true } });
    // A deactivated account gets no session, whichever way it was identified.
    if (!user?.organisation || user.deactivatedAt) throw new UnauthenticatedAppError();
    const { token, expiresAt, sessionId } = await this.openSession(user.id, 'FULL');
    return { token, expiresAt, actor: await this.actorOf(user as UserWithOrganisation), sessionId };
  }

  /** The id of the (unexpired) session of a token, or null. */
  async sessionIdForToken(token: string | null): Promise<string | null> {
    if (!token) return null;
    const session = await this.db.getRepository(UserSessionEntity).findOne({
      select: { id: true },
      where: { tokenHash: hashToken(token), expiresAt: Raw((column) => `${column} > now()`) },
    });
    return session?.id ?? null;
  }

  /** A live session of any stage (not expired, not idle): for the login's second step and enrolment. */
  async sessionOfToken(token: string | null): Promise<{ id: string; userId: string; stage: SessionStage; email: string } | null> {
    if (!token) return null;
    const session = await this.db.getRepository(UserSessionEntity).findOne({
      where: { tokenHash: hashToken(token), expiresAt: Raw((column) => `${column} > now()`), lastSeenAt: MoreThan(new Date(Date.now() - this.idleMs)) },
      relations: { user: true },
    });
    if (!session?.user) return null;
    if (Date.now() - session.lastSeenAt.getTime() > Math.min(60_000, this.idleMs / 10)) {
      await this.db.getRepository(UserSessionEntity).update({ id: session.id }, { lastSeenAt: new Date() });
    }
    return { id: session.id, userId: session.userId, stage: session.stage, email: session.user.email };
  }

  /** Ends one session by id (the pending one a finished second step replaces), in every API process. */
  async endSession(id: string): Promise<void> {
    const session = await this.db.getRepository(UserSessionEntity).findOne({ where: { id }, select: { id: true, tokenHash: true } });
    if (!session) return;
    await this.db.getRepository(UserSessionEntity).delete({ id });
    await this.cache.revoke({ tokenHash: session.tokenHash });
  }

  private get idleMs(): number {
    return (this.config.sessionIdleSeconds ?? DEFAULT_IDLE_SECONDS) * 1000;
  }

  /** Idle timeout: `last_seen_at` is written at most once a minute (a tenth of the timeout when that is shorter). */
  private get refreshMs(): number {
    return Math.min(60_000, this.idleMs / 10);
  }

  /**
   * The actor of a request's session token, hashing the token once: synchronously from this process's cache when it
   * looked the session up in the last seconds and need not mark it as seen yet, else the lookup of `actorForToken`.
   * Every GraphQL request asks: awaiting an async lookup on the cached path cost about 5 µs (2%) of the cheapest one.
   */
  actorOfRequestToken(token: string): Actor | Promise<Actor | null> {
    const tokenHash = hashToken(token);
    const cached = this.cache.lookup(tokenHash);
    if (cached && Date.now() - cached.seenAt <= this.refreshMs) return cached.actor;
    return this.actorForTokenHash(tokenHash, cached ?? null);
  }

  /** The actor of a session token: from this process's cache when it looked the session up in the last seconds. */
  async actorForToken(token: string | null): Promise<Actor | null> {
    return token ? this.actorForTokenHash(hashToken(token)) : null;
  }

  /** `cached`: the cache's entry (null: none) when the caller has just read it, nothing having run in between. */
  private async actorForTokenHash(tokenHash: string, cached: ReturnType<SessionCache['lookup']> | null = this.cache.lookup(tokenHash)): Promise<Actor | null> {
    const now = Date.now();
    const refreshMs = this.refreshMs;
    if (cached && now - cached.seenAt <= this.idleMs) {
      if (now - cached.seenAt > refreshMs) await this.touch(tokenHash, now);
      return cached.actor;
    }
    const generation = this.cache.currentGeneration;
    // Only a FULL session acts: one waiting for its second factor or enrolment is no actor (see second-factor/).
    const session = await this.db.getRepository(UserSessionEntity).findOne({
      where: { tokenHash, stage: 'FULL', expiresAt: Raw((column) => `${column} > now()`), lastSeenAt: MoreThan(new Date(now - this.idleMs)) },
      relations: { user: { organisation: true } },
    });
    if (!session?.user?.organisation || session.user.deactivatedAt) return null;
    const actor = await this.actorOf(session.user as UserWithOrganisation);
    const stale = now - session.lastSeenAt.getTime() > refreshMs;
    if (stale) await this.db.getRepository(UserSessionEntity).update({ tokenHash }, { lastSeenAt: new Date(now) });
    this.cache.set(tokenHash, actor, session.expiresAt, generation, stale ? now : session.lastSeenAt.getTime());
    return actor;
  }

  private async touch(tokenHash: string, now: number): Promise<void> {
    this.cache.touched(tokenHash, now);
    await this.db.getRepository(UserSessionEntity).update({ tokenHash }, { lastSeenAt: new Date(now) });
  }

  /** The actor of a user; a shared service's user carries the municipalities the service works for (in name order). */
  private async actorOf(user: UserWithOrganisation): Promise<Actor> {
    if (user.organisation.kind !== 'SHARED_SERVICE') return toActor(user, null);
    const served = await this.db
      .getRepository(SharedServiceMunicipalityEntity)
      .createQueryBuilder('ssm')
      .innerJoin('ssm.municipality', 'm')
      .select('ssm.municipality_id', 'id')
      .where('ssm.shared_service_id = :service', { service: user.organisation.id })
      .andWhere(`m.kind = 'MUNICIPALITY' AND m.region_id = :region`, { region: user.organisation.regionId })
      .orderBy('m.name')
      .getRawMany<{ id: string }>();
    return toActor(user, served.map((row) => row.id));
  }

  /** Ends the session here and, within moments, in every other API process. */
  async logout(token: string | null): Promise<void> {
    if (!token) return;
    const tokenHash = hashToken(token);
    await this.db.getRepository(UserSessionEntity).delete({ tokenHash });
    await this.cache.revoke({ tokenHash });
  }

  /** The user's own sessions that have not expired, newest first; `current` marks the one of this token. */
  async sessionsOf(userId: string, token: string | null): Promise<{ id: string; createdAt: Date; expiresAt: Date; current: boolean }[]> {
    const current = token ? hashToken(token) : null;
    const sessions = await this.db.getRepository(UserSessionEntity).find({
      select: { id: true, tokenHash: true, createdAt: true, expiresAt: true },
      where: { userId, stage: 'FULL', expiresAt: Raw((column) => `${column} > now()`), lastSeenAt: MoreThan(new Date(Date.now() - this.idleMs)) },
      order: { createdAt: 'DESC' },
    });
    return sessions.map((s) => ({ id: s.id, createdAt: s.createdAt, expiresAt: s.expiresAt, current: s.tokenHash === current }));
  }

  /** Ends every session of the user (every API process) and opens one for this browser: after a factor changes. */
  async restartSessions(userId: string, stage: SessionStage): Promise<{ token: string; expiresAt: Date; stage: SessionStage }> {
    await this.revokeAllOf(userId);
    const { token, expiresAt } = await this.openSession(userId, stage);
    return { token, expiresAt, stage };
  }

  /** Ends every session of a user (for a password change or a deactivated account), in every API process. */
  async revokeAllOf(userId: string): Promise<void> {
    await this.db.getRepository(UserSessionEntity).delete({ userId });
    await this.cache.revoke({ userId });
  }
}

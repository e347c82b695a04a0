import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, Raw } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config';
import { UnauthenticatedAppError } from '../common';
import { AppUserEntity, SharedServiceMunicipalityEntity, UserSessionEntity } from '../database';
import type { Actor } from '../tenancy';
import { LoginThrottle } from './login-throttle';
import { SessionCache } from './session-cache';
import { hashPassword, verifyPassword } from './password';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

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
  async login(email: string, password: string, address: string): Promise<{ token: string; expiresAt: Date; actor: Actor }> {
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
    await this.throttle.succeeded(email);
    const token = randomBytes(32).toString('base64url');
    // A session's lifetime is wall-clock security, not a business date: it runs on the real time, never on the Clock a test sets.
    const expiresAt = new Date(Date.now() + this.config.sessionTtlHours * 3600_000);
    await this.db.getRepository(UserSessionEntity).insert({ tokenHash: hashToken(token), userId: user.id, expiresAt });
    return { token, expiresAt, actor: await this.actorOf(user as UserWithOrganisation) };
  }

  /** The actor of a session token: from this process's cache when it looked the session up in the last seconds. */
  async actorForToken(token: string | null): Promise<Actor | null> {
    if (!token) return null;
    const tokenHash = hashToken(token);
    const cached = this.cache.get(tokenHash);
    if (cached) return cached;
    const generation = this.cache.currentGeneration;
    const session = await this.db.getRepository(UserSessionEntity).findOne({
      where: { tokenHash, expiresAt: Raw((column) => `${column} > now()`) },
      relations: { user: { organisation: true } },
    });
    if (!session?.user?.organisation || session.user.deactivatedAt) return null;
    const actor = await this.actorOf(session.user as UserWithOrganisation);
    this.cache.set(tokenHash, actor, session.expiresAt, generation);
    return actor;
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
      where: { userId, expiresAt: Raw((column) => `${column} > now()`) },
      order: { createdAt: 'DESC' },
    });
    return sessions.map((s) => ({ id: s.id, createdAt: s.createdAt, expiresAt: s.expiresAt, current: s.tokenHash === current }));
  }

  /** Ends every session of a user (for a password change or a deactivated account), in every API process. */
  async revokeAllOf(userId: string): Promise<void> {
    await this.db.getRepository(UserSessionEntity).delete({ userId });
    await this.cache.revoke({ userId });
  }
}

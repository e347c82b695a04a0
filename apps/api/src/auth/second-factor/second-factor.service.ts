import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull, type Repository } from 'typeorm';
import { AccessService } from '../../access';
import { logProcessing, recordAdminChange } from '../../audit';
import { Clock } from '../../clock';
import { ConflictAppError, UnauthenticatedAppError, ValidationAppError } from '../../common';
import { APP_CONFIG, AppConfig } from '../../config';
import { AppUserEntity, UserPasskeyEntity, UserRecoveryCodeEntity, UserTotpEntity, type SessionStage } from '../../database';
import type { Actor } from '../../tenancy';
import { LoginThrottle } from '../login-throttle';
import { hashPassword } from '../password';
import { confirmOwnPassword } from './own-password';
import { SessionService } from '../session.service';
import { newPasswordProblem } from './password-policy';
import { TotpSecretCrypto } from './secret-crypto';
import { finishSecondStep, NOT_LOGGED_IN, type NewSession } from './second-step';
import { sessionStageAfterRemoval } from './session-stage';
import { hashRecoveryCode, newRecoveryCodes, newTotpSecret, normaliseRecoveryCode, totpEnrolment, verifyTotp } from './totp';

export type { NewSession } from './second-step';

export interface SecondFactorStatus {
  required: boolean;
  totpEnabled: boolean;
  recoveryCodesLeft: number;
  loginStep: SessionStage;
  passkeyCount: number;
  passkeys: { id: string; name: string; createdAt: Date; lastUsedAt: Date | null }[];
}

/** Who asks: a logged-in actor, or (for enrolment and the login's second step) the session of the cookie. */
export interface Requester {
  actor: Actor | null;
  token: string | null;
}

const RESET_PURPOSE = 'Beheer van accounts: tweede factor van een gebruiker opnieuw instellen (BIO 9.2)';

/**
 * The second factor (authenticator app with recovery codes) and the password of the user's own account. Every factor
 * or password change ends all the user's sessions, in every API process; this browser gets a new session.
 */
@Injectable()
export class SecondFactorService {
  private readonly secrets: TotpSecretCrypto;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly sessions: SessionService,
    private readonly throttle: LoginThrottle,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {
    this.secrets = new TotpSecretCrypto(config.bsnKey);
  }

  private get mode() {
    return this.config.secondFactor ?? 'required';
  }

  /** The requester's user: a logged-in actor, or a session of the given stages (waiting for enrolment or the second step). */
  private async userOf(requester: Requester, stages: SessionStage[]): Promise<{ userId: string; email: string; stage: SessionStage; sessionId: string | null }> {
    if (requester.actor) {
      const user = await this.db.getRepository(AppUserEntity).findOne({ where: { id: requester.actor.userId }, select: { id: true, email: true } });
      if (!user) throw new UnauthenticatedAppError();
      return { userId: user.id, email: user.email, stage: 'FULL', sessionId: null };
    }
    const session = await this.sessions.sessionOfToken(requester.token);
    if (!session || !stages.includes(session.stage)) throw new UnauthenticatedAppError(NOT_LOGGED_IN);
    return { userId: session.userId, email: session.email, stage: session.stage, sessionId: session.id };
  }

  async status(requester: Requester): Promise<SecondFactorStatus> {
    const user = await this.userOf(requester, ['SECOND_FACTOR', 'ENROL']);
    const totp = await this.db.getRepository(UserTotpEntity).findOne({ where: { userId: user.userId }, select: { userId: true, confirmedAt: true } });
    const recoveryCodesLeft = await this.db.getRepository(UserRecoveryCodeEntity).count({ where: { userId: user.userId, usedAt: IsNull() } });
    // The passkeys' names and dates only to a complete login; the second step only learns that there are some.
    const passkeys = await this.db.getRepository(UserPasskeyEntity).find({
      select: { id: true, name: true, createdAt: true, lastUsedAt: true }, where: { userId: user.userId }, order: { createdAt: 'ASC', id: 'ASC' },
    });
    return {
      required: this.mode === 'required', totpEnabled: Boolean(totp?.confirmedAt), recoveryCodesLeft, loginStep: user.stage,
      passkeyCount: passkeys.length, passkeys: user.stage === 'FULL' ? passkeys : [],
    };
  }

  /** Step one of enrolment: a new secret (kept encrypted, unconfirmed), as QR code and as text. */
  async startTotp(requester: Requester): Promise<{ secret: string; uri: string; qrCode: string }> {
    const user = await this.userOf(requester, ['ENROL']);
    const repository = this.db.getRepository(UserTotpEntity);
    const existing = await repository.findOne({ where: { userId: user.userId }, select: { userId: true, confirmedAt: true } });
    if (existing?.confirmedAt) throw new ConflictAppError('U gebruikt al een authenticator-app. Verwijder die eerst als u een nieuwe wilt koppelen.');
    const secret = newTotpSecret();
    await repository.upsert({ userId: user.userId, secretEncrypted: this.secrets.encrypt(secret), confirmedAt: null, lastTimeStep: null }, ['userId']);
    return { secret, ...(await totpEnrolment(secret, user.email)) };
  }

  /** Step two: the first code confirms the app; gives the recovery codes (shown once) and a new session, ending all others. */
  async confirmTotp(requester: Requester, code: string, address: string): Promise<{ recoveryCodes: string[]; session: NewSession }> {
    const user = await this.userOf(requester, ['ENROL']);
    await this.throttle.assertAllowed(user.email, address);
    const totp = await this.db.getRepository(UserTotpEntity).findOne({ where: { userId: user.userId } });
    if (!totp || totp.confirmedAt) throw new ValidationAppError([{ field: 'code', message: 'Start eerst het koppelen van een authenticator-app.' }]);
    const step = await verifyTotp(this.secrets.decrypt(totp.secretEncrypted), code.trim(), null);
    if (step === null) {
      await this.throttle.failed(user.email, address);
      throw new ValidationAppError([{ field: 'code', message: 'De code klopt niet. Controleer of de tijd op uw telefoon goed staat en typ de nieuwste code.' }]);
    }
    const recoveryCodes = newRecoveryCodes();
    await this.db.transaction(async (manager) => {
      await manager.getRepository(UserTotpEntity).update({ userId: user.userId }, { confirmedAt: new Date(), lastTimeStep: String(step) });
      await this.replaceRecoveryCodes(manager.getRepository(UserRecoveryCodeEntity), user.userId, recoveryCodes);
    });
    await this.throttle.succeeded(user.email);
    return { recoveryCodes, session: await this.sessions.restartSessions(user.userId, 'FULL') };
  }

  /** The login's second step: a code from the app (each code once) or an unused recovery code; throttled like the password. */
  async verifyLogin(token: string | null, code: string, address: string): Promise<NewSession> {
    return finishSecondStep(this.sessions, this.throttle, token, address, (session) => this.acceptCode(session.userId, code.trim()));
  }


  /** A TOTP code newer than the last accepted one, or an unused recovery code; the accepting write is atomic (no double use in a race). */
  private async acceptCode(userId: string, code: string): Promise<boolean> {
    if (/^\d{6}$/.test(code)) {
      const totp = await this.db.getRepository(UserTotpEntity).findOne({ where: { userId } });
      if (!totp?.confirmedAt) return false;
      const step = await verifyTotp(this.secrets.decrypt(totp.secretEncrypted), code, totp.lastTimeStep === null ? null : Number(totp.lastTimeStep));
      if (step === null) return false;
      const result = await this.db.getRepository(UserTotpEntity).createQueryBuilder().update()
        .set({ lastTimeStep: String(step) })
        .where('user_id = :userId AND (last_time_step IS NULL OR last_time_step < :step)', { userId, step })
        .execute();
      return result.affected === 1;
    }
    if (!normaliseRecoveryCode(code)) return false;
    const result = await this.db.getRepository(UserRecoveryCodeEntity).createQueryBuilder().update()
      .set({ usedAt: () => 'now()' })
      .where('user_id = :userId AND code_hash = :hash AND used_at IS NULL', { userId, hash: hashRecoveryCode(userId, code) })
      .execute();
    return result.affected === 1;
  }

  /** New recovery codes (the old ones stop working); shown once. */
  async regenerateRecoveryCodes(actor: Actor): Promise<string[]> {
    const codes = newRecoveryCodes();
    await this.db.transaction(async (manager) => {
      const totp = await manager.getRepository(UserTotpEntity).findOne({ where: { userId: actor.userId }, select: { userId: true, confirmedAt: true }, lock: { mode: 'pessimistic_write' } });
      if (!totp?.confirmedAt) throw new ConflictAppError('Koppel eerst een authenticator-app; herstelcodes horen daarbij.');
      await this.replaceRecoveryCodes(manager.getRepository(UserRecoveryCodeEntity), actor.userId, codes);
    });
    return codes;
  }

  /** Removes the authenticator app (confirmed with the password); ends every session; this browser continues as the mode allows. */
  async removeTotp(actor: Actor, password: string, address: string): Promise<NewSession> {
    await this.checkPassword(actor.userId, password, address, 'password');
    await this.deleteFactors(actor.userId);
    return this.sessions.restartSessions(actor.userId, await sessionStageAfterRemoval(this.db, actor.userId, this.mode));
  }

  /** The admin of the user's region resets the user's second factor (lost phone): logged, and all the user's sessions end. */
  async resetForUser(admin: Actor, userId: string): Promise<void> {
    await this.access.requireOne(admin, 'appUser', userId);
    await this.db.transaction(async (manager) => {
      await manager.getRepository(UserTotpEntity).delete({ userId });
      await manager.getRepository(UserRecoveryCodeEntity).delete({ userId });
      await manager.getRepository(UserPasskeyEntity).delete({ userId });
      await logProcessing(manager, admin, 'UPDATE', 'USER_SECOND_FACTOR', [userId], RESET_PURPOSE);
      // In the administration history too, beside the account's other changes (who, when, what).
      const user = await manager.getRepository(AppUserEntity).findOneOrFail({ select: { id: true, displayName: true, email: true, organisationId: true }, where: { id: userId } });
      await recordAdminChange(manager, admin, this.clock.now(), {
        regionId: admin.regionId, organisationId: user.organisationId, subjectKind: 'USER', subjectId: user.id,
        summary: `${user.displayName} <${user.email}>: tweede factor gereset`,
      });
    });
    await this.sessions.revokeAllOf(userId);
  }

  /** A new password (old one required, minimum policy): ends every session; this browser gets a new one. */
  async changePassword(actor: Actor, currentPassword: string, newPassword: string, address: string): Promise<NewSession> {
    const user = await this.checkPassword(actor.userId, currentPassword, address, 'currentPassword');
    const problem = newPasswordProblem(newPassword, currentPassword, user.email);
    if (problem) throw new ValidationAppError([{ field: 'newPassword', message: problem }]);
    await this.db.getRepository(AppUserEntity).update({ id: actor.userId }, { passwordHash: await hashPassword(newPassword) });
    return this.sessions.restartSessions(actor.userId, 'FULL');
  }

  private checkPassword(userId: string, password: string, address: string, field: string): Promise<AppUserEntity> {
    return confirmOwnPassword(this.db, this.throttle, userId, password, address, field);
  }

  private async deleteFactors(userId: string): Promise<void> {
    await this.db.transaction(async (manager) => {
      await manager.getRepository(UserTotpEntity).delete({ userId });
      await manager.getRepository(UserRecoveryCodeEntity).delete({ userId });
    });
  }

  private async replaceRecoveryCodes(repository: Repository<UserRecoveryCodeEntity>, userId: string, codes: string[]): Promise<void> {
    await repository.delete({ userId });
    await repository.insert(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(userId, code) })));
  }
}

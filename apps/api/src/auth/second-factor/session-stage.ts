import type { DataSource } from 'typeorm';
import type { SecondFactorMode } from '../../config';
import { UserPasskeyEntity, UserTotpEntity, type SessionStage } from '../../database';

/** Whether the user has a second factor: a confirmed authenticator app or at least one passkey. */
export async function hasSecondFactor(db: DataSource, userId: string): Promise<boolean> {
  const totp = await db.getRepository(UserTotpEntity).createQueryBuilder('t').where('t.user_id = :userId AND t.confirmed_at IS NOT NULL', { userId }).getExists();
  return totp || db.getRepository(UserPasskeyEntity).exists({ where: { userId } });
}

/**
 * The stage of the session a correct password opens: a user with a second factor must still give it; without one,
 * `required` lets the user only enrol, `offered` logs in. Every role sees personal data or manages accounts that do
 * (the admin resets factors and creates users), so `required` applies to every role.
 */
export async function sessionStageAfterPassword(db: DataSource, userId: string, mode: SecondFactorMode): Promise<SessionStage> {
  if (await hasSecondFactor(db, userId)) return 'SECOND_FACTOR';
  return mode === 'required' ? 'ENROL' : 'FULL';
}

/**
 * The stage of this browser's new session after the logged-in user removed a factor: still logged in while another
 * factor remains (or none is required); without any under `required`, only enrolment.
 */
export async function sessionStageAfterRemoval(db: DataSource, userId: string, mode: SecondFactorMode): Promise<SessionStage> {
  return mode === 'required' && !(await hasSecondFactor(db, userId)) ? 'ENROL' : 'FULL';
}

import type { DataSource } from 'typeorm';
import type { SecondFactorMode } from '../../config';
import { UserTotpEntity, type SessionStage } from '../../database';

/** Whether the user has a confirmed second factor (an authenticator app). */
export async function hasSecondFactor(db: DataSource, userId: string): Promise<boolean> {
  return db.getRepository(UserTotpEntity).createQueryBuilder('t').where('t.user_id = :userId AND t.confirmed_at IS NOT NULL', { userId }).getExists();
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

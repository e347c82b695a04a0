import type { DataSource } from 'typeorm';
import { UnauthenticatedAppError, ValidationAppError } from '../../common';
import { AppUserEntity } from '../../database';
import type { LoginThrottle } from '../login-throttle';
import { verifyPassword } from '../password';

/**
 * The own password, asked again before a change that weakens or replaces how the account logs in (removing a factor,
 * a new password): throttled like the login, so a borrowed session cannot guess it. `field` names the form's field.
 */
export async function confirmOwnPassword(db: DataSource, throttle: LoginThrottle, userId: string, password: string, address: string, field: string): Promise<AppUserEntity> {
  const user = await db.getRepository(AppUserEntity).findOne({ where: { id: userId } });
  if (!user) throw new UnauthenticatedAppError();
  await throttle.assertAllowed(user.email, address);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await throttle.failed(user.email, address);
    throw new ValidationAppError([{ field, message: 'Het wachtwoord klopt niet.' }]);
  }
  return user;
}

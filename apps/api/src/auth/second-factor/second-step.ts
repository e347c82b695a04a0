import { UnauthenticatedAppError, ValidationAppError } from '../../common';
import type { SessionStage } from '../../database';
import type { LoginThrottle } from '../login-throttle';
import type { SessionService } from '../session.service';

/** A new session for this browser: the caller sets it as the cookie. */
export interface NewSession {
  token: string;
  expiresAt: Date;
  stage: SessionStage;
}

export const NOT_LOGGED_IN = 'Log eerst in met uw e-mailadres en wachtwoord.';
export const WRONG_CODE = 'De code klopt niet of is al gebruikt. Neem de nieuwste code uit uw app, of een herstelcode.';

/**
 * The login's second step, the same for an app code and a passkey: only a session waiting for it may try, tries are
 * throttled like the password, and a refusal says no more than "wrong code". On success the waiting session ends and
 * a full one opens.
 */
export async function finishSecondStep(
  sessions: SessionService,
  throttle: LoginThrottle,
  token: string | null,
  address: string,
  accepts: (session: { id: string; userId: string }) => Promise<boolean>,
): Promise<NewSession> {
  const session = await sessions.sessionOfToken(token);
  if (!session || session.stage !== 'SECOND_FACTOR') throw new UnauthenticatedAppError(NOT_LOGGED_IN);
  await throttle.assertAllowed(session.email, address);
  if (!(await accepts(session))) {
    await throttle.failed(session.email, address);
    throw new ValidationAppError([{ field: 'code', message: WRONG_CODE }]);
  }
  await throttle.succeeded(session.email);
  await sessions.endSession(session.id);
  const { token: fullToken, expiresAt } = await sessions.openSession(session.userId, 'FULL');
  return { token: fullToken, expiresAt, stage: 'FULL' };
}

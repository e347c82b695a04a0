import { i18next } from '../i18n/i18n';
import { GraphqlRequestError } from '../graphql/graphql-error';

/**
 * Ends this browser's session (POST /api/sso/logout, for every session) and gives the identity provider's logout
 * address when the session began there (RP-initiated logout), else null.
 */
export async function endSession(): Promise<string | null> {
  let response: Response;
  try {
    response = await fetch('/api/sso/logout', { method: 'POST', credentials: 'same-origin' });
  } catch {
    throw new GraphqlRequestError(i18next.t('errors.network'), 'NETWORK');
  }
  if (!response.ok) throw new GraphqlRequestError(i18next.t('errors.unexpected'), `HTTP_${response.status}`);
  const body = (await response.json().catch(() => null)) as { redirectUrl?: unknown } | null;
  return typeof body?.redirectUrl === 'string' ? body.redirectUrl : null;
}

import { i18next } from '../../i18n/i18n';
import { GraphqlRequestError } from '../../graphql/graphql-error';

/**
 * Posts an hours file like a form would, plus X-Requested-With (a cross-site form cannot set it) and the submission's
 * Idempotency-Key: sending the same key again after a lost connection returns the same import.
 */
export async function uploadHoursFile(file: File, mode: 'DRY_RUN' | 'APPLY', idempotencyKey: string): Promise<{ id: string }> {
  const form = new FormData();
  form.append('mode', mode);
  form.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch('/api/hours/imports', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'x-requested-with': 'inburgering-portal', 'idempotency-key': idempotencyKey },
      body: form,
    });
  } catch {
    throw new GraphqlRequestError(i18next.t('errors.network'), 'NETWORK');
  }
  const body = (await response.json().catch(() => null)) as { id?: string; code?: string; message?: string; fields?: { field: string; message: string }[] } | null;
  if (!response.ok || !body?.id) {
    throw new GraphqlRequestError(body?.message ?? i18next.t('errors.unexpected'), body?.code ?? `HTTP_${response.status}`, body?.fields ?? []);
  }
  return { id: body.id };
}

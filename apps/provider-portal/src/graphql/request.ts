import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { ACTING_MUNICIPALITY_HEADER, actingMunicipality } from '../auth/acting-municipality';
import { i18next } from '../i18n/i18n';
import { GraphqlRequestError, toRequestError } from './graphql-error';

interface GraphqlResponse<TData> {
  data?: TData | null;
  errors?: { message?: unknown; extensions?: { code?: unknown; fields?: unknown } }[];
}

/**
 * Runs one typed operation against the API on the same origin. The session is the httpOnly cookie the
 * browser sends along; no token is ever kept in script-readable storage.
 */
export async function graphqlRequest<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
  signal?: AbortSignal,
): Promise<TData> {
  let response: Response;
  const acting = actingMunicipality();
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', ...(acting ? { [ACTING_MUNICIPALITY_HEADER]: acting } : {}) },
      body: JSON.stringify({ query: print(document), variables }),
      signal,
    });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new GraphqlRequestError(i18next.t('errors.network'), 'NETWORK');
  }
  const body = await readJson<TData>(response);
  if (body?.errors?.length) throw toRequestError(body.errors[0], i18next.t('errors.unexpected'));
  if (!response.ok || !body?.data) throw new GraphqlRequestError(i18next.t('errors.unexpected'), `HTTP_${response.status}`);
  return body.data;
}

async function readJson<TData>(response: Response): Promise<GraphqlResponse<TData> | null> {
  try {
    return (await response.json()) as GraphqlResponse<TData>;
  } catch {
    return null; // a proxy or gateway error page instead of JSON
  }
}

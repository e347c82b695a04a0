import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useCallback, useEffect, useState } from 'react';
import { useSession } from '../auth/session-context';
import { GraphqlRequestError } from './graphql-error';
import { graphqlRequest } from './request';

export interface QueryResult<TData, TVariables> {
  data: TData | undefined;
  /** The variables `data` was loaded with: while the next page loads, the old page is still on screen. */
  dataVariables: TVariables | undefined;
  error: GraphqlRequestError | null;
  /** True while a request is running; `data` keeps the previous result meanwhile (no flicker when paging). */
  loading: boolean;
  refetch: () => void;
}

/** Loads a typed query and reloads it when the variables change; a lost session sends the user to the login page. */
export function useGraphqlQuery<TData, TVariables>(
  document: TypedDocumentNode<TData, TVariables>,
  variables?: TVariables,
): QueryResult<TData, TVariables> {
  const { expire } = useSession();
  // Compare variables by value, so callers may pass a fresh object literal on every render.
  const variablesKey = JSON.stringify(variables ?? null);
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<{ data?: TData; dataVariables?: TVariables; error: GraphqlRequestError | null; loading: boolean }>({
    error: null,
    loading: true,
  });

  useEffect(() => {
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true }));
    const requested = JSON.parse(variablesKey) as TVariables;
    graphqlRequest(document, requested, controller.signal).then(
      (data) => setState({ data, dataVariables: requested, error: null, loading: false }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const error = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(String(err), 'INTERNAL_SERVER_ERROR');
        if (error.code === 'UNAUTHENTICATED') expire();
        setState({ error, loading: false });
      },
    );
    return () => controller.abort();
  }, [document, variablesKey, attempt, expire]);

  const refetch = useCallback(() => setAttempt((n) => n + 1), []);
  return { data: state.data, dataVariables: state.dataVariables, error: state.error, loading: state.loading, refetch };
}

import { ImportBatchDocument, type ImportBatchQuery } from '@inburgering/contracts';
import { useEffect, useState } from 'react';
import { GraphqlRequestError } from '../../graphql/graphql-error';
import { graphqlRequest } from '../../graphql/request';

export type ImportBatch = ImportBatchQuery['importBatch'];

const POLL_MS = 750;

/** Follows one import until it is finished; the batch id lives in the address, so the progress survives a reload. */
export function useImportBatch(batchId: string | null): { batch: ImportBatch | null; error: GraphqlRequestError | null } {
  const [batch, setBatch] = useState<ImportBatch | null>(null);
  const [error, setError] = useState<GraphqlRequestError | null>(null);
  useEffect(() => {
    setBatch(null);
    setError(null);
    if (!batchId) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const { importBatch } = await graphqlRequest(ImportBatchDocument, { id: batchId });
        if (stopped) return;
        setBatch(importBatch);
        if (importBatch.status === 'QUEUED' || importBatch.status === 'RUNNING') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (!stopped) setError(err instanceof GraphqlRequestError ? err : new GraphqlRequestError(String(err), 'INTERNAL_SERVER_ERROR'));
      }
    };
    void poll();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  }, [batchId]);
  return { batch, error };
}

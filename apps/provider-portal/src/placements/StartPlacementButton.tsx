import { StartPlacementDocument, type ProviderPlacementDetailFragment } from '@inburgering/contracts';
import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';

/** "Gestart" for an accepted placement: the provider reports that the client began on the agreed start date. */
export function StartPlacementButton({ placement, onStarted }: { placement: ProviderPlacementDetailFragment; onStarted: (message: string) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const number = String(placement.client.clientNumber);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      await graphqlRequest(StartPlacementDocument, { input: { placementId: placement.id, version: placement.version } });
      onStarted(t('placed.started', { number }));
    } catch (err) {
      setError(err instanceof GraphqlRequestError ? err.message : String(err));
      setBusy(false);
    }
  }

  return (
    <div className="portal-start-placement">
      <Button appearance="secondary-action-button" type="button" disabled={busy} onClick={start} aria-label={t('placed.startLabel', { number })}>
        {t('placed.start')}
      </Button>
      {error && <span role="alert" className="portal-start-placement__error">{error}</span>}
    </div>
  );
}

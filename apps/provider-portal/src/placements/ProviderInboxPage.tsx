import { ProviderPlacementsDocument } from '@inburgering/contracts';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session-context';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { RequestCard } from './RequestCard';

const REQUESTED = { statuses: ['REQUESTED' as const] };
const PAGE_SIZE = 20;

/** The provider's inbox: every request offered to it, each with an accept and a reject form. */
export function ProviderInboxPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [offset, setOffset] = useState(0);
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(ProviderPlacementsDocument, { filter: REQUESTED, limit: PAGE_SIZE, offset });
  const [done, setDone] = useState<string | null>(null);
  return (
    <>
      <PageHeading>{t('inbox.title')}</PageHeading>
      <Paragraph lead>{t('inbox.intro', { organisation: user.organisation.name })}</Paragraph>
      {done && (
        <Alert type="ok" role="status">
          <Paragraph>{done}</Paragraph>
        </Alert>
      )}
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && data.providerPlacementPage.total === 0 && <Paragraph>{t('inbox.empty')}</Paragraph>}
      {data?.providerPlacementPage.items.map((placement) => (
        <RequestCard key={placement.id} placement={placement} onDone={(message) => { setDone(message); refetch(); }} />
      ))}
      {data && data.providerPlacementPage.total > 0 && (
        <Pagination offset={dataVariables?.offset ?? offset} pageSize={PAGE_SIZE} total={data.providerPlacementPage.total} disabled={loading} onChange={setOffset} />
      )}
    </>
  );
}

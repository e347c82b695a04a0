import { LotsDocument } from '@inburgering/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session-context';
import { DataTable } from '../components/data-table/DataTable';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { RegionLotsActions } from '../procurement/lots/RegionLotsActions';
import { lotColumns, type LotsVariant } from './lot-columns';

/** "Mijn percelen" for a provider, "Percelen in de regio" for the projectleider and the admin. */
export function LotsPage({ variant }: { variant: LotsVariant }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { data, error, loading, refetch } = useGraphqlQuery(LotsDocument);
  const columns = useMemo(() => lotColumns(t, variant), [t, variant]);
  const provider = variant === 'provider';

  return (
    <>
      <PageHeading>{t(provider ? 'lots.providerTitle' : 'lots.regionTitle')}</PageHeading>
      <Paragraph lead>{t(provider ? 'lots.providerIntro' : 'lots.regionIntro', { organisation: user.organisation.name })}</Paragraph>
      {!provider && <RegionLotsActions />}
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable stacksOnPhone
          caption={t('lots.caption', { count: data.lots.length })}
          columns={columns}
          rows={data.lots}
          rowKey={(lot) => lot.id}
          rowHeader="name"
          exportFileName={t('lots.exportName')}
          emptyMessage={t('lots.empty')}
          busy={loading}
        />
      )}
    </>
  );
}

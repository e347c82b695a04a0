import { ContractsDocument } from '@inburgering/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { DataTable } from '../../components/data-table/DataTable';
import { PageHeading } from '../../components/PageHeading';
import { QueryFeedback } from '../../components/QueryFeedback';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { PROCUREMENT_PATHS } from '../procurement-pages';
import { contractColumns, type ContractsVariant } from './contract-columns';

/** "Contracten" of the region (with a link to award a lot) or "Mijn contracten" of a provider. */
export function ContractsPage({ variant }: { variant: ContractsVariant }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(ContractsDocument, {});
  const columns = useMemo(() => contractColumns(t, variant), [t, variant]);
  const region = variant === 'region';
  return (
    <>
      <PageHeading>{t(region ? 'procurement.contracts.title' : 'procurement.contracts.providerTitle')}</PageHeading>
      <Paragraph lead>{t(region ? 'procurement.contracts.intro' : 'procurement.contracts.providerIntro')}</Paragraph>
      {region && (
        <Paragraph className="portal-page-actions">
          <RouterLink to={PROCUREMENT_PATHS.newContract} className="utrecht-button-link utrecht-button-link--primary-action">
            {t('procurement.contractForm.newContract')}
          </RouterLink>
        </Paragraph>
      )}
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable stacksOnPhone caption={t('procurement.contracts.caption', { count: data.contracts.length })} columns={columns} rows={data.contracts} rowKey={(c) => c.id}
          rowHeader="lot" exportFileName={t('procurement.contracts.exportName')} emptyMessage={t('procurement.contracts.empty')} busy={loading} filterable />
      )}
    </>
  );
}

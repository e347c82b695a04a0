import { QualityRequirementsDocument } from '@inburgering/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table/DataTable';
import { PageHeading } from '../../components/PageHeading';
import { QueryFeedback } from '../../components/QueryFeedback';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { requirementColumns } from './requirement-columns';

/** The provider's quality requirements with what is due per period; each links to its evidence page. */
export function QualityRequirementsPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(QualityRequirementsDocument, {});
  const columns = useMemo(() => requirementColumns(t, true), [t]);
  return (
    <>
      <PageHeading>{t('procurement.quality.title')}</PageHeading>
      <Paragraph lead>{t('procurement.quality.intro')}</Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable stacksOnPhone caption={t('procurement.quality.caption', { count: data.qualityRequirements.length })} columns={columns} rows={data.qualityRequirements}
          rowKey={(row) => row.id} rowHeader="title" exportFileName={t('procurement.quality.exportName')} emptyMessage={t('procurement.quality.empty')}
          busy={loading} filterable />
      )}
    </>
  );
}

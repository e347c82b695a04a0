import { ContractInvoicingDocument, type ContractInvoicingQuery } from '@inburgering/contracts';
import { formatEuroCentsNl } from '@inburgering/domain';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';

type Row = ContractInvoicingQuery['contractInvoicing'][number];

/** The projectleider's view: per contract approved, submitted and disputed spend against the ceiling. */
export function ContractInvoicingPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(ContractInvoicingDocument, {});
  const columns = useMemo((): DataTableColumn<Row>[] => [
    { id: 'lot', header: t('invoices.lot'), text: (r) => r.lotName, sortable: true },
    { id: 'provider', header: t('invoices.provider'), text: (r) => r.providerName, sortable: true },
    { id: 'ceiling', header: t('invoices.ceiling'), text: (r) => (r.ceilingCents === null ? '-' : formatEuroCentsNl(r.ceilingCents)), sortValue: (r) => r.ceilingCents, numeric: true, xlsx: 'EURO_CENTS' },
    { id: 'approved', header: t('contractInvoicing.approved'), text: (r) => formatEuroCentsNl(r.approvedCents), sortValue: (r) => r.approvedCents, numeric: true, sortable: true, xlsx: 'EURO_CENTS' },
    { id: 'submitted', header: t('contractInvoicing.submitted'), text: (r) => formatEuroCentsNl(r.submittedCents), sortValue: (r) => r.submittedCents, numeric: true, xlsx: 'EURO_CENTS' },
    { id: 'disputed', header: t('contractInvoicing.disputed'), text: (r) => formatEuroCentsNl(r.disputedCents), sortValue: (r) => r.disputedCents, numeric: true, xlsx: 'EURO_CENTS' },
    {
      id: 'percent', header: t('contractInvoicing.percent'), sortValue: (r) => r.percentOfCeiling ?? 0, numeric: true, sortable: true,
      // The same thresholds as the projectleider's signals: 80% a warning, 100% the ceiling reached.
      text: (r) => (r.percentOfCeiling === null ? '-'
        : `${r.percentOfCeiling}%${r.percentOfCeiling >= 100 ? ` (${t('contractInvoicing.reached')})` : r.percentOfCeiling >= 80 ? ` (${t('contractInvoicing.warning')})` : ''}`),
    },
  ], [t]);
  return (
    <>
      <PageHeading>{t('contractInvoicing.title')}</PageHeading>
      <Paragraph lead>{t('contractInvoicing.intro')}</Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable stacksOnPhone caption={t('contractInvoicing.caption')} columns={columns} rows={data.contractInvoicing} rowKey={(r) => r.contractId} rowHeader="lot"
          exportFileName={t('contractInvoicing.exportName')} emptyMessage={t('contractInvoicing.empty')} busy={loading} />
      )}
    </>
  );
}

import { CapacityOverviewDocument } from '@inburgering/contracts';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../../auth/session-context';
import { DataTable } from '../../components/data-table/DataTable';
import { PageHeading } from '../../components/PageHeading';
import { QueryFeedback } from '../../components/QueryFeedback';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { CapacityBars } from './CapacityBars';
import { demandColumns, lotCapacityColumns, startMomentCapacityColumns, subjectCapacityColumns } from './capacity-columns';
import { waitingSummary } from './capacity-summary';
import { WaitingAlert } from './WaitingAlert';

/** The projectleider's start page (a consultant sees the lots covering its municipality): seats, taken, free and who waits. */
export function CapacityPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { data, error, loading, refetch } = useGraphqlQuery(CapacityOverviewDocument, {});
  const overview = data?.capacityOverview;
  const summary = useMemo(() => (overview ? waitingSummary(overview) : null), [overview]);
  const lotNames = useMemo(() => new Map((overview?.lots ?? []).map((lot) => [lot.lotId, lot.lotName])), [overview]);
  const columns = useMemo(
    () => ({ lots: lotCapacityColumns(t), subjects: subjectCapacityColumns(t), moments: startMomentCapacityColumns(t), demand: demandColumns(t, lotNames) }),
    [t, lotNames],
  );

  return (
    <>
      <PageHeading>{t('procurement.capacity.title')}</PageHeading>
      <Paragraph lead>{t('procurement.capacity.intro', { organisation: user.organisation.name })}</Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {overview && summary && (
        <>
          <WaitingAlert summary={summary} />
          <CapacityBars lots={overview.lots} />
          <DataTable caption={t('procurement.capacity.lotsCaption')} columns={columns.lots} rows={overview.lots} rowKey={(row) => row.lotId}
            rowHeader="lot" exportFileName={t('procurement.capacity.lotsExport')} emptyMessage={t('procurement.capacity.noLots')} busy={loading} filterable />
          <Heading2>{t('procurement.capacity.momentsTitle')}</Heading2>
          <DataTable caption={t('procurement.capacity.momentsCaption')} columns={columns.moments} rows={overview.startMoments} rowKey={(row) => row.id}
            exportFileName={t('procurement.capacity.momentsExport')} emptyMessage={t('procurement.capacity.noMoments')} busy={loading} filterable />
          <Heading2>{t('procurement.capacity.demandTitle')}</Heading2>
          <DataTable caption={t('procurement.capacity.demandCaption')} columns={columns.demand} rows={overview.waitingByMunicipality}
            rowKey={(row) => `${row.lotId}-${row.municipalityId}`} rowHeader="municipality" exportFileName={t('procurement.capacity.demandExport')}
            emptyMessage={t('procurement.capacity.noDemand')} busy={loading} />
          <Heading2>{t('procurement.capacity.subjectsTitle')}</Heading2>
          <DataTable caption={t('procurement.capacity.subjectsCaption')} columns={columns.subjects} rows={overview.subjects} rowKey={(row) => row.subject}
            rowHeader="subject" exportFileName={t('procurement.capacity.subjectsExport')} emptyMessage={t('procurement.capacity.noLots')} busy={loading} />
        </>
      )}
    </>
  );
}

import { HourPeriodClientsDocument, type HourPeriodClientsQuery } from '@inburgering/contracts';
import { formatDateNl, formatHoursNl } from '@inburgering/domain';
import { Heading2 } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';

type PeriodClient = HourPeriodClientsQuery['hourPeriodClients'][number];

/** "9-1 3/3 uur": a lesson day with attended of planned hours. */
const dayText = (day: PeriodClient['days'][number]) => `${formatDateNl(day.date).replace(/-\d{4}$/, '')} ${formatHoursNl(day.attendedMinutes)}/${formatHoursNl(day.plannedMinutes)}`;

/** The clients and lesson days behind a month's totals, so the municipality sees what it approves. */
export function HourPeriodClients({ periodId, title }: { periodId: string; title: string }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(HourPeriodClientsDocument, { periodId });
  const columns = useMemo((): DataTableColumn<PeriodClient>[] => [
    { id: 'clientNumber', header: t('hourPeriods.clientNumber'), text: (c) => String(c.clientNumber), sortValue: (c) => c.clientNumber, numeric: true },
    { id: 'name', header: t('hourPeriods.clientName'), text: (c) => c.clientName },
    { id: 'lessonDays', header: t('hourPeriods.lessonDays'), text: (c) => String(c.days.length), sortValue: (c) => c.days.length, numeric: true },
    { id: 'planned', header: t('hourPeriods.planned'), text: (c) => formatHoursNl(c.plannedMinutes), sortValue: (c) => c.plannedMinutes, numeric: true },
    { id: 'attended', header: t('hourPeriods.attended'), text: (c) => formatHoursNl(c.attendedMinutes), sortValue: (c) => c.attendedMinutes, numeric: true },
    { id: 'days', header: t('hourPeriods.days'), text: (c) => c.days.map(dayText).join(', '), sortable: false },
  ], [t]);
  return (
    <div className="hour-period-clients">
      <Heading2>{title}</Heading2>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable caption={title} columns={columns} rows={data.hourPeriodClients} rowKey={(c) => c.clientId} rowHeader="name"
          exportFileName={t('hourPeriods.clientsExportName')} emptyMessage={t('hourPeriods.noClients')} busy={loading} />
      )}
    </div>
  );
}

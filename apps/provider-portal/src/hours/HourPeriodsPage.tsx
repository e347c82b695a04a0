import { ApproveHourPeriodDocument, HourPeriodsDocument, RejectHourPeriodDocument, SubmitHourPeriodDocument, type HourPeriodsQuery } from '@inburgering/contracts';
import { calendarDateInAmsterdam, formatHoursNl, formatMonthNl } from '@inburgering/domain';
import { Button, Paragraph } from '@utrecht/component-library-react';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { fetchAllPages } from '../graphql/fetch-all-pages';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { HourPeriodClients } from './HourPeriodClients';
import './hours.css';

type Period = HourPeriodsQuery['hourPeriodPage']['items'][number];

const PAGE_SIZE = 50;
const EXPORT_PAGE_SIZE = 200;

/** "Urenmaanden" for a provider (submit a past month) and "Uren goedkeuren" for the municipality (approve or send back). */
export function HourPeriodsPage({ variant }: { variant: 'provider' | 'municipality' }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(HourPeriodsDocument, { status: null, limit: PAGE_SIZE, offset });
  const exportAll = useCallback(
    () => fetchAllPages(async (from, limit) => (await graphqlRequest(HourPeriodsDocument, { status: null, limit, offset: from })).hourPeriodPage, EXPORT_PAGE_SIZE),
    [],
  );
  const [problems, setProblems] = useState<SummaryError[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [shown, setShown] = useState<Period | null>(null);
  const thisMonth = `${calendarDateInAmsterdam(new Date()).slice(0, 7)}-01`;
  const provider = variant === 'provider';

  const act = async (period: Period, action: () => Promise<{ status: Period['status'] }>) => {
    setProblems([]);
    try {
      const result = await action();
      setNotice(t('hourPeriods.done', { month: formatMonthNl(period.month), status: t(`hourPeriods.statuses.${result.status}`).toLowerCase() }));
      refetch();
    } catch (err) {
      const e = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(String(err), 'INTERNAL_SERVER_ERROR');
      setProblems(e.fields.length > 0 ? e.fields.map((f) => ({ message: f.message })) : [{ message: e.message }]);
    }
  };

  const columns = useMemo((): DataTableColumn<Period>[] => [
    { id: 'month', header: t('hourPeriods.month'), text: (p) => formatMonthNl(p.month), sortValue: (p) => p.month, sortable: true },
    provider
      ? { id: 'municipality', header: t('hourPeriods.municipality'), text: (p) => p.municipalityName, sortable: true }
      : { id: 'provider', header: t('hourPeriods.provider'), text: (p) => p.providerName, sortable: true },
    { id: 'status', header: t('hourPeriods.status'), text: (p) => t(`hourPeriods.statuses.${p.status}`) + (p.rejectionReason ? ` (${t('hourPeriods.rejected', { reason: p.rejectionReason })})` : ''), sortable: true },
    { id: 'planned', header: t('hourPeriods.planned'), text: (p) => formatHoursNl(p.plannedMinutes), sortValue: (p) => p.plannedMinutes, numeric: true },
    { id: 'attended', header: t('hourPeriods.attended'), text: (p) => formatHoursNl(p.attendedMinutes), sortValue: (p) => p.attendedMinutes, numeric: true },
    { id: 'corrections', header: t('hourPeriods.corrections'), text: (p) => String(p.correctionCount), numeric: true },
    {
      id: 'actions', header: t('hourPeriods.actions'), text: () => '',
      render: (p) => {
        const label = `${formatMonthNl(p.month)} ${provider ? p.municipalityName : p.providerName}`;
        if (provider && p.status === 'OPEN' && p.month < thisMonth) {
          return (
            <ConfirmButton label={`${t('hourPeriods.submit')} ${label}`} confirmText={t('hourPeriods.submitConfirm')}
              question={t('hourPeriods.submitQuestion', { month: formatMonthNl(p.month), municipality: p.municipalityName })}
              onConfirm={() => void act(p, async () => (await graphqlRequest(SubmitHourPeriodDocument, { input: { municipalityId: p.municipalityId, month: p.month } })).submitHourPeriod)}>
              {t('hourPeriods.submit')}
            </ConfirmButton>
          );
        }
        if (!provider && p.status === 'SUBMITTED' && p.id) {
          const id = p.id;
          const reasonId = `reject-${id}`;
          return (
            <span className="hour-period-actions">
              <Button type="button" appearance="subtle-button" aria-label={t('hourPeriods.showClientsOf', { month: formatMonthNl(p.month), provider: p.providerName })}
                aria-pressed={shown?.id === id} onClick={() => setShown(p)}>{t('hourPeriods.showClients')}</Button>
              <Button type="button" appearance="primary-action-button" aria-label={`${t('hourPeriods.approve')} ${label}`}
                onClick={() => void act(p, async () => (await graphqlRequest(ApproveHourPeriodDocument, { periodId: id })).approveHourPeriod)}>{t('hourPeriods.approve')}</Button>
              <label className="portal-visually-hidden" htmlFor={reasonId}>{t('hourPeriods.rejectReason', { provider: p.providerName, month: formatMonthNl(p.month) })}</label>
              <input id={reasonId} className="utrecht-textbox" value={reasons[id] ?? ''} placeholder={t('hourPeriods.reject')} onChange={(e) => setReasons((r) => ({ ...r, [id]: e.target.value }))} />
              <Button type="button" appearance="secondary-action-button" aria-label={`${t('hourPeriods.reject')} ${label}`}
                onClick={() => void act(p, async () => (await graphqlRequest(RejectHourPeriodDocument, { input: { periodId: id, reason: reasons[id] ?? '' } })).rejectHourPeriod)}>{t('hourPeriods.reject')}</Button>
            </span>
          );
        }
        return null;
      },
    },
  ], [t, provider, thisMonth, reasons, shown]);

  return (
    <>
      <PageHeading>{t(provider ? 'hourPeriods.providerTitle' : 'hourPeriods.approvalTitle')}</PageHeading>
      <Paragraph lead>{t(provider ? 'hourPeriods.providerIntro' : 'hourPeriods.approvalIntro')}</Paragraph>
      <ErrorSummary errors={problems} />
      {notice && <Paragraph role="status">{notice}</Paragraph>}
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable stacksOnPhone caption={t('hourPeriods.caption')} columns={columns} rows={data.hourPeriodPage.items} rowKey={(p) => `${p.providerId}-${p.municipalityId}-${p.month}`}
          rowHeader="month" exportFileName={t('hourPeriods.exportName')} emptyMessage={t('hourPeriods.empty')} busy={loading} exportAll={exportAll}
          footer={<Pagination offset={dataVariables?.offset ?? offset} pageSize={PAGE_SIZE} total={data.hourPeriodPage.total} disabled={loading} onChange={setOffset} />} />
      )}
      {shown?.id && (
        <HourPeriodClients key={shown.id} periodId={shown.id} title={t('hourPeriods.clientsTitle', { month: formatMonthNl(shown.month), provider: shown.providerName })} />
      )}
    </>
  );
}

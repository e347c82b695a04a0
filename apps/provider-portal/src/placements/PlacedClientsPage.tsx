import { ProviderPlacementsDocument, type IntakeStage, type ProviderPlacementDetailFragment, type ProviderPlacementFilterInput } from '@inburgering/contracts';
import { calendarDateInAmsterdam, formatDateNl, formatHoursNl, routeLabel, SEAT_TAKING_PLACEMENT_STATUSES } from '@inburgering/domain';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import type { TFunction } from 'i18next';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../auth/session-context';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { fetchAllPages } from '../graphql/fetch-all-pages';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { PlacementStatusBadge } from './PlacementStatusBadge';
import { StartPlacementButton } from './StartPlacementButton';
import { caseloadFigureOf, COMPLETED_LABEL, completedFilterOf, countedFilterOf, figureListFilter, STAGE_LABEL } from '../figures/counted-filter';
import { DrillDownNotice } from '../figures/DrillDownNotice';
import { examCountText, examPartFilterOf, examPartName } from '../figures/exam-part-rows';

const PLACED = { statuses: [...SEAT_TAKING_PLACEMENT_STATUSES] as ('ACCEPTED' | 'STARTED')[] };
/** The stages a provider's figure links here with (waiting placements were never offered to it). */
const STAGES: readonly IntakeStage[] = ['REQUESTED', 'ACCEPTED', 'STARTED'];

const PAGE_SIZE = 50;
/** Rows per request when exporting the whole list (the API serves at most 200). */
const EXPORT_PAGE_SIZE = 200;

/** An accepted placement can be reported as started from its start date on (the API checks this too). */
const canStart = (p: ProviderPlacementDetailFragment) => p.status === 'ACCEPTED' && (!p.startDate || p.startDate <= calendarDateInAmsterdam(new Date()));

function columns(t: TFunction, onStarted: (message: string) => void): DataTableColumn<ProviderPlacementDetailFragment>[] {
  const none = t('clientPage.none');
  return [
    { id: 'clientNumber', header: t('placed.clientNumber'), text: (p) => String(p.client.clientNumber), sortValue: (p) => p.client.clientNumber, numeric: true },
    {
      id: 'name', header: t('placed.name'), text: (p) => `${p.client.lastName}, ${p.client.firstName}`,
      // The client's progress (hours against the norms, results): where the provider records a result.
      render: (p) => <RouterLink to={`/voortgang?client=${encodeURIComponent(p.clientId)}`} className="utrecht-link utrecht-link--html-a">{`${p.client.lastName}, ${p.client.firstName}`}</RouterLink>,
    },
    { id: 'municipality', header: t('placed.municipality'), text: (p) => p.client.municipality.name },
    { id: 'dateOfBirth', header: t('placed.dateOfBirth'), text: (p) => formatDateNl(p.client.dateOfBirth), sortValue: (p) => p.client.dateOfBirth },
    { id: 'route', header: t('placed.route'), text: (p) => routeLabel(p.route) },
    { id: 'level', header: t('placed.level'), text: (p) => p.client.level ?? none },
    { id: 'status', header: t('placed.status'), text: (p) => t(`placementStatus.${p.status}`), render: (p) => (
        <>
          <PlacementStatusBadge status={p.status} />
          {canStart(p) && <StartPlacementButton placement={p} onStarted={onStarted} />}
        </>
      ),
    },
    { id: 'startDate', header: t('placed.startDate'), text: (p) => (p.startDate ? formatDateNl(p.startDate) : none), sortValue: (p) => p.startDate },
    { id: 'location', header: t('placed.location'), text: (p) => p.location ?? none },
    { id: 'group', header: t('placed.group'), text: (p) => p.groupName ?? none },
    { id: 'hours', header: t('placed.hoursPerWeek'), text: (p) => (p.client.pipMinutesPerWeek ? formatHoursNl(p.client.pipMinutesPerWeek) : none), sortValue: (p) => p.client.pipMinutesPerWeek, numeric: true },
    { id: 'pattern', header: t('placed.lessonPattern'), text: (p) => p.client.pipLessonPattern ?? none, sortable: false },
  ];
}

/** The text key of whose placements a figure's list is under: the own contract, its contracts of a lot, its individual placements or all of them. */
function placedListKey(figure: { contractId: string | null; lotId: string | null; individual: boolean }, kind: 'completed' | 'covered') {
  const which = figure.contractId ? 'Contract' : figure.individual ? 'Individual' : figure.lotId ? 'Lot' : 'AllContracts';
  return `placed.${kind}DrillDown${which}` as const;
}

/** The provider's placed clients: only what it needs to teach (never a BSN or intake data), sortable and exportable; "Gestart" for an accepted one. */
export function PlacedClientsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  // From a figure of the own contract or contracts (issue #10): exactly the placements an intake figure counts, in its
  // period; from a result figure the clients who completed the module, from the hours or the median wait the clients
  // they cover, from an exam-part count the clients with such an attempt, one placement each.
  const exam = examPartFilterOf(params);
  const completed = exam ? null : completedFilterOf(params);
  const hours = completed ? null : caseloadFigureOf(params, 'uren');
  const waits = completed || hours ? null : caseloadFigureOf(params, 'wachttijd');
  const covered = hours ?? waits;
  const counted = exam || completed || covered ? null : countedFilterOf(params, STAGES, 'OPTIONAL');
  const figure = counted ?? completed ?? covered ?? exam;
  const filterKey = JSON.stringify(figure
    ? {
      ...figureListFilter(figure), periodFrom: figure.period?.from ?? null, periodTo: figure.period?.to ?? null, municipalityId: figure.municipalityId,
      ...(counted ? { intakeStage: counted.stage } : completed ? { completed: completed.module } : hours ? { withHours: true } : waits ? { waitCohort: true }
        : exam ? { examPart: exam.part, examLevel: exam.level, examOutcome: exam.outcome } : {}),
    }
    : PLACED);
  const filter = useMemo(() => JSON.parse(filterKey) as ProviderPlacementFilterInput, [filterKey]);
  const [offset, setOffset] = useState(0);
  // Another figure's list starts at its first page.
  const [shownFilter, setShownFilter] = useState(filterKey);
  if (shownFilter !== filterKey) {
    setShownFilter(filterKey);
    setOffset(0);
  }
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(ProviderPlacementsDocument, { filter, limit: PAGE_SIZE, offset });
  const exportAll = useCallback(
    () => fetchAllPages(async (from, limit) => (await graphqlRequest(ProviderPlacementsDocument, { filter, limit, offset: from })).providerPlacementPage, EXPORT_PAGE_SIZE),
    [filter],
  );
  const [notice, setNotice] = useState<string | null>(null);
  const cols = useMemo(
    () =>
      columns(t, (message) => {
        setNotice(message);
        refetch();
      }),
    [t, refetch],
  );
  return (
    <>
      <PageHeading>{t('placed.title')}</PageHeading>
      <Paragraph lead>{t('placed.intro', { organisation: user.organisation.name })}</Paragraph>
      {figure && (
        <DrillDownNotice clearTo="/mijn-inburgeraars" clearText={t('placed.drillDownClear')}>
          {counted && t(counted.contractId ? 'placed.drillDownNotice' : counted.individual ? 'placed.drillDownNoticeIndividual' : counted.lotId ? 'placed.drillDownNoticeLot' : 'placed.drillDownNoticeAllContracts', {
            stage: t(STAGE_LABEL[counted.stage]),
            period: counted.period ? t('figures.drillDownPeriod', { from: formatDateNl(counted.period.from), to: formatDateNl(counted.period.to) }) : '',
          })}
          {completed && t('placed.completedDrillDownNotice', {
            module: t(COMPLETED_LABEL[completed.module]),
            contract: t(placedListKey(completed, 'completed')),
            period: completed.period ? t('figures.completedDrillDownPeriod', { from: formatDateNl(completed.period.from), to: formatDateNl(completed.period.to) }) : '',
          })}
          {covered && t(hours ? 'placed.hoursDrillDownNotice' : 'placed.waitDrillDownNotice', {
            contract: t(placedListKey(covered, 'covered')),
            period: covered.period ? t(hours ? 'figures.hoursDrillDownPeriod' : 'figures.waitDrillDownPeriod', { from: formatDateNl(covered.period.from), to: formatDateNl(covered.period.to) }) : '',
          })}
          {exam && t('placed.examDrillDownNotice', {
            outcome: t(exam.outcome === 'PASSED' ? 'examParts.outcomePassed' : 'examParts.outcomeFailed'),
            part: examPartName(exam),
            contract: t(placedListKey(exam, 'completed')),
            period: exam.period ? t('examParts.drillDownPeriod', { from: formatDateNl(exam.period.from), to: formatDateNl(exam.period.to) }) : '',
          })}
          {exam && data?.providerPlacementPage.examAttemptsInFigure !== null && data?.providerPlacementPage.examAttemptsInFigure !== undefined
            ? ` ${t('examParts.drillDownAttempts', { count: data.providerPlacementPage.examAttemptsInFigure, attempts: examCountText(data.providerPlacementPage.examAttemptsInFigure, '') })}` : ''}
          {figure.municipalityId && data?.providerPlacementPage.items[0] ? ` ${t('placed.drillDownMunicipality', { municipality: data.providerPlacementPage.items[0].client.municipality.name })}` : ''}
        </DrillDownNotice>
      )}
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <div className="portal-wide-table">
          <DataTable
            caption={t('placed.caption', { count: data.providerPlacementPage.total })}
            columns={cols}
            rows={data.providerPlacementPage.items}
            rowKey={(p) => p.id}
            rowHeader="name"
            stacksOnPhone
            exportFileName={t('placed.exportName')}
            emptyMessage={t('placed.empty')}
            busy={loading}
            exportAll={exportAll}
            footer={
              <Pagination offset={dataVariables?.offset ?? offset} pageSize={PAGE_SIZE} total={data.providerPlacementPage.total} disabled={loading} onChange={setOffset} />
            }
          />
        </div>
      )}
    </>
  );
}

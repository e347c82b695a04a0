import { ClientsDocument, type IntakeStage, type RegionKpi } from '@inburgering/contracts';
import { formatDateNl, regionKpiDefinitions } from '@inburgering/domain';
import { Paragraph } from '@utrecht/component-library-react';
import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../auth/session-context';
import { DataTable } from '../components/data-table/DataTable';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { fetchAllPages } from '../graphql/fetch-all-pages';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { PLACEMENT_PATHS } from '../placements/placement-pages';
import { CaseloadFilters, DEADLINE_FILTERS, PLACEMENT_FILTERS, type CaseloadFilter } from './CaseloadFilters';
import { CaseloadNotice } from './CaseloadNotice';
import { clientColumns } from './client-columns';
import { ClientSearch } from './ClientSearch';
import { caseloadFigureOf, COMPLETED_LABEL, completedFilterOf, countedFilterOf, figureListFilter, STAGE_LABEL } from '../figures/counted-filter';
import { DrillDownNotice } from '../figures/DrillDownNotice';
import { examCountText, examPartFilterOf, examPartName } from '../figures/exam-part-rows';

const PAGE_SIZE = 50;
const COUNTED_PARAMS = ['contract', 'perceel', 'individueel', 'stadium', 'periode', 'kpi', 'gehaald', 'voltooid', 'uren', 'wachttijd', 'examen', 'niveau', 'uitslag'] as const;
const STAGES: readonly IntakeStage[] = ['REQUESTED', 'ACCEPTED', 'STARTED', 'WAITING'];

/** The KPI a link came from (?kpi=STARTED_WITHIN_3_MONTHS&gehaald=ja, with &contract=… or &perceel=…), or null. */
function kpiFilterOf(params: URLSearchParams) {
  const definition = regionKpiDefinitions().find((d) => d.kpi === params.get('kpi'));
  if (!definition) return null;
  return { kpi: definition.kpi as RegionKpi, label: definition.label, achieved: params.get('gehaald') === 'ja', contractId: params.get('contract'), lotId: params.get('perceel') };
}
/** The caseload filter's contract, lot or individual placements and period of a figure's link (the whole region without them). */
function figureScope(figure: { contractId: string | null; lotId: string | null; individual: boolean; period: { from: string; to: string } | null }) {
  return { ...figureListFilter(figure), periodFrom: figure.period?.from ?? null, periodTo: figure.period?.to ?? null };
}

/** The text key of what a figure's list is under: the contract, the lot's contracts, the individual placements or the region's. */
function figureContractKey(figure: { contractId: string | null; lotId: string | null; individual?: boolean }) {
  if (figure.individual) return 'figures.drillDownIndividual';
  return figure.contractId ? 'figures.kpiDrillDownContract' : figure.lotId ? 'figures.kpiDrillDownLot' : 'figures.kpiDrillDownRegion';
}

/** Rows per request when exporting the whole caseload (the API serves at most 200). */
const EXPORT_PAGE_SIZE = 200;

/** The consultant's clients: search, one page of 50, deadline badges. Search and page live in the URL. */
export function ClientsPage() {
  const { t } = useTranslation();
  // A figure's list says what it shows, with the way back to the whole caseload.
  const backToCaseload = { clearTo: '/inburgeraars', clearText: t('figures.drillDownClear') };
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const search = params.get('zoek') ?? '';
  const offset = Math.max(0, Number(params.get('vanaf')) || 0);
  // From a figure (issue #10): only the own clients a contract's intake figure counts, in its period.
  // From a KPI: only the own clients in its cohort (or who achieved it). From a result figure: those who completed the module.
  const kpi = kpiFilterOf(params);
  // From an hours figure: the own clients it covers (with hours under the contracts in its period).
  const completed = kpi ? null : completedFilterOf(params);
  // From the median wait: the own clients it is computed over.
  const hours = kpi || completed ? null : caseloadFigureOf(params, 'uren');
  const waits = kpi || completed || hours ? null : caseloadFigureOf(params, 'wachttijd');
  const covered = hours ?? waits;
  // From an exam-part cell: the own clients with an attempt of that level, part and outcome.
  const exam = kpi || completed || covered ? null : examPartFilterOf(params);
  const counted = kpi || completed || covered || exam ? null : countedFilterOf(params, STAGES);
  const filter: CaseloadFilter = {
    // From the address, which may be edited: a value the filters do not offer is no filter.
    deadlineStatus: DEADLINE_FILTERS.find((s) => s === params.get('termijn')) ?? '',
    placementStatus: PLACEMENT_FILTERS.find((s) => s === params.get('plaatsing')) ?? '',
    sort: params.get('volgorde') === 'URGENCY' ? 'URGENCY' : 'NAME',
    municipalityId: params.get('gemeente') ?? '',
  };
  // A shared service's consultant sees the clients of every municipality it works for, with a municipality column and filter.
  const served = user.servedMunicipalities;
  const query = {
    search: search || null,
    filter: {
      deadlineStatus: filter.deadlineStatus || null, placementStatus: filter.placementStatus || null, sort: filter.sort,
      ...(served.length > 0 && filter.municipalityId ? { municipalityId: filter.municipalityId } : {}),
      ...(counted ? { intakeStage: counted.stage, ...figureScope(counted) } : {}),
      ...(kpi ? { kpi: kpi.kpi, kpiAchieved: kpi.achieved, ...(kpi.contractId ? { contractId: kpi.contractId } : {}), ...(kpi.lotId ? { lotId: kpi.lotId } : {}) } : {}),
      ...(completed ? { completed: completed.module, ...figureScope(completed) } : {}),
      ...(hours ? { withHours: true, ...figureScope(hours) } : {}),
      ...(waits ? { waitCohort: true, ...figureScope(waits) } : {}),
      ...(exam ? { examPart: exam.part, examLevel: exam.level, examOutcome: exam.outcome, ...figureScope(exam) } : {}),
    },
  };
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(ClientsDocument, { ...query, limit: PAGE_SIZE, offset });
  const queryKey = JSON.stringify(query);
  // The export covers the whole filtered caseload, not only the page on screen.
  const exportAll = useCallback(
    () => fetchAllPages(async (from, limit) => (await graphqlRequest(ClientsDocument, { ...(JSON.parse(queryKey) as typeof query), limit, offset: from })).clients, EXPORT_PAGE_SIZE),
    [queryKey],
  );
  const columns = useMemo(() => clientColumns(t, served.length > 0 ? new Map(served.map((m) => [m.id, m.name])) : undefined), [t, served]);

  const update = (next: { zoek?: string; vanaf?: number; filter?: CaseloadFilter; keepCounted?: boolean }) => {
    const values = new URLSearchParams();
    if ((counted || kpi || completed || covered || exam) && next.keepCounted !== false) for (const name of COUNTED_PARAMS) { const value = params.get(name); if (value) values.set(name, value); }
    const zoek = next.zoek ?? search;
    const vanaf = next.vanaf ?? 0;
    const { deadlineStatus, placementStatus, sort, municipalityId } = next.filter ?? filter;
    if (zoek) values.set('zoek', zoek);
    if (vanaf > 0) values.set('vanaf', String(vanaf));
    if (deadlineStatus) values.set('termijn', deadlineStatus);
    if (placementStatus) values.set('plaatsing', placementStatus);
    if (sort === 'URGENCY') values.set('volgorde', sort);
    if (municipalityId) values.set('gemeente', municipalityId);
    setParams(values);
  };

  return (
    <>
      <PageHeading>{t('clients.title')}</PageHeading>
      <CaseloadNotice />
      <Paragraph lead>{t('clients.intro', { organisation: user.organisation.name })}</Paragraph>
      <Paragraph>
        <RouterLink to={PLACEMENT_PATHS.newClient} className="utrecht-button-link utrecht-button-link--primary-action">{t('caseload.newClient')}</RouterLink>
      </Paragraph>
      {counted && (
        <DrillDownNotice {...backToCaseload}>
          {t(counted.individual ? 'figures.drillDownNoticeIndividual' : 'figures.drillDownNotice', {
            stage: t(STAGE_LABEL[counted.stage]),
            period: counted.period ? t('figures.drillDownPeriod', { from: formatDateNl(counted.period.from), to: formatDateNl(counted.period.to) }) : '',
          })}
        </DrillDownNotice>
      )}
      {kpi && (
        <DrillDownNotice {...backToCaseload}>
          {t('figures.kpiDrillDownNotice', {
            kpi: kpi.label,
            achieved: kpi.achieved ? t('figures.kpiDrillDownAchieved') : '',
            contract: t(figureContractKey(kpi)),
          })}
        </DrillDownNotice>
      )}
      {completed && (
        <DrillDownNotice {...backToCaseload}>
          {t('figures.completedDrillDownNotice', {
            module: t(COMPLETED_LABEL[completed.module]),
            contract: t(figureContractKey(completed)),
            period: completed.period ? t('figures.completedDrillDownPeriod', { from: formatDateNl(completed.period.from), to: formatDateNl(completed.period.to) }) : '',
          })}
        </DrillDownNotice>
      )}
      {covered && (
        <DrillDownNotice {...backToCaseload}>
          {t(hours ? 'figures.hoursDrillDownNotice' : 'figures.waitDrillDownNotice', {
            contract: t(figureContractKey(covered)),
            period: covered.period ? t(hours ? 'figures.hoursDrillDownPeriod' : 'figures.waitDrillDownPeriod', { from: formatDateNl(covered.period.from), to: formatDateNl(covered.period.to) }) : '',
          })}
        </DrillDownNotice>
      )}
      {exam && (
        <DrillDownNotice {...backToCaseload}>
          {t('examParts.drillDownNotice', {
            outcome: t(exam.outcome === 'PASSED' ? 'examParts.outcomePassed' : 'examParts.outcomeFailed'),
            part: examPartName(exam),
            contract: t(figureContractKey(exam)),
            period: exam.period ? t('examParts.drillDownPeriod', { from: formatDateNl(exam.period.from), to: formatDateNl(exam.period.to) }) : '',
          })}
          {data?.clients.examAttemptsInFigure !== null && data?.clients.examAttemptsInFigure !== undefined
            ? ` ${t('examParts.drillDownAttempts', { count: data.clients.examAttemptsInFigure, attempts: examCountText(data.clients.examAttemptsInFigure, '') })}` : ''}
        </DrillDownNotice>
      )}
      <ClientSearch search={search} onSearch={(zoek) => update({ zoek, vanaf: 0 })} />
      <CaseloadFilters filter={filter} municipalities={served} onChange={(next) => update({ filter: next, vanaf: 0 })} />
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <>
          {(data.clients.anonymisedInFigure ?? 0) > 0 && (
            <Paragraph role="status" className="portal-caseload__counted">{t('figures.drillDownAnonymised', { count: data.clients.anonymisedInFigure ?? 0 })}</Paragraph>
          )}
          {dataVariables?.search && (
            <Paragraph role="status">{t('clients.searchResult', { count: data.clients.total, search: dataVariables.search })}</Paragraph>
          )}
          <div className="portal-wide-table">
            <DataTable
              caption={t('clients.caption', { organisation: user.organisation.name })}
              columns={columns}
              rows={data.clients.items}
              rowKey={(client) => client.id}
              rowHeader="name"
              stacksOnPhone
              exportFileName={t('clients.exportName')}
              emptyMessage={t('clients.empty')}
              busy={loading}
              exportAll={exportAll}
              footer={
                <Pagination
                  offset={dataVariables?.offset ?? offset}
                  pageSize={PAGE_SIZE}
                  total={data.clients.total}
                  disabled={loading}
                  onChange={(vanaf) => update({ vanaf })}
                />
              }
            />
          </div>
        </>
      )}
    </>
  );
}

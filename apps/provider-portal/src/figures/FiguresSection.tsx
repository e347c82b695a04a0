import { Heading2, Heading3, Paragraph } from '@utrecht/component-library-react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { useCurrentUser } from '../auth/session-context';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { ExamPartsTable } from './ExamPartsTable';
import { HourFiguresTable } from './HourFiguresTable';
import { minutesAsHours } from './hour-figure-rows';
import { FigurePeriodField, useFigurePeriod } from './figure-period';
import { chartData, completedDrillDownPath, type CompletedModuleKey, computedAtText, countText, drillDownPath, type DrillStage, figuresSummary, groupRows, hoursDrillDownPath, kpiDrillDownPath, waitDrillDownPath, spendDrillDownPath, type KpiListScope, minutesText, moneyText, percentText, type FigureGroup, type Figures } from './figure-rows';
import './figures.css';

const FiguresChart = lazy(() => import('./FiguresChart'));

type Kpi = FigureGroup['kpis'][number];

/**
 * The figures of a contract, lot or region: a one-line summary, a chart (loaded lazily) with the same numbers in the
 * tables below (the source for screen readers and exports), the region's KPIs and the money against the ceiling.
 */
export function FiguresSection({ figures, titleId, exportName, contractId = null, lotId = null, allContracts = false, kpiList = null }: {
  figures: Figures; titleId: string; exportName: string; contractId?: string | null; lotId?: string | null;
  /** The figures cover every contract of the viewer (the dashboard): a provider's total and rows per municipality open its placements under all of them. */
  allContracts?: boolean;
  /** Where a consultant's KPI counts link to: the own clients under the contract (contractId), the lot's contracts (lotId), or every contract of the region. */
  kpiList?: 'CONTRACT' | 'LOT' | 'REGION' | null;
}) {
  const { t } = useTranslation();
  const hidden = figures.suppressedLabel;
  const { role } = useCurrentUser();
  const { key: periodKey } = useFigurePeriod();
  const kpiListScope = useMemo((): KpiListScope | null => {
    if (kpiList === 'CONTRACT') return contractId ? { contractId } : null;
    if (kpiList === 'LOT') return lotId ? { lotId } : null;
    return kpiList;
  }, [kpiList, contractId, lotId]);
  const columns = useMemo((): DataTableColumn<FigureGroup>[] => {
    const count = (id: string, header: string, value: (g: FigureGroup) => number | null | undefined, stage?: DrillStage, module?: CompletedModuleKey): DataTableColumn<FigureGroup> => ({
      id, header, text: (g) => countText(value(g), hidden), sortValue: (g) => value(g) ?? null, numeric: true,
      // A consultant's count per contract links to the own clients it counts (the caseload, filtered), a provider's to its own placements.
      render: stage || module ? (g) => {
        const path = stage ? drillDownPath(role, figures, g, stage, periodKey, contractId, allContracts, kpiListScope) : completedDrillDownPath(role, figures, g, module!, value(g), periodKey, kpiListScope, contractId, allContracts);
        if (!path) return countText(value(g), hidden);
        return (
          <RouterLink to={path} className="utrecht-link utrecht-link--html-a">
            {countText(value(g), hidden)}<span className="portal-visually-hidden">{` ${t('figures.drillDown', { stage: header.toLowerCase(), label: g.label, count: value(g) ?? 5 /* hidden: "< 5", plural */ })}`}</span>
          </RouterLink>
        );
      } : undefined,
    });
    // A consultant's hours and attendance link to the own clients they cover (the caseload, filtered), a provider's to its
    // own placements of them. The link's name says what it opens and, after it, the figure (hours or a percentage, not clients).
    const hours = (id: string, header: string, text: (g: FigureGroup) => string, value: (g: FigureGroup) => number | null | undefined, named: (g: FigureGroup) => string): DataTableColumn<FigureGroup> => ({
      id, header, text, sortValue: (g) => value(g) ?? null, numeric: true,
      render: (g) => {
        const path = hoursDrillDownPath(role, figures, g, periodKey, kpiListScope, contractId, allContracts);
        if (!path) return text(g);
        return (
          <RouterLink to={path} className="utrecht-link utrecht-link--html-a">
            <span aria-hidden="true">{text(g)}</span><span className="portal-visually-hidden">{t('figures.hoursDrillDown', { figure: header.toLowerCase(), label: g.label, value: named(g) })}</span>
          </RouterLink>
        );
      },
    });
    return [
      { id: 'label', header: figures.groupedBy === 'CONTRACT' ? t('figures.provider') : t('figures.municipality'), text: (g) => g.label },
      count('requested', t('figures.requested'), (g) => g.intake.requested, 'REQUESTED'),
      count('accepted', t('figures.accepted'), (g) => g.intake.accepted, 'ACCEPTED'),
      count('started', t('figures.started'), (g) => g.intake.started, 'STARTED'),
      count('waiting', t('figures.waiting'), (g) => g.intake.waiting, 'WAITING'),
      {
        id: 'days', header: t('figures.medianDays'), text: (g) => (g.intake.medianDaysPipToStart === null ? '–' : String(g.intake.medianDaysPipToStart)), sortValue: (g) => g.intake.medianDaysPipToStart, numeric: true,
        // A consultant's median links to the own clients it is computed over, a provider's to its own placements of them.
        render: (g) => {
          const text = g.intake.medianDaysPipToStart === null ? '–' : String(g.intake.medianDaysPipToStart);
          const path = waitDrillDownPath(role, figures, g, periodKey, kpiListScope, contractId, allContracts);
          if (!path) return text;
          return (
            <RouterLink to={path} className="utrecht-link utrecht-link--html-a">
              <span aria-hidden="true">{text}</span><span className="portal-visually-hidden">{t('figures.waitDrillDown', { label: g.label, count: g.intake.medianDaysPipToStart ?? 0 })}</span>
            </RouterLink>
          );
        },
      },
      hours('attended', t('figures.attendedHours'), (g) => minutesText(g.hours.attendedMinutes, hidden), (g) => minutesAsHours(g.hours.attendedMinutes),
        (g) => t('figures.hoursDrillDownHours', { hours: minutesText(g.hours.attendedMinutes, hidden) })),
      hours('attendance', t('figures.attendance'), (g) => percentText(g.hours.attendancePercent, g.hours.attendedMinutes === null, hidden), (g) => g.hours.attendancePercent,
        (g) => percentText(g.hours.attendancePercent, g.hours.attendedMinutes === null, hidden)),
      count('knm', t('figures.knm'), (g) => g.results.knmCompleted, undefined, 'KNM'),
      count('map', t('figures.map'), (g) => g.results.mapCompleted, undefined, 'MAP'),
      count('pvt', t('figures.pvt'), (g) => g.results.pvtCompleted, undefined, 'PVT'),
      count('z', t('figures.zCompletion'), (g) => g.results.zCompletions, undefined, 'Z_COMPLETION'),
    ];
  }, [t, hidden, figures, role, periodKey, contractId, allContracts, kpiListScope]);
  const kpiColumns = useMemo((): DataTableColumn<Kpi>[] => {
    // A consultant's cohort and achieved counts link to the own clients they count (the caseload, filtered).
    const kpiCount = (id: string, header: string, value: (k: Kpi) => number | null, achieved: boolean): DataTableColumn<Kpi> => ({
      id, header, text: (k) => countText(value(k), hidden), sortValue: (k) => value(k), numeric: true,
      render: (k) => {
        const path = kpiDrillDownPath(role, k.kpi, value(k), achieved, kpiListScope);
        if (!path) return countText(value(k), hidden);
        return (
          <RouterLink to={path} className="utrecht-link utrecht-link--html-a">
            {countText(value(k), hidden)}<span className="portal-visually-hidden">{` ${t(achieved ? 'figures.kpiAchievedDrillDown' : 'figures.kpiCohortDrillDown', { kpi: k.label })}`}</span>
          </RouterLink>
        );
      },
    });
    return [
      { id: 'label', header: t('figures.kpi'), text: (k) => k.label },
      { id: 'target', header: t('figures.target'), text: (k) => `≥ ${k.targetPercent}%`, sortValue: (k) => k.targetPercent, numeric: true },
      { id: 'percent', header: t('figures.achieved'), text: (k) => percentText(k.percent, k.cohort === null, hidden), sortValue: (k) => k.percent, numeric: true },
      kpiCount('cohort', t('figures.cohort'), (k) => k.cohort, false),
      kpiCount('achievedCount', t('figures.achievedCount'), (k) => k.achieved, true),
      { id: 'met', header: t('figures.targetMet'), text: (k) => (k.targetMet === null ? '–' : k.targetMet ? t('figures.yes') : t('figures.no')) },
      { id: 'about', header: t('figures.cohortDescription'), text: (k) => k.cohortDescription },
    ];
  }, [t, hidden, role, kpiListScope]);
  const spendColumns = useMemo((): DataTableColumn<FigureGroup>[] => [
    { id: 'label', header: t('figures.contract'), text: (g) => g.label },
    {
      id: 'realised', header: t('figures.realised'), text: (g) => moneyText(g.spend?.realisedCents), sortValue: (g) => g.spend?.realisedCents ?? null, numeric: true, xlsx: 'EURO_CENTS',
      // The amount links to the approved invoices it sums, for those who see the invoice list.
      render: (g) => {
        const path = spendDrillDownPath(role, figures, g, periodKey, contractId);
        if (!path) return moneyText(g.spend?.realisedCents);
        return (
          <RouterLink to={path} className="utrecht-link utrecht-link--html-a">
            {moneyText(g.spend?.realisedCents)}<span className="portal-visually-hidden">{` ${t('figures.spendDrillDown', { label: g.label })}`}</span>
          </RouterLink>
        );
      },
    },
    { id: 'committed', header: t('figures.committed'), text: (g) => moneyText(g.spend?.committedCents), sortValue: (g) => g.spend?.committedCents ?? null, numeric: true, xlsx: 'EURO_CENTS' },
    { id: 'ceiling', header: t('figures.ceiling'), text: (g) => moneyText(g.spend?.ceilingCents), sortValue: (g) => g.spend?.ceilingCents ?? null, numeric: true, xlsx: 'EURO_CENTS' },
    { id: 'used', header: t('figures.ceilingUsed'), text: (g) => percentText(g.spend?.ceilingUsedPercent, false, hidden), sortValue: (g) => g.spend?.ceilingUsedPercent ?? null, numeric: true },
    { id: 'forecast', header: t('figures.forecast'), text: (g) => moneyText(g.spend?.forecastAtEndCents), sortValue: (g) => g.spend?.forecastAtEndCents ?? null, numeric: true, xlsx: 'EURO_CENTS' },
  ], [t, hidden, role, figures, periodKey, contractId]);
  const rows = groupRows(figures);
  const spendRows = rows.filter((g) => g.spend);
  return (
    <section aria-labelledby={titleId} className="portal-figures portal-wide-table">
      <Heading2 id={titleId}>{t('figures.title')}</Heading2>
      <FigurePeriodField id={`${titleId}-period`} />
      <Paragraph className="portal-figures__summary">{figuresSummary(figures)}</Paragraph>
      <Suspense fallback={<Paragraph>{t('figures.chartLoading')}</Paragraph>}>
        <FiguresChart data={chartData(figures)} labels={{ started: t('figures.started'), waiting: t('figures.waiting'), requested: t('figures.requested') }} />
      </Suspense>
      <DataTable caption={t('figures.intakeCaption')} columns={columns} rows={rows} rowKey={(g) => g.id ?? g.label} rowHeader="label"
        exportFileName={`${exportName}-cijfers`} emptyMessage={t('figures.empty')} />
      <HourFiguresTable figures={figures} exportName={exportName} />
      <ExamPartsTable figures={figures} exportName={exportName} scope={kpiListScope} contractId={contractId} allContracts={allContracts} />
      <Heading3>{t('figures.kpiTitle')}</Heading3>
      <DataTable caption={t('figures.kpiCaption')} columns={kpiColumns} rows={figures.total.kpis} rowKey={(k) => k.kpi} rowHeader="label"
        exportFileName={`${exportName}-kpis`} emptyMessage={t('figures.empty')} />
      {spendRows.length > 0 && (
        <>
          <Heading3>{t('figures.spendTitle')}</Heading3>
          <DataTable caption={t('figures.spendCaption')} columns={spendColumns} rows={spendRows} rowKey={(g) => g.id ?? g.label} rowHeader="label"
            exportFileName={`${exportName}-besteding`} emptyMessage={t('figures.empty')} />
        </>
      )}
      <Paragraph className="portal-figures__computed">{t('figures.computedAt', { when: computedAtText(figures.computedAt) })}</Paragraph>
    </section>
  );
}

// Pure helpers of the figures screens: table rows, chart data and the one-line summary, with hidden cells as "< 5".
import type { FiguresFieldsFragment } from '@inburgering/contracts';
import { formatEuroCentsNl, formatHoursNl, formatPercentNl } from '@inburgering/domain';

export type Figures = FiguresFieldsFragment;
export type FigureGroup = Figures['total'];

/** A count as shown: the number, or the suppressed label ("< 5") when the API hid it. */
export function countText(value: number | null | undefined, suppressedLabel: string): string {
  return value === null || value === undefined ? suppressedLabel : String(value);
}

/** A percentage or dash; a hidden percentage shows the suppressed label. */
export function percentText(value: number | null | undefined, hidden: boolean, suppressedLabel: string): string {
  if (value === null || value === undefined) return hidden ? suppressedLabel : '–';
  return formatPercentNl(value);
}

export function minutesText(value: number | null | undefined, suppressedLabel: string): string {
  return value === null || value === undefined ? suppressedLabel : formatHoursNl(value);
}

export function moneyText(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '–' : formatEuroCentsNl(Math.round(cents));
}

/** The groups followed by the total, as table rows. */
export function groupRows(figures: Figures): FigureGroup[] {
  return figures.groups.length > 1 || figures.groups.length === 0 ? [...figures.groups, figures.total] : figures.groups;
}

export interface ChartDatum {
  label: string;
  started: number | null;
  waiting: number | null;
  requested: number | null;
}

/** Bars per group (not the total); a hidden cell has no bar (the table says "< 5"). */
export function chartData(figures: Figures): ChartDatum[] {
  const groups = figures.groups.length > 0 ? figures.groups : [figures.total];
  return groups.map((g) => ({ label: g.label, started: g.intake.started, waiting: g.intake.waiting, requested: g.intake.requested }));
}

/** One line that says what the chart shows, for those who do not look at it. */
export function figuresSummary(figures: Figures): string {
  const total = figures.total;
  const hidden = figures.suppressedLabel;
  const parts = [
    `${countText(total.intake.started, hidden)} gestart, ${countText(total.intake.waiting, hidden)} wachtend en ${countText(total.intake.requested, hidden)} aangevraagd`,
  ];
  if (total.hours.attendancePercent !== null && total.hours.attendancePercent !== undefined) parts.push(`aanwezigheid ${formatPercentNl(total.hours.attendancePercent)}`);
  const spend = total.spend;
  if (spend && spend.ceilingCents) {
    parts.push(`${moneyText(spend.committedCents)} van het plafond van ${moneyText(spend.ceilingCents)} besteed of toegezegd (${formatPercentNl(spend.ceilingUsedPercent ?? 0)})`);
  }
  const groups = figures.groups.length > 1 ? ` over ${figures.groups.length} ${figures.groupedBy === 'CONTRACT' ? 'contracten' : 'gemeenten'}` : '';
  return `${figures.scope}${groups}: ${parts.join('; ')}.${figures.suppressed ? ` Aantallen onder ${figures.minimumCellSize} tonen als “${hidden}”.` : ''}`;
}

export type DrillStage = 'REQUESTED' | 'ACCEPTED' | 'STARTED' | 'WAITING';

/**
 * Where a count drills down to, for those allowed to see the list: the consultant's own clients that a contract's intake
 * figure counts (the caseload page, filtered), per contract and for the row of individual placements; the provider's own
 * placements (the placed clients page, filtered) as providerListParams: per contract, the row of individual placements,
 * the total and each municipality of its contract page, the total of a lot page (`scope` the lot) and on its dashboard
 * (`allContracts`) the total and each municipality over all its contracts. Only for a shown count above 0; the
 * projectleider gets no list, a provider none of waiting placements (never offered to it).
 */
export function drillDownPath(
  role: string, figures: Figures, group: FigureGroup, stage: DrillStage, periodKey: string, contractId: string | null = null, allContracts = false, scope: KpiListScope | null = null,
): string | null {
  const count = stage === 'REQUESTED' ? group.intake.requested : stage === 'ACCEPTED' ? group.intake.accepted : stage === 'STARTED' ? group.intake.started : group.intake.waiting;
  if (!count) return null;
  let params: URLSearchParams | null = null;
  if (role === 'CONSULTANT') {
    // The consultant's intake lists are a contract's or the individual placements', not a total's.
    if (isIndividualRow(figures, group)) params = new URLSearchParams({ individueel: 'ja' });
    else if (figures.groupedBy === 'CONTRACT' && group.id) params = new URLSearchParams({ contract: group.id });
  } else if (role === 'PROVIDER_USER' && stage !== 'WAITING') {
    params = providerListParams(figures, group, contractId, allContracts, scope);
  }
  if (!params) return null;
  params.set('stadium', stage);
  if (periodKey) params.set('periode', periodKey);
  return `${role === 'CONSULTANT' ? '/inburgeraars' : '/mijn-inburgeraars'}?${params.toString()}`;
}

/**
 * That a row is the one of the individual placements ("Zonder perceel (individueel)": outside a lot, no contract), which
 * the API gives per contract without an id: a row that is not the total.
 */
export function isIndividualRow(figures: Figures, group: FigureGroup): boolean {
  return figures.groupedBy === 'CONTRACT' && !group.id && group !== figures.total;
}

/**
 * Where a contract's realised spend drills down to: the approved invoices and credit notes it sums (the invoice list,
 * filtered on the contract and on "goedgekeurd"): a provider's own, a consultant's those its municipality pays. Not for
 * a period (the list has no period filter), not for the projectleider (no invoice list), only above € 0.
 */
export function spendDrillDownPath(role: string, figures: Figures, group: FigureGroup, periodKey: string, contractId: string | null = null): string | null {
  if (periodKey || !group.spend?.realisedCents) return null;
  const contract = figures.groupedBy === 'CONTRACT' ? group.id : contractId;
  const path = role === 'PROVIDER_USER' ? '/facturen' : role === 'CONSULTANT' ? '/facturen/beoordelen' : null;
  if (!contract || !path) return null;
  return `${path}?${new URLSearchParams({ contract, status: 'APPROVED' }).toString()}`;
}

/** Which list a KPI's figures come from: one contract (its page), the contracts of a lot (its page) or every contract of the region (the dashboard). */
export type KpiListScope = { contractId: string } | { lotId: string } | 'REGION';

/**
 * Where a KPI's cohort (or those who achieved it) drills down to: the consultant's own clients the KPI counts (the
 * caseload page, filtered). Only for a shown count above 0; the projectleider and providers keep the counts only.
 */
export function kpiDrillDownPath(role: string, kpi: string, count: number | null | undefined, achieved: boolean, scope: KpiListScope | null): string | null {
  if (role !== 'CONSULTANT' || !scope || !count) return null;
  const params = new URLSearchParams(scope === 'REGION' ? { kpi } : 'lotId' in scope ? { perceel: scope.lotId, kpi } : { contract: scope.contractId, kpi });
  if (achieved) params.set('gehaald', 'ja');
  return `/inburgeraars?${params.toString()}`;
}

/** A module whose completion a result figure counts (the API's CompletedModule). */
export type CompletedModuleKey = 'KNM' | 'MAP' | 'PVT' | 'Z_COMPLETION';

/**
 * Where a result figure (KNM, MAP, PVT completed) drills down to, in the figures' period, only for a shown count above 0.
 * The consultant: the own clients who completed the module (the caseload page, filtered); a contract's row lists those
 * under its contract, the total those under the figures' contracts (`scope`: the contract, the lot or every contract of
 * the region). A provider: its own placements of those clients, one per client (the placed clients page, filtered), as
 * its intake counts drill down (providerListParams). Also the row of individual placements; the projectleider keeps the
 * counts only.
 */
export function completedDrillDownPath(
  role: string, figures: Figures, group: FigureGroup, module: CompletedModuleKey, count: number | null | undefined, periodKey: string, scope: KpiListScope | null,
  contractId: string | null = null, allContracts = false,
): string | null {
  if (!count) return null;
  const list = ownListOf(role, figures, group, scope, contractId, allContracts);
  if (!list) return null;
  list.params.set('voltooid', module);
  if (periodKey) list.params.set('periode', periodKey);
  return `${list.path}?${list.params.toString()}`;
}

/**
 * The list a row's figure opens for the viewer, as a path and its link parameters (more to be added): the consultant's
 * own clients (consultantListParams), the provider's own placements (providerListParams); null for the projectleider or
 * a row without a list.
 */
export function ownListOf(
  role: string, figures: Figures, group: FigureGroup, scope: KpiListScope | null, contractId: string | null, allContracts: boolean,
): { path: string; params: URLSearchParams } | null {
  const params = role === 'CONSULTANT' ? consultantListParams(figures, group, scope) : role === 'PROVIDER_USER' ? providerListParams(figures, group, contractId, allContracts, scope) : null;
  return params ? { path: role === 'CONSULTANT' ? '/inburgeraars' : '/mijn-inburgeraars', params } : null;
}

/**
 * Which of the consultant's own clients a row's figure covers, as the caseload's link parameters: a contract's row its
 * contract, the row of individual placements those (individueel=ja), the total the figures' contracts (`scope`: the
 * contract, the lot or every contract of the region); null for a row without a list (a municipality).
 */
export function consultantListParams(figures: Figures, group: FigureGroup, scope: KpiListScope | null): URLSearchParams | null {
  if (group.id && figures.groupedBy === 'CONTRACT') return new URLSearchParams({ contract: group.id });
  if (isIndividualRow(figures, group)) return new URLSearchParams({ individueel: 'ja' });
  if (group === figures.total && scope) return new URLSearchParams(scope === 'REGION' ? {} : 'lotId' in scope ? { perceel: scope.lotId } : { contract: scope.contractId });
  return null;
}

/**
 * Which of the provider's own placements a row's figure covers, as the placed clients' link parameters: a contract's row
 * its contract; the row of individual placements its own (individueel=ja); on its contract page (`contractId`) the total
 * and each municipality under the contract; on a lot page (`scope` the lot) the total under its own contracts of the lot;
 * on its dashboard (`allContracts`) the total and each municipality over all its contracts. Null for a row without a list.
 */
export function providerListParams(figures: Figures, group: FigureGroup, contractId: string | null, allContracts: boolean, scope: KpiListScope | null = null): URLSearchParams | null {
  if (isIndividualRow(figures, group)) return new URLSearchParams({ individueel: 'ja' });
  const contract = figures.groupedBy === 'CONTRACT' ? group.id : contractId;
  if (!contract && group === figures.total && scope && scope !== 'REGION' && 'lotId' in scope) return new URLSearchParams({ perceel: scope.lotId });
  if (!contract && !allContracts) return null;
  const params = new URLSearchParams(contract ? { contract } : {});
  if (figures.groupedBy === 'MUNICIPALITY' && group.id) params.set('gemeente', group.id);
  return params;
}

/**
 * Where the hours figures (attended hours, attendance) drill down to: the clients they cover, with planned or attended
 * hours under the row's contracts in the figures' period. A consultant: its own clients (the caseload page, filtered); a
 * provider: its own placements of them, one per client (the placed clients page, filtered; `contractId` and
 * `allContracts` as for completedDrillDownPath). Only for shown hours above 0; the projectleider keeps the figures only.
 */
export function hoursDrillDownPath(role: string, figures: Figures, group: FigureGroup, periodKey: string, scope: KpiListScope | null, contractId: string | null = null, allContracts = false): string | null {
  const shown = Boolean(group.hours.plannedMinutes || group.hours.attendedMinutes);
  return coveredFigurePath(role, figures, group, shown, 'uren', periodKey, scope, contractId, allContracts);
}

/**
 * Where the median wait from signed PIP to start drills down to: the clients it is computed over, started on or after the
 * signed PIP under the row's contracts in the figures' period (a consultant's own clients, a provider's own placements of
 * them, as hoursDrillDownPath). Only for a shown median.
 */
export function waitDrillDownPath(role: string, figures: Figures, group: FigureGroup, periodKey: string, scope: KpiListScope | null, contractId: string | null = null, allContracts = false): string | null {
  const shown = group.intake.medianDaysPipToStart !== null && group.intake.medianDaysPipToStart !== undefined;
  return coveredFigurePath(role, figures, group, shown, 'wachttijd', periodKey, scope, contractId, allContracts);
}

/** The consultant's caseload or the provider's placed clients filtered on a figure of the row (`flag`=ja), for a shown figure only. */
function coveredFigurePath(
  role: string, figures: Figures, group: FigureGroup, shown: boolean, flag: 'uren' | 'wachttijd', periodKey: string, scope: KpiListScope | null,
  contractId: string | null, allContracts: boolean,
): string | null {
  const list = shown ? ownListOf(role, figures, group, scope, contractId, allContracts) : null;
  if (!list) return null;
  list.params.set(flag, 'ja');
  if (periodKey) list.params.set('periode', periodKey);
  return `${list.path}?${list.params.toString()}`;
}

const UPDATED_DATE = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' });
const UPDATED_TIME = new Intl.DateTimeFormat('nl-NL', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** When the figures were computed, in Dutch and Amsterdam time: "1 december 2026 om 14:05". */
export function computedAtText(instant: string): string {
  const date = new Date(instant);
  return `${UPDATED_DATE.format(date)} om ${UPDATED_TIME.format(date)}`;
}

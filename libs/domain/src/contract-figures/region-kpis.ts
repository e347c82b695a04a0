// The four KPIs of the Midden-Gelderland tender, each with its target and the cohort it is computed over
// (DOMAIN §5; targets from policy-defaults DEFAULT_KPI_TARGETS_PERCENT, configurable per region).
import { CalendarDate, addMonths, compareDates } from '../calendar-date';
import { DEFAULT_KPI_TARGETS_PERCENT, DEFAULT_MIN_REPORTABLE_COUNT } from '../policy-defaults';
import type { TargetGroup } from '../routes';
import type { ClientOutcomeKind } from './client-outcomes';

export const REGION_KPIS = ['STARTED_WITHIN_3_MONTHS', 'PASSED_WITHIN_3_YEARS', 'PARTICIPATING_WITHIN_3_YEARS', 'WORK_OR_STUDY_WITHIN_2_YEARS'] as const;
export type RegionKpi = (typeof REGION_KPIS)[number];

/** Where a KPI's window starts for a client. */
export type KpiReference = 'HOUSING' | 'TERM_START';

export interface RegionKpiDefinition {
  kpi: RegionKpi;
  label: string;
  /** Target in percent (policy). */
  targetPercent: number;
  /** Months from the reference date within which the client must achieve it. */
  windowMonths: number;
  reference: KpiReference;
  /** Target groups in the cohort; null = all clients. */
  targetGroups: readonly TargetGroup[] | null;
  /** Outcome kinds that count as achieved (the outcome KPIs). */
  outcomeKinds: readonly ClientOutcomeKind[] | null;
  /** The cohort in one Dutch sentence, shown next to the figure. */
  cohortDescription: string;
}

/** The four KPIs with their default targets (DOMAIN §5, Overbetuwe/Midden-Gelderland tender; policy). */
export function regionKpiDefinitions(targets: Readonly<Record<keyof typeof DEFAULT_KPI_TARGETS_PERCENT, number>> = DEFAULT_KPI_TARGETS_PERCENT): readonly RegionKpiDefinition[] {
  return [
    {
      kpi: 'STARTED_WITHIN_3_MONTHS', label: 'Binnen 3 maanden na huisvesting gestart', targetPercent: targets.startedWithinThreeMonthsOfHousing,
      windowMonths: 3, reference: 'HOUSING', targetGroups: null, outcomeKinds: null,
      cohortDescription: 'Inburgeraars van wie de huisvesting (inschrijving BRP) minstens 3 maanden geleden is.',
    },
    {
      kpi: 'PASSED_WITHIN_3_YEARS', label: 'Route binnen 3 jaar afgerond', targetPercent: targets.passedWithinThreeYears,
      windowMonths: 36, reference: 'TERM_START', targetGroups: null, outcomeKinds: null,
      cohortDescription: 'Inburgeraars van wie de inburgeringstermijn (3 jaar) voorbij is.',
    },
    {
      kpi: 'PARTICIPATING_WITHIN_3_YEARS', label: 'Binnen 3 jaar participerend', targetPercent: targets.participatingWithinThreeYears,
      windowMonths: 36, reference: 'TERM_START', targetGroups: null, outcomeKinds: ['WORK', 'STUDY', 'PARTICIPATION'],
      cohortDescription: 'Inburgeraars van wie de inburgeringstermijn (3 jaar) voorbij is.',
    },
    {
      kpi: 'WORK_OR_STUDY_WITHIN_2_YEARS', label: 'Binnen 2 jaar naar werk of studie', targetPercent: targets.statusHoldersOnBenefitToWorkOrStudyWithinTwoYears,
      windowMonths: 24, reference: 'TERM_START', targetGroups: ['STATUS_HOLDER'], outcomeKinds: ['WORK', 'STUDY'],
      cohortDescription: 'Statushouders van wie de termijn minstens 2 jaar geleden begon.',
    },
  ];
}

/** Last day a client can achieve a KPI: the reference date plus the window (same month arithmetic as addMonths). */
export function kpiWindowEnd(definition: Pick<RegionKpiDefinition, 'windowMonths'>, referenceDate: CalendarDate): CalendarDate {
  return addMonths(referenceDate, definition.windowMonths);
}

/** A client is in a KPI's cohort once the window has closed (so the figure never changes afterwards) and the target group fits. */
export function isInKpiCohort(definition: RegionKpiDefinition, client: { referenceDate: CalendarDate | null; targetGroup: TargetGroup }, today: CalendarDate): boolean {
  if (!client.referenceDate) return false;
  if (definition.targetGroups && !definition.targetGroups.includes(client.targetGroup)) return false;
  return compareDates(kpiWindowEnd(definition, client.referenceDate), today) < 0;
}

/** Achieved when it happened on or before the last day of the window (the day itself counts, as in startedWithinThreeMonths). */
export function isKpiAchieved(definition: RegionKpiDefinition, referenceDate: CalendarDate, achievedOn: CalendarDate | null): boolean {
  return !!achievedOn && compareDates(achievedOn, kpiWindowEnd(definition, referenceDate)) <= 0;
}

export interface KpiFigure {
  kpi: RegionKpi;
  label: string;
  targetPercent: number;
  cohortDescription: string;
  /** Clients in the cohort; null when hidden (fewer than the minimum, only where figures cross an organisation's boundary). */
  cohort: number | null;
  achieved: number | null;
  /** achieved / cohort in percent, 1 decimal; null when the cohort is empty or hidden. */
  percent: number | null;
  /** Whether the target is met; null when there is no percentage. */
  targetMet: boolean | null;
}

/** The KPI as shown: percent against target; with `suppress` a cohort under the minimum hides count and percentage (AVG, small groups). */
export function kpiFigure(definition: RegionKpiDefinition, cohort: number, achieved: number, options: { suppress: boolean; minimum?: number } = { suppress: false }): KpiFigure {
  const minimum = options.minimum ?? DEFAULT_MIN_REPORTABLE_COUNT;
  const hidden = options.suppress && cohort > 0 && cohort < minimum;
  const percent = hidden || cohort === 0 ? null : Math.round((achieved / cohort) * 1000) / 10;
  return {
    kpi: definition.kpi,
    label: definition.label,
    targetPercent: definition.targetPercent,
    cohortDescription: definition.cohortDescription,
    cohort: hidden ? null : cohort,
    achieved: hidden ? null : achieved,
    percent,
    targetMet: percent === null ? null : percent >= definition.targetPercent,
  };
}

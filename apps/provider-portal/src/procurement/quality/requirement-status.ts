import type { EvidencePeriodStatus, QualityRequirementFieldsFragment, QualityRequirementSummaryFieldsFragment } from '@inburgering/contracts';

/** One requirement with every period and its evidence (the evidence page, the answers of the evidence mutations). */
export type Requirement = QualityRequirementFieldsFragment;
export type EvidencePeriod = Requirement['periods'][number];
/** A requirement as the overviews list it: with the period that needs attention first (overviewPeriod in the domain). */
export type RequirementSummary = QualityRequirementSummaryFieldsFragment;

/** Periods for which the provider may (still) submit evidence. */
const SUBMITTABLE: readonly EvidencePeriodStatus[] = ['OPEN', 'DUE_SOON', 'OVERDUE', 'REJECTED'];

export const canSubmit = (period: EvidencePeriod) => SUBMITTABLE.includes(period.status);

export function periodsByDueDate(requirement: Requirement): EvidencePeriod[] {
  return [...requirement.periods].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

export type BadgeStatus = 'safe' | 'warning' | 'danger' | 'neutral' | 'success';

export const PERIOD_BADGE: Record<EvidencePeriodStatus, BadgeStatus> = {
  OPEN: 'neutral',
  DUE_SOON: 'warning',
  OVERDUE: 'danger',
  SUBMITTED: 'safe',
  ACCEPTED: 'success',
  REJECTED: 'danger',
};

import type { EvidencePeriodStatus, QualityRequirementsQuery } from '@inburgering/contracts';

export type Requirement = QualityRequirementsQuery['qualityRequirements'][number];
export type EvidencePeriod = Requirement['periods'][number];

/** Periods for which the provider may (still) submit evidence. */
const SUBMITTABLE: readonly EvidencePeriodStatus[] = ['OPEN', 'DUE_SOON', 'OVERDUE', 'REJECTED'];
const URGENCY: Record<EvidencePeriodStatus, number> = { OVERDUE: 0, REJECTED: 1, DUE_SOON: 2, OPEN: 3, SUBMITTED: 4, ACCEPTED: 5 };

export const canSubmit = (period: EvidencePeriod) => SUBMITTABLE.includes(period.status);

export function periodsByDueDate(requirement: Requirement): EvidencePeriod[] {
  return [...requirement.periods].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
}

/** The period that needs attention first (overdue, then rejected, then due soon …; the earliest within), for the overview. */
export function periodToShow(requirement: Requirement): EvidencePeriod | undefined {
  return [...requirement.periods].sort((a, b) => URGENCY[a.status] - URGENCY[b.status] || a.dueOn.localeCompare(b.dueOn))[0];
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

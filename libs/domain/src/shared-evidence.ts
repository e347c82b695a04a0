// Evidence that counts for more than one contract (issue 15, Midden-Gelderland): a keurmerk, VOG statement or the
// share of NT2-qualified teachers belongs to the provider as an organisation, not to one contract.
import type { CalendarDate } from './calendar-date';
import { quarterOf } from './contract-figures/quarters';
import type { EvidenceStatus, QualityPeriod, QualityRequirementType } from './quality-requirements';

/** Requirements about the provider as an organisation; the others (reports, satisfaction, group size, …) are about one contract's delivery. */
const ORGANISATION_WIDE_TYPES: readonly QualityRequirementType[] = ['KEURMERK_VALID', 'VOG_ALL_STAFF', 'NT2_QUALIFIED_SHARE'];

export interface ShareableRequirement {
  id: string;
  providerId: string;
  type: QualityRequirementType;
  period: QualityPeriod;
  /** The numeric norm, where the type has one (an 80% norm is not the same requirement as a 90% one). */
  normValue: number | null;
}

/** Whether evidence of a requirement type can count for more than one contract: it is about the provider as an organisation. */
export function isOrganisationWide(type: QualityRequirementType): boolean {
  return ORGANISATION_WIDE_TYPES.includes(type);
}

/** Two contracts ask the same requirement: the same provider, an organisation-wide type, the same frequency and the same numeric norm. */
export function asksSameRequirement(a: ShareableRequirement, b: ShareableRequirement): boolean {
  return a.id !== b.id && a.providerId === b.providerId && a.type === b.type && isOrganisationWide(a.type)
    && a.period === b.period && (a.normValue ?? null) === (b.normValue ?? null);
}

/** Two due dates fall in the same period: a one-off requirement always, otherwise the same calendar quarter or year. */
export function inSameEvidencePeriod(period: QualityPeriod, a: CalendarDate, b: CalendarDate): boolean {
  if (period === 'ONCE') return true;
  if (period === 'YEARLY') return a.slice(0, 4) === b.slice(0, 4);
  const [qa, qb] = [quarterOf(a), quarterOf(b)];
  return qa.year === qb.year && qa.quarter === qb.quarter;
}

export interface EvidenceCandidate {
  requirement: ShareableRequirement;
  /** The periods open for evidence now (evidenceDueDates), each with the status of its latest evidence. */
  periods: readonly { dueOn: CalendarDate; latestEvidence: EvidenceStatus | null }[];
}

export interface SharedEvidenceTarget {
  requirementId: string;
  dueOn: CalendarDate;
}

/**
 * The other requirements (and their period) that evidence for `requirement`'s period `dueOn` also counts for: the
 * same requirement, a period in the same quarter or year that still waits for evidence (none, or rejected).
 */
export function sharedEvidenceTargets(requirement: ShareableRequirement, dueOn: CalendarDate, candidates: readonly EvidenceCandidate[]): SharedEvidenceTarget[] {
  const targets: SharedEvidenceTarget[] = [];
  for (const candidate of candidates) {
    if (!asksSameRequirement(requirement, candidate.requirement)) continue;
    const period = candidate.periods.find((p) => inSameEvidencePeriod(requirement.period, dueOn, p.dueOn)
      && p.latestEvidence !== 'SUBMITTED' && p.latestEvidence !== 'ACCEPTED');
    if (period) targets.push({ requirementId: candidate.requirement.id, dueOn: period.dueOn });
  }
  return targets;
}

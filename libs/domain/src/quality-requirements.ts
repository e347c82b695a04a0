// Kwaliteitseisen (quality requirements) of a contract: types, periods, due dates of evidence.
import { CalendarDate, addDays, addMonths, compareDates } from './calendar-date';
import { formatDateNl } from './format-nl';
import { RuleViolation, violation } from './rule-violation';

export const QUALITY_REQUIREMENT_TYPES = [
  'KEURMERK_VALID',
  'VOG_ALL_STAFF',
  'NT2_QUALIFIED_SHARE',
  'CLIENT_SATISFACTION',
  'QUARTERLY_REPORT',
  'TIMELY_SIGNALLING',
  'MAX_GROUP_SIZE',
  'FLEXIBLE_OFFER',
  'CUSTOM',
] as const;
export type QualityRequirementType = (typeof QUALITY_REQUIREMENT_TYPES)[number];

const QUALITY_REQUIREMENT_LABELS: Record<QualityRequirementType, string> = {
  KEURMERK_VALID: 'Geldig keurmerk Blik op Werk',
  VOG_ALL_STAFF: 'VOG voor alle medewerkers',
  NT2_QUALIFIED_SHARE: 'Aandeel NT2-bevoegde docenten',
  CLIENT_SATISFACTION: 'Klanttevredenheid gemeten',
  QUARTERLY_REPORT: 'Kwartaalrapportage aan de regio',
  TIMELY_SIGNALLING: 'Tijdige signalering aan de gemeente (verzuim, problemen)',
  MAX_GROUP_SIZE: 'Maximale groepsgrootte',
  FLEXIBLE_OFFER: 'Flexibel aanbod (avond, op de werkvloer, vaktaal)',
  CUSTOM: 'Overige eis',
};

export function qualityRequirementLabel(type: QualityRequirementType): string {
  return QUALITY_REQUIREMENT_LABELS[type];
}

export const QUALITY_PERIODS = ['ONCE', 'QUARTERLY', 'YEARLY'] as const;
export type QualityPeriod = (typeof QUALITY_PERIODS)[number];

const QUALITY_PERIOD_LABELS: Record<QualityPeriod, string> = {
  ONCE: 'Eenmalig',
  QUARTERLY: 'Per kwartaal',
  YEARLY: 'Per jaar',
};

export function qualityPeriodLabel(period: QualityPeriod): string {
  return QUALITY_PERIOD_LABELS[period];
}

const PERIOD_MONTHS: Record<Exclude<QualityPeriod, 'ONCE'>, number> = { QUARTERLY: 3, YEARLY: 12 };

/**
 * The due date after `from` (the previous due date, or the contract start) for recurring evidence
 * (contract terms: period per requirement); null for ONCE, which has no next due date.
 */
export function nextDueDate(period: QualityPeriod, from: CalendarDate): CalendarDate | null {
  return period === 'ONCE' ? null : addMonths(from, PERIOD_MONTHS[period]);
}

/** Evidence is overdue when it was not submitted on or before its due date (contract terms). */
export function isEvidenceOverdue(dueDate: CalendarDate, submittedOn: CalendarDate | null | undefined, today: CalendarDate): boolean {
  return compareDates(submittedOn ?? today, dueDate) > 0;
}

/** Due dates of a requirement from its first due date through `until` (inclusive); ONCE has one (contract terms). */
export function dueDatesThrough(period: QualityPeriod, firstDueOn: CalendarDate, until: CalendarDate): CalendarDate[] {
  const dates: CalendarDate[] = [];
  for (let due: CalendarDate | null = firstDueOn, n = 1; due && compareDates(due, until) <= 0; n += 1) {
    dates.push(due);
    // Counted from the first due date, so a 31st stays the end of the month (31 Mar, 30 Jun, 30 Sep, 31 Dec).
    due = period === 'ONCE' ? null : addMonths(firstDueOn, PERIOD_MONTHS[period] * n);
  }
  return dates;
}

/**
 * The periods a provider must see: every due date up to today, and the first one after today (what is due next),
 * never past the contract's end.
 */
export function evidenceDueDates(period: QualityPeriod, firstDueOn: CalendarDate, today: CalendarDate, contractEnd: CalendarDate): CalendarDate[] {
  const all = dueDatesThrough(period, firstDueOn, contractEnd);
  const next = all.findIndex((due) => compareDates(due, today) > 0);
  return next < 0 ? all : all.slice(0, next + 1);
}

export const EVIDENCE_STATUSES = ['SUBMITTED', 'ACCEPTED', 'REJECTED'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** What a period of a requirement looks like: open (with due soon / overdue), or the state of its latest evidence. */
export type EvidencePeriodStatus = 'OPEN' | 'DUE_SOON' | 'OVERDUE' | EvidenceStatus;

const EVIDENCE_PERIOD_STATUS_LABELS: Record<EvidencePeriodStatus, string> = {
  OPEN: 'Nog niet ingediend',
  DUE_SOON: 'Binnenkort verwacht',
  OVERDUE: 'Te laat',
  SUBMITTED: 'Ingediend, wacht op beoordeling',
  ACCEPTED: 'Goedgekeurd',
  REJECTED: 'Afgekeurd',
};

export function evidencePeriodStatusLabel(status: EvidencePeriodStatus): string {
  return EVIDENCE_PERIOD_STATUS_LABELS[status];
}

/**
 * The status of one period: the state of its latest evidence once there is any (a rejected period asks for new
 * evidence), otherwise open, due soon or overdue by its due date (contract terms: evidence per period, reviewed by the region).
 */
export function evidencePeriodStatus(
  dueOn: CalendarDate,
  latestEvidence: EvidenceStatus | null | undefined,
  today: CalendarDate,
  dueSoonDays = 14,
): EvidencePeriodStatus {
  if (latestEvidence) return latestEvidence;
  if (isEvidenceOverdue(dueOn, null, today)) return 'OVERDUE';
  return compareDates(addDays(today, dueSoonDays), dueOn) >= 0 ? 'DUE_SOON' : 'OPEN';
}

/** How urgently a period asks for the provider's attention, most urgent first. */
const ATTENTION_ORDER: Record<EvidencePeriodStatus, number> = { OVERDUE: 0, REJECTED: 1, DUE_SOON: 2, OPEN: 3, SUBMITTED: 4, ACCEPTED: 5 };

/**
 * The period an overview shows for a requirement: the one that needs attention first (overdue, then rejected, due soon,
 * open, submitted, accepted), the earliest within; none when there are no periods (contract terms: evidence per period).
 */
export function overviewPeriod<T extends { dueOn: CalendarDate; status: EvidencePeriodStatus }>(periods: readonly T[]): T | undefined {
  const sooner = (a: T, b: T) => ATTENTION_ORDER[a.status] - ATTENTION_ORDER[b.status] || compareDates(a.dueOn, b.dueOn);
  return periods.reduce<T | undefined>((shown, period) => (!shown || sooner(period, shown) < 0 ? period : shown), undefined);
}

export interface EvidenceSubmissionInput {
  dueOn: CalendarDate;
  /** The due dates open for evidence now (evidenceDueDates). */
  openDueDates: readonly CalendarDate[];
  latestEvidence: EvidenceStatus | null | undefined;
  value: string | null | undefined;
  comment: string | null | undefined;
  hasDocument: boolean;
}

/** Evidence is for a period of the requirement, not already submitted or accepted, and carries a value, comment or document. */
export function checkEvidenceSubmission({ dueOn, openDueDates, latestEvidence, value, comment, hasDocument }: EvidenceSubmissionInput): RuleViolation[] {
  if (!openDueDates.includes(dueOn)) {
    return [violation('dueOn', 'EVIDENCE_PERIOD_UNKNOWN', `Voor deze kwaliteitseis is op ${formatDateNl(dueOn)} geen bewijs verwacht; kies een van de getoonde perioden.`)];
  }
  if (latestEvidence === 'SUBMITTED') {
    return [violation('dueOn', 'EVIDENCE_ALREADY_SUBMITTED', `Voor de periode tot ${formatDateNl(dueOn)} is al bewijs ingediend; dat wacht op beoordeling door de regio.`)];
  }
  if (latestEvidence === 'ACCEPTED') {
    return [violation('dueOn', 'EVIDENCE_ALREADY_ACCEPTED', `Het bewijs voor de periode tot ${formatDateNl(dueOn)} is al goedgekeurd.`)];
  }
  if (!value?.trim() && !comment?.trim() && !hasDocument) {
    return [violation('value', 'EVIDENCE_EMPTY', 'Vul een waarde of toelichting in, of voeg een document toe.')];
  }
  return [];
}

export type EvidenceDecision = 'ACCEPTED' | 'REJECTED';

/** Only submitted evidence is reviewed, and a rejection needs a reason the provider can act on (contract terms). */
export function checkEvidenceReview(currentStatus: EvidenceStatus, decision: EvidenceDecision, reason: string | null | undefined): RuleViolation[] {
  if (currentStatus !== 'SUBMITTED') {
    return [violation('evidenceId', 'EVIDENCE_ALREADY_REVIEWED',
      `Dit bewijs is al beoordeeld (${currentStatus === 'ACCEPTED' ? 'goedgekeurd' : 'afgekeurd'}).`)];
  }
  if (decision === 'REJECTED' && (reason?.trim().length ?? 0) < 5) {
    return [violation('reason', 'REJECTION_REASON_REQUIRED', 'Geef bij afkeuren een reden op (minimaal 5 tekens), zodat de aanbieder weet wat er moet gebeuren.')];
  }
  return [];
}

/** Types whose norm is a number (a percentage, a score, a group size). */
const NUMERIC_NORM_TYPES: readonly QualityRequirementType[] = ['NT2_QUALIFIED_SHARE', 'CLIENT_SATISFACTION', 'MAX_GROUP_SIZE'];

export function hasNumericNorm(type: QualityRequirementType): boolean {
  return NUMERIC_NORM_TYPES.includes(type);
}

export interface QualityRequirementCheckInput {
  type: QualityRequirementType;
  title: string;
  norm: string;
  normValue: number | null | undefined;
  firstDueOn: CalendarDate;
  contractStart: CalendarDate;
  contractEnd: CalendarDate;
}

/** A requirement has a title and norm, a numeric norm where its type needs one, and a first due date inside the contract. */
export function checkQualityRequirement({ type, title, norm, normValue, firstDueOn, contractStart, contractEnd }: QualityRequirementCheckInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!title.trim()) violations.push(violation('title', 'REQUIREMENT_TITLE_REQUIRED', 'Geef de kwaliteitseis een titel.'));
  if (!norm.trim()) violations.push(violation('norm', 'REQUIREMENT_NORM_REQUIRED', 'Beschrijf de norm van de kwaliteitseis.'));
  if (hasNumericNorm(type) && (normValue === null || normValue === undefined || !Number.isFinite(normValue) || normValue <= 0)) {
    violations.push(violation('normValue', 'REQUIREMENT_NORM_VALUE_REQUIRED',
      `Voor "${qualityRequirementLabel(type)}" is een normwaarde nodig (een getal groter dan 0).`));
  }
  if (type === 'NT2_QUALIFIED_SHARE' && normValue !== null && normValue !== undefined && normValue > 100) {
    violations.push(violation('normValue', 'REQUIREMENT_NORM_VALUE_INVALID', 'Een aandeel is een percentage van hoogstens 100.'));
  }
  if (compareDates(firstDueOn, contractStart) < 0 || compareDates(firstDueOn, contractEnd) > 0) {
    violations.push(violation('firstDueOn', 'REQUIREMENT_DUE_OUTSIDE_CONTRACT',
      `De eerste vervaldatum moet binnen de looptijd van het contract liggen (${formatDateNl(contractStart)} t/m ${formatDateNl(contractEnd)}).`));
  }
  return violations;
}

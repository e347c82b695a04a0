// Kwaliteitseisen (quality requirements) of a contract: types, periods, due dates of evidence.
import { CalendarDate, addMonths, compareDates } from './calendar-date';

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

// Registering attended hours (urenregistratie): one lesson day and category of a placement, its month
// (the period the municipality approves) and how hours count towards the norms of the route.
import { CalendarDate, compareDates } from './calendar-date';
import { formatDateNl, formatHoursNl } from './format-nl';
import { AbsenceReason, HourCategory, Route } from './routes';
import { RuleViolation, violation } from './rule-violation';

const MINUTES_PER_DAY = 24 * 60;

/** Categories that count as language education (the 600 h threshold for an A2 exam). */
export const LANGUAGE_CATEGORIES: readonly HourCategory[] = ['LANGUAGE', 'LITERACY'];
/** Z-route course hours: language including KNM (Besluit inburgering 2021, art. 3.14). */
export const COURSE_CATEGORIES: readonly HourCategory[] = ['LANGUAGE', 'LITERACY', 'KNM'];
/** Z-route participation hours: participation including PVT and MAP (Besluit inburgering 2021, art. 3.14). */
export const PARTICIPATION_CATEGORIES: readonly HourCategory[] = ['PARTICIPATION', 'PVT', 'MAP'];

export interface HourTotals {
  languageMinutes: number;
  courseMinutes: number;
  participationMinutes: number;
  plannedMinutes: number;
  attendedMinutes: number;
}

/** Attended minutes per norm bucket, and planned against attended overall. */
export function sumHours(entries: readonly { category: HourCategory; plannedMinutes: number; attendedMinutes: number }[]): HourTotals {
  const totals: HourTotals = { languageMinutes: 0, courseMinutes: 0, participationMinutes: 0, plannedMinutes: 0, attendedMinutes: 0 };
  for (const entry of entries) {
    if (LANGUAGE_CATEGORIES.includes(entry.category)) totals.languageMinutes += entry.attendedMinutes;
    if (COURSE_CATEGORIES.includes(entry.category)) totals.courseMinutes += entry.attendedMinutes;
    if (PARTICIPATION_CATEGORIES.includes(entry.category)) totals.participationMinutes += entry.attendedMinutes;
    totals.plannedMinutes += entry.plannedMinutes;
    totals.attendedMinutes += entry.attendedMinutes;
  }
  return totals;
}

export interface HourRegistrationInput {
  date: CalendarDate;
  category: HourCategory;
  route: Route;
  plannedMinutes: number;
  attendedMinutes: number;
  absenceReason: AbsenceReason | null;
  today: CalendarDate;
  placementStart?: CalendarDate | null;
  placementEnd?: CalendarDate | null;
}

function checkMinutes(field: string, what: string, minutes: number): RuleViolation[] {
  if (!Number.isInteger(minutes) || minutes < 0) return [violation(field, 'HOURS_NEGATIVE', `Vul bij ${what} 0 of meer uren in.`)];
  if (minutes > MINUTES_PER_DAY) {
    return [violation(field, 'HOURS_MORE_THAN_A_DAY', `Op één dag kunnen niet meer dan 24 uur worden geregistreerd (${what}: ${formatHoursNl(minutes)} uur).`)];
  }
  return [];
}

/**
 * One day of hours in one category (platform rules): planned and attended between 0 and 24 hours, no attended hours
 * without planned ones, a reason for
 * every missed hour and none without, not in the future, inside the placement, MAP not in the Onderwijsroute
 * (Wet inburgering 2021) and the other subjects only there.
 */
export function checkHourRegistration(input: HourRegistrationInput): RuleViolation[] {
  const { date, category, route, plannedMinutes, attendedMinutes, absenceReason, today, placementStart, placementEnd } = input;
  const violations: RuleViolation[] = [...checkMinutes('plannedMinutes', 'gepland', plannedMinutes), ...checkMinutes('attendedMinutes', 'aanwezig', attendedMinutes)];
  if (violations.length === 0) {
    if (plannedMinutes === 0 && attendedMinutes === 0) {
      violations.push(violation('plannedMinutes', 'HOURS_EMPTY', 'Vul geplande of aanwezige uren in.'));
    } else if (plannedMinutes === 0) {
      // Attendance is measured against planned lessons (norm and absence signals): attended hours without planned ones cannot be judged.
      violations.push(violation('plannedMinutes', 'PLANNED_REQUIRED', 'Vul ook de geplande uren in: aanwezige uren horen bij geplande lesuren.'));
    }
    if (attendedMinutes < plannedMinutes && !absenceReason) {
      violations.push(violation('absenceReason', 'ABSENCE_REASON_REQUIRED',
        `Er is ${formatHoursNl(plannedMinutes - attendedMinutes)} uur gemist: kies een reden van afwezigheid (ziek, geoorloofd of ongeoorloofd).`));
    }
    if (attendedMinutes >= plannedMinutes && absenceReason) {
      violations.push(violation('absenceReason', 'ABSENCE_REASON_WITHOUT_ABSENCE', 'Een reden van afwezigheid hoort alleen bij gemiste uren.'));
    }
  }
  if (category === 'MAP' && route === 'ONDERWIJS') {
    violations.push(violation('category', 'MAP_NOT_IN_ONDERWIJSROUTE', 'De MAP hoort niet bij de Onderwijsroute (Wet inburgering 2021); registreer hier geen MAP-uren.'));
  }
  if (category === 'OTHER_SUBJECTS' && route !== 'ONDERWIJS') {
    violations.push(violation('category', 'OTHER_SUBJECTS_ONLY_ONDERWIJSROUTE', 'Overige vakken (rekenen, Engels, studievaardigheden) horen alleen bij de Onderwijsroute.'));
  }
  if (compareDates(date, today) > 0) {
    violations.push(violation('date', 'HOURS_DATE_IN_FUTURE', `Uren kunnen niet vooruit worden geregistreerd (${formatDateNl(date)} ligt in de toekomst).`));
  }
  const beforeStart = placementStart && compareDates(date, placementStart) < 0;
  const afterEnd = placementEnd && compareDates(date, placementEnd) > 0;
  if (beforeStart || afterEnd) {
    const period = `${placementStart ? formatDateNl(placementStart) : '…'} t/m ${placementEnd ? formatDateNl(placementEnd) : '…'}`;
    violations.push(violation('date', 'HOURS_OUTSIDE_PLACEMENT', `De datum ${formatDateNl(date)} valt buiten de plaatsing (${period}).`));
  }
  return violations;
}

/** The period (month) a lesson day belongs to: its first day. */
export function periodMonthOf(date: CalendarDate): CalendarDate {
  return `${date.slice(0, 7)}-01`;
}

export const HOUR_PERIOD_STATUSES = ['OPEN', 'SUBMITTED', 'APPROVED'] as const;
export type HourPeriodStatus = (typeof HOUR_PERIOD_STATUSES)[number];

const MONTHS_NL = ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'];

/** '2026-01-01' -> 'januari 2026'. */
export function formatMonthNl(month: CalendarDate): string {
  return `${MONTHS_NL[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/**
 * Hours of an OPEN month are edited in place; a SUBMITTED month waits for the municipality; an APPROVED month is
 * locked and changes only by a correction with a reason (platform rule: the history is never rewritten).
 */
export function checkPeriodOpenForEntry(status: HourPeriodStatus, month: CalendarDate): RuleViolation[] {
  if (status === 'SUBMITTED') {
    return [violation('date', 'PERIOD_SUBMITTED', `De uren van ${formatMonthNl(month)} zijn ingediend en wachten op de gemeente; ze kunnen nu niet worden gewijzigd.`)];
  }
  if (status === 'APPROVED') {
    return [violation('date', 'PERIOD_APPROVED', `De uren van ${formatMonthNl(month)} zijn goedgekeurd; wijzig ze met een correctie met reden.`)];
  }
  return [];
}

/** A correction is only possible on an approved month and always carries a reason. */
export function checkCorrection(status: HourPeriodStatus, month: CalendarDate, reason: string | null | undefined): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (status !== 'APPROVED') {
    violations.push(violation('entryId', 'CORRECTION_ONLY_AFTER_APPROVAL',
      `Alleen uren van een goedgekeurde maand worden gecorrigeerd; ${formatMonthNl(month)} is nog niet goedgekeurd, wijzig de uren daar direct.`));
  }
  if (!reason || reason.trim().length < 5) {
    violations.push(violation('reason', 'CORRECTION_REASON_REQUIRED', 'Geef de reden van de correctie (minimaal 5 tekens).'));
  }
  return violations;
}

/** OPEN → SUBMITTED by the provider; SUBMITTED → APPROVED or back to OPEN (with a reason) by the municipality. */
export function checkPeriodTransition(from: HourPeriodStatus, to: HourPeriodStatus, month: CalendarDate, rejectionReason?: string | null): RuleViolation[] {
  const label = formatMonthNl(month);
  if (to === 'SUBMITTED' && from !== 'OPEN') {
    return [violation('month', 'PERIOD_NOT_OPEN', `${capitalise(label)} is al ingediend of goedgekeurd.`)];
  }
  if (to === 'APPROVED' && from !== 'SUBMITTED') {
    return [violation('month', 'PERIOD_NOT_SUBMITTED', `${capitalise(label)} is niet ingediend; alleen een ingediende maand kan worden goedgekeurd.`)];
  }
  if (to === 'OPEN') {
    if (from !== 'SUBMITTED') return [violation('month', 'PERIOD_NOT_SUBMITTED', `${capitalise(label)} is niet ingediend; alleen een ingediende maand kan worden afgewezen.`)];
    if (!rejectionReason || rejectionReason.trim().length < 5) return [violation('reason', 'REJECTION_REASON_REQUIRED', 'Geef aan waarom de uren worden afgewezen (minimaal 5 tekens).')];
  }
  return [];
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

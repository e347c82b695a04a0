// Hour-based rules: A2 exam after 600 hours, Z-route completion (800 + 800), hour entries, attendance.
import { CalendarDate, compareDates } from './calendar-date';
import { formatDateNl, formatHoursNl } from './format-nl';
import { A2_EXAM_MIN_LANGUAGE_MINUTES, LAW_REFERENCES, Z_ROUTE_COURSE_MINUTES, Z_ROUTE_PARTICIPATION_MINUTES } from './law-numbers';
import { Route, TargetGroup } from './routes';
import { RuleViolation, violation } from './rule-violation';

const MINUTES_PER_DAY = 24 * 60;

/** Exam on parts at A2 in the B1-route needs at least 600 hours of language education (art. 17 lid 3 Wi2021, Besluit inburgering 2021). */
export function isA2ExamAllowed(languageMinutes: number): boolean {
  return languageMinutes >= A2_EXAM_MIN_LANGUAGE_MINUTES;
}

/** Same rule as isA2ExamAllowed, with messages; A2 exams exist only in the B1-route (art. 17 lid 3 Wi2021). */
export function checkA2Exam({ route, languageMinutes }: { route: Route; languageMinutes: number }): RuleViolation[] {
  const source = LAW_REFERENCES.A2_AFTER_600_HOURS;
  if (route !== 'B1') {
    return [violation('level', 'A2_EXAM_ONLY_B1_ROUTE', `Examen op niveau A2 (afschalen) kan alleen in de B1-route (${source}).`)];
  }
  if (!isA2ExamAllowed(languageMinutes)) {
    return [
      violation('languageMinutes', 'A2_EXAM_NEEDS_600_HOURS',
        `Examen op niveau A2 kan pas na minimaal ${formatHoursNl(A2_EXAM_MIN_LANGUAGE_MINUTES)} uur taalonderwijs; ` +
          `geregistreerd is ${formatHoursNl(languageMinutes)} uur (${source}).`),
    ];
  }
  return [];
}

export interface ZRouteCompletionInput {
  targetGroup: TargetGroup;
  /** Course hours (language incl. KNM) in minutes. */
  courseMinutes: number;
  /** Participation hours (incl. PVT and MAP, intake hours count) in minutes. */
  participationMinutes: number;
}

/** Z-route completion: 800 h course incl. KNM; status holders also 800 h participation incl. PVT/MAP (Besluit inburgering 2021, art. 3.14). */
export function checkZRouteCompletion({ targetGroup, courseMinutes, participationMinutes }: ZRouteCompletionInput): RuleViolation[] {
  const source = LAW_REFERENCES.Z_ROUTE;
  const violations: RuleViolation[] = [];
  if (courseMinutes < Z_ROUTE_COURSE_MINUTES) {
    violations.push(violation('courseMinutes', 'Z_ROUTE_COURSE_HOURS_SHORT',
      `Voor afronding van de Z-route is minimaal ${formatHoursNl(Z_ROUTE_COURSE_MINUTES)} uur cursus (inclusief KNM) nodig; ` +
        `geregistreerd is ${formatHoursNl(courseMinutes)} uur (${source}).`));
  }
  if (targetGroup === 'STATUS_HOLDER' && participationMinutes < Z_ROUTE_PARTICIPATION_MINUTES) {
    violations.push(violation('participationMinutes', 'Z_ROUTE_PARTICIPATION_HOURS_SHORT',
      `Een statushouder rondt de Z-route pas af na minimaal ${formatHoursNl(Z_ROUTE_PARTICIPATION_MINUTES)} uur participatie (inclusief PVT en MAP); ` +
        `geregistreerd is ${formatHoursNl(participationMinutes)} uur (${source}).`));
  }
  return violations;
}

export interface HourEntryInput {
  date: CalendarDate;
  minutes: number;
  today: CalendarDate;
  placementStart?: CalendarDate | null;
  placementEnd?: CalendarDate | null;
}

/** One registered hour entry: whole positive minutes, at most one day, not in the future, inside the placement (platform rule). */
export function checkHourEntry({ date, minutes, today, placementStart, placementEnd }: HourEntryInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!Number.isInteger(minutes) || minutes <= 0) {
    violations.push(violation('minutes', 'HOURS_NOT_POSITIVE', 'Vul een aantal uren groter dan 0 in.'));
  } else if (minutes > MINUTES_PER_DAY) {
    violations.push(violation('minutes', 'HOURS_MORE_THAN_A_DAY', `Op één dag kunnen niet meer dan 24 uur worden geregistreerd (ingevuld: ${formatHoursNl(minutes)} uur).`));
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

/** Attended share of planned minutes in percent (unrounded); null when nothing was planned. */
export function attendanceRate(plannedMinutes: number, attendedMinutes: number): number | null {
  if (plannedMinutes <= 0) return null;
  return (attendedMinutes / plannedMinutes) * 100;
}

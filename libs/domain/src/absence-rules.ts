// Bounds of the absence-signal policy a municipality may configure (its own absence_rule instead of the defaults).
import { RuleViolation, violation } from './rule-violation';

export const ABSENCE_RULE_LIMITS = {
  lowAttendancePercent: { min: 50, max: 100 },
  windowWeeks: { min: 1, max: 12 },
  consecutiveUnexcused: { min: 2, max: 10 },
} as const;

export interface AbsenceRuleSettings {
  /** Attendance below this percentage over the window raises a signal. */
  lowAttendancePercent: number;
  /** Number of ISO weeks over which attendance is averaged. */
  windowWeeks: number;
  /** This many unexcused absences in a row raise a signal. */
  consecutiveUnexcused: number;
}

/** A municipality's absence rule stays within sensible bounds: 50–100%, 1–12 weeks and 2–10 absences in a row. */
export function checkAbsenceRule(rule: AbsenceRuleSettings): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const { lowAttendancePercent: percent, windowWeeks: weeks, consecutiveUnexcused: series } = ABSENCE_RULE_LIMITS;
  const within = (value: number, { min, max }: { min: number; max: number }) => Number.isInteger(value) && value >= min && value <= max;
  if (!within(rule.lowAttendancePercent, percent)) {
    violations.push(violation('lowAttendancePercent', 'ABSENCE_RULE_PERCENT_OUT_OF_RANGE',
      `De norm voor aanwezigheid moet een heel percentage van ${percent.min} tot en met ${percent.max} zijn; ingevuld is ${rule.lowAttendancePercent}.`));
  }
  if (!within(rule.windowWeeks, weeks)) {
    violations.push(violation('windowWeeks', 'ABSENCE_RULE_WINDOW_OUT_OF_RANGE',
      `De aanwezigheid wordt gemeten over ${weeks.min} tot en met ${weeks.max} weken; ingevuld is ${rule.windowWeeks}.`));
  }
  if (!within(rule.consecutiveUnexcused, series)) {
    violations.push(violation('consecutiveUnexcused', 'ABSENCE_RULE_SERIES_OUT_OF_RANGE',
      `Een signaal over ongeoorloofd verzuim volgt na ${series.min} tot en met ${series.max} lesdagen achter elkaar; ingevuld is ${rule.consecutiveUnexcused}.`));
  }
  return violations;
}

// Intake (brede intake) and PIP details a consultant records: learnability test, intake date, lesson hours, a move.
import { CalendarDate, compareDates } from './calendar-date';
import { formatDateNl } from './format-nl';
import { RuleViolation, violation } from './rule-violation';

/** Outcome of the learnability test (leerbaarheidstoets) by an independent party (DOMAIN brief §2 step 2). Municipality only. */
export const LEARNABILITY_OUTCOMES = ['B1_FEASIBLE', 'NOT_FEASIBLE', 'UNKNOWN'] as const;
export type LearnabilityOutcome = (typeof LEARNABILITY_OUTCOMES)[number];

const LEARNABILITY_LABELS: Record<LearnabilityOutcome, string> = {
  B1_FEASIBLE: 'B1 haalbaar',
  NOT_FEASIBLE: 'B1 niet haalbaar',
  UNKNOWN: 'Onbekend',
};

export function learnabilityOutcomeLabel(outcome: LearnabilityOutcome): string {
  return LEARNABILITY_LABELS[outcome];
}

/** The test reports a score on a 0–100 scale. */
export const LEARNABILITY_SCORE_MAX = 100;

/** A score belongs to a known outcome and lies on the 0–100 scale. */
export function checkLearnability(outcome: LearnabilityOutcome, score: number | null | undefined): RuleViolation[] {
  if (score === null || score === undefined) return [];
  if (!Number.isInteger(score) || score < 0 || score > LEARNABILITY_SCORE_MAX) {
    return [violation('learnabilityScore', 'LEARNABILITY_SCORE_OUT_OF_RANGE', `De score van de leerbaarheidstoets is een heel getal van 0 tot en met ${LEARNABILITY_SCORE_MAX}.`)];
  }
  if (outcome === 'UNKNOWN') {
    return [violation('learnabilityOutcome', 'LEARNABILITY_OUTCOME_REQUIRED', 'Kies de uitkomst van de leerbaarheidstoets als u een score invult.')];
  }
  return [];
}

export interface IntakeDateInput {
  intakeCompletedOn: CalendarDate | null | undefined;
  pipSignedOn: CalendarDate | null | undefined;
  today: CalendarDate;
}

/** The intake is completed before the PIP is signed (the PIP builds on it) and not in the future. */
export function checkIntakeDate({ intakeCompletedOn, pipSignedOn, today }: IntakeDateInput): RuleViolation[] {
  if (!intakeCompletedOn) return [];
  if (compareDates(intakeCompletedOn, today) > 0) {
    return [violation('intakeCompletedOn', 'INTAKE_DATE_IN_FUTURE', `De intakedatum (${formatDateNl(intakeCompletedOn)}) ligt in de toekomst.`)];
  }
  if (pipSignedOn && compareDates(intakeCompletedOn, pipSignedOn) > 0) {
    return [violation('intakeCompletedOn', 'INTAKE_AFTER_PIP',
      `De intake (${formatDateNl(intakeCompletedOn)}) moet afgerond zijn vóór het PIP wordt ondertekend (${formatDateNl(pipSignedOn)}).`)];
  }
  return [];
}

/** At most 40 hours of lessons a week: a full-time route (Onderwijsroute) stays below that. */
export const MAX_PIP_MINUTES_PER_WEEK = 40 * 60;

/** What the PIP says about lesson hours per week (in minutes). */
export function checkPipLessonHours(minutesPerWeek: number | null | undefined): RuleViolation[] {
  if (minutesPerWeek === null || minutesPerWeek === undefined) return [];
  if (!Number.isInteger(minutesPerWeek) || minutesPerWeek <= 0 || minutesPerWeek > MAX_PIP_MINUTES_PER_WEEK) {
    return [violation('pipMinutesPerWeek', 'PIP_HOURS_OUT_OF_RANGE', 'Het aantal lesuren per week ligt tussen 0 en 40.')];
  }
  return [];
}

export interface MoveInput {
  fromMunicipalityId: string;
  toMunicipalityId: string;
  movedOn: CalendarDate;
  brpRegistrationDate: CalendarDate;
  today: CalendarDate;
}

/** A move goes to another municipality, on a date after settling here and not in the future (DOMAIN brief §2 step 7, §7). */
export function checkMove({ fromMunicipalityId, toMunicipalityId, movedOn, brpRegistrationDate, today }: MoveInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (fromMunicipalityId === toMunicipalityId) {
    violations.push(violation('toMunicipalityId', 'MOVE_SAME_MUNICIPALITY', 'Kies een andere gemeente dan de huidige.'));
  }
  if (compareDates(movedOn, today) > 0) {
    violations.push(violation('movedOn', 'MOVE_DATE_IN_FUTURE', `De verhuisdatum (${formatDateNl(movedOn)}) ligt in de toekomst; leg de verhuizing vast als deze heeft plaatsgevonden.`));
  } else if (compareDates(movedOn, brpRegistrationDate) < 0) {
    violations.push(violation('movedOn', 'MOVE_BEFORE_BRP_REGISTRATION',
      `De verhuisdatum (${formatDateNl(movedOn)}) ligt vóór de inschrijving in uw gemeente (${formatDateNl(brpRegistrationDate)}).`));
  }
  return violations;
}

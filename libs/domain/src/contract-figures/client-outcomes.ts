// A client's outcome as recorded by the consultant: work, study or participation at a date
// (DOMAIN §5: participating within 3 years, to work or study within 2 years; issue #10).
import { CalendarDate, compareDates, isCalendarDate } from '../calendar-date';
import { formatDateNl } from '../format-nl';
import { RuleViolation, violation } from '../rule-violation';

export const CLIENT_OUTCOME_KINDS = ['WORK', 'STUDY', 'PARTICIPATION'] as const;
export type ClientOutcomeKind = (typeof CLIENT_OUTCOME_KINDS)[number];

const OUTCOME_LABELS: Record<ClientOutcomeKind, string> = {
  WORK: 'Werk',
  STUDY: 'Studie',
  PARTICIPATION: 'Participatie (vrijwilligerswerk, werkervaring, dagbesteding)',
};

export function clientOutcomeKindLabel(kind: ClientOutcomeKind): string {
  return OUTCOME_LABELS[kind];
}

export function isClientOutcomeKind(value: unknown): value is ClientOutcomeKind {
  return typeof value === 'string' && (CLIENT_OUTCOME_KINDS as readonly string[]).includes(value);
}

export interface ClientOutcomeInput {
  kind: string;
  achievedOn: string;
  today: CalendarDate;
  brpRegistrationDate: CalendarDate;
}

/** An outcome has a known kind and a real date, not in the future and not before the client lived in the municipality (nothing to count before). */
export function checkClientOutcome({ kind, achievedOn, today, brpRegistrationDate }: ClientOutcomeInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!isClientOutcomeKind(kind)) violations.push(violation('kind', 'OUTCOME_KIND_UNKNOWN', 'Kies werk, studie of participatie.'));
  if (!isCalendarDate(achievedOn)) {
    violations.push(violation('achievedOn', 'OUTCOME_DATE_INVALID', 'Vul een geldige datum in.'));
  } else if (compareDates(achievedOn, today) > 0) {
    violations.push(violation('achievedOn', 'OUTCOME_DATE_IN_FUTURE', 'De datum mag niet in de toekomst liggen.'));
  } else if (compareDates(achievedOn, brpRegistrationDate) < 0) {
    violations.push(violation('achievedOn', 'OUTCOME_BEFORE_REGISTRATION',
      `De datum ligt vóór de inschrijving in de gemeente (${formatDateNl(brpRegistrationDate)}).`));
  }
  return violations;
}

// Checks on a PIP (Plan Inburgering en Participatie): level per route, dates, route switch.
import { CalendarDate, compareDates } from './calendar-date';
import { routeSwitchWindowEnd } from './client-deadlines';
import { formatDateNl } from './format-nl';
import { cite } from './law-citations';
import { ROUTE_SWITCH_WINDOW_MONTHS } from './law-numbers';
import { Level, Route, routeLabel } from './routes';
import { RuleViolation, violation } from './rule-violation';

/** The levels DUO's PIP message carries (its "NiveauPip": A2 or B1); DUO registers no PIP with another level. */
export const PIP_LEVELS = ['A2', 'B1'] as const satisfies readonly Level[];
export type PipLevel = (typeof PIP_LEVELS)[number];

export function isPipLevel(level: Level): level is PipLevel {
  return (PIP_LEVELS as readonly Level[]).includes(level);
}

/** PIP levels per route: A2 on the B1-route only after afschalen (never on the first PIP), no B1 on the Z-route, no A2 on the Onderwijsroute. */
const LEVELS_PER_ROUTE: Record<Route, readonly PipLevel[]> = {
  B1: ['A2', 'B1'],
  Z: ['A2'],
  ONDERWIJS: ['B1'],
};

export interface PipLevelInput {
  route: Route;
  level: Level;
  /** True when this is the first PIP ever delivered for the person, in any municipality. */
  isFirstPip: boolean;
}

/**
 * DUO business rules for a PIP (LAW_CITATIONS.DUO_PIP_LEVEL): only the levels of DUO's PIP message (A2, B1); A2 never
 * with Onderwijs, B1 never with Z, no A2 on a first B1 PIP.
 */
export function checkPipLevel({ route, level, isFirstPip }: PipLevelInput): RuleViolation[] {
  const source = cite('DUO_PIP_LEVEL');
  if (!isPipLevel(level)) {
    return [
      violation(
        'level',
        'PIP_LEVEL_NOT_IN_DUO_PIP',
        `Niveau ${level} kan niet in een PIP staan: DUO registreert in het PIP alleen niveau ${PIP_LEVELS.join(' of ')} (${source}). ` +
          `Kies voor de ${routeLabel(route)} niveau ${LEVELS_PER_ROUTE[route].join(' of ')}.`,
      ),
    ];
  }
  if (route === 'ONDERWIJS' && level === 'A2') {
    return [violation('level', 'PIP_LEVEL_A2_NOT_WITH_ONDERWIJS', `Niveau A2 kan niet bij de Onderwijsroute (${source}).`)];
  }
  if (route === 'Z' && level === 'B1') {
    return [violation('level', 'PIP_LEVEL_B1_NOT_WITH_Z', `Niveau B1 kan niet bij de Z-route (${source}).`)];
  }
  if (route === 'B1' && level === 'A2' && isFirstPip) {
    return [
      violation(
        'level',
        'PIP_LEVEL_A2_NOT_ON_FIRST_B1_PIP',
        `Niveau A2 mag niet op het eerste PIP voor de B1-route staan; afschalen naar A2 kan pas in een gewijzigd PIP (${source}).`,
      ),
    ];
  }
  if (!LEVELS_PER_ROUTE[route].includes(level)) {
    return [
      violation(
        'level',
        'PIP_LEVEL_NOT_FOR_ROUTE',
        `Niveau ${level} past niet bij de ${routeLabel(route)}; kies ${LEVELS_PER_ROUTE[route].join(' of ')}.`,
      ),
    ];
  }
  return [];
}

export interface PipDatesInput {
  brpRegistrationDate: CalendarDate;
  pipSignedOn: CalendarDate;
  obligationStartDate?: CalendarDate | null;
  /** Date of the first (initial) PIP when this one changes it. */
  firstPipSignedOn?: CalendarDate | null;
  /** Date of the current PIP when this one changes it. */
  previousPipSignedOn?: CalendarDate | null;
  today: CalendarDate;
}

/**
 * DUO business rules for the PIP date (LAW_CITATIONS.DUO_PIP_DATE): not before settling (BRP), the obligation start, the
 * initial PIP or the current PIP, and not in the future.
 */
export function checkPipDates(input: PipDatesInput): RuleViolation[] {
  const { brpRegistrationDate, pipSignedOn, obligationStartDate, firstPipSignedOn, previousPipSignedOn, today } = input;
  const source = cite('DUO_PIP_DATE');
  const violations: RuleViolation[] = [];
  const pip = formatDateNl(pipSignedOn);
  if (compareDates(pipSignedOn, brpRegistrationDate) < 0) {
    violations.push(violation('pipSignedOn', 'PIP_DATE_BEFORE_BRP_REGISTRATION',
      `De PIP-datum (${pip}) ligt vóór de inschrijving in de gemeente (${formatDateNl(brpRegistrationDate)}); dat is niet toegestaan (${source}).`));
  }
  if (obligationStartDate && compareDates(pipSignedOn, obligationStartDate) < 0) {
    violations.push(violation('pipSignedOn', 'PIP_DATE_BEFORE_OBLIGATION_START',
      `De PIP-datum (${pip}) ligt vóór de start van de inburgeringsplicht (${formatDateNl(obligationStartDate)}); dat is niet toegestaan (${source}).`));
  }
  if (firstPipSignedOn && compareDates(pipSignedOn, firstPipSignedOn) < 0) {
    violations.push(violation('pipSignedOn', 'PIP_DATE_BEFORE_FIRST_PIP',
      `Een gewijzigd PIP mag niet eerder gedateerd zijn dan het eerste PIP (${formatDateNl(firstPipSignedOn)}) (${source}).`));
  } else if (previousPipSignedOn && compareDates(pipSignedOn, previousPipSignedOn) < 0) {
    violations.push(violation('pipSignedOn', 'PIP_DATE_BEFORE_CURRENT_PIP',
      `Een gewijzigd PIP mag niet eerder gedateerd zijn dan het huidige PIP (${formatDateNl(previousPipSignedOn)}) (${source}).`));
  }
  if (compareDates(pipSignedOn, today) > 0) {
    violations.push(violation('pipSignedOn', 'PIP_DATE_IN_FUTURE', `De PIP-datum (${pip}) ligt in de toekomst.`));
  }
  return violations;
}

/**
 * A route switch is allowed from the first PIP's date up to and including 18 months after it (LAW_CITATIONS.ROUTE_SWITCH);
 * a changed PIP does not reopen the window, as it does not move the term (LAW_CITATIONS.TERM_START_FIXED).
 */
export function isRouteSwitchAllowed(firstPipSignedOn: CalendarDate, switchDate: CalendarDate): boolean {
  return compareDates(switchDate, firstPipSignedOn) >= 0 && compareDates(switchDate, routeSwitchWindowEnd(firstPipSignedOn)) <= 0;
}

export interface RouteSwitchInput {
  /** The date of the FIRST PIP: later PIP versions do not move the window. */
  pipSignedOn: CalendarDate;
  switchDate: CalendarDate;
  reason: string | null | undefined;
  fromRoute?: Route;
  toRoute?: Route;
}

/** Route switch: within 18 months after the first PIP and with a written reason (LAW_CITATIONS.ROUTE_SWITCH). */
export function checkRouteSwitch({ pipSignedOn, switchDate, reason, fromRoute, toRoute }: RouteSwitchInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!reason || reason.trim() === '') {
    violations.push(violation('reason', 'ROUTE_SWITCH_REASON_REQUIRED', 'Geef schriftelijk de reden voor de routewissel op.'));
  }
  if (fromRoute && toRoute && fromRoute === toRoute) {
    violations.push(violation('toRoute', 'ROUTE_SWITCH_SAME_ROUTE', `De cliënt volgt de ${routeLabel(fromRoute)} al; kies een andere route.`));
  }
  if (compareDates(switchDate, pipSignedOn) < 0) {
    violations.push(violation('switchDate', 'ROUTE_SWITCH_BEFORE_PIP',
      `De routewissel (${formatDateNl(switchDate)}) kan niet vóór de ondertekening van het PIP (${formatDateNl(pipSignedOn)}) liggen.`));
  } else if (!isRouteSwitchAllowed(pipSignedOn, switchDate)) {
    violations.push(violation('switchDate', 'ROUTE_SWITCH_WINDOW_CLOSED',
      `Een routewissel mag alleen binnen ${ROUTE_SWITCH_WINDOW_MONTHS} maanden na ondertekening van het PIP (${cite('ROUTE_SWITCH')}). ` +
        `Het eerste PIP is ondertekend op ${formatDateNl(pipSignedOn)}; een gewijzigd PIP verschuift die termijn niet (${cite('TERM_START_FIXED')}). ` +
        `Wisselen kon tot en met ${formatDateNl(routeSwitchWindowEnd(pipSignedOn))}.`));
  }
  return violations;
}

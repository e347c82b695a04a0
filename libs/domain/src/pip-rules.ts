// Checks on a PIP (Plan Inburgering en Participatie): level per route, dates, route switch.
import { CalendarDate, compareDates } from './calendar-date';
import { routeSwitchWindowEnd } from './client-deadlines';
import { formatDateNl } from './format-nl';
import { LAW_REFERENCES, ROUTE_SWITCH_WINDOW_MONTHS } from './law-numbers';
import { Level, Route, routeLabel } from './routes';
import { RuleViolation, violation } from './rule-violation';

/** Levels a route can lead to; A2 on the B1-route only after afschalen, never on the first PIP. */
const LEVELS_PER_ROUTE: Record<Route, readonly Level[]> = {
  B1: ['A2', 'B1'],
  Z: ['A1', 'A2'],
  ONDERWIJS: ['B1', 'B2'],
};

export interface PipLevelInput {
  route: Route;
  level: Level;
  /** True when this is the first PIP ever delivered for the person, in any municipality. */
  isFirstPip: boolean;
}

/** DUO business rules for a PIP (A2 never with Onderwijs, B1 never with Z, no A2 on a first B1 PIP); other levels outside the route are refused too. */
export function checkPipLevel({ route, level, isFirstPip }: PipLevelInput): RuleViolation[] {
  const source = LAW_REFERENCES.DUO_PIP;
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
  /** Date of the current PIP when this one changes it. */
  previousPipSignedOn?: CalendarDate | null;
  today: CalendarDate;
}

/** DUO business rules for the PIP date: not before settling (BRP), the obligation start or the current PIP, and not in the future. */
export function checkPipDates(input: PipDatesInput): RuleViolation[] {
  const { brpRegistrationDate, pipSignedOn, obligationStartDate, previousPipSignedOn, today } = input;
  const source = LAW_REFERENCES.DUO_PIP;
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
  if (previousPipSignedOn && compareDates(pipSignedOn, previousPipSignedOn) < 0) {
    violations.push(violation('pipSignedOn', 'PIP_DATE_BEFORE_CURRENT_PIP',
      `Een gewijzigd PIP mag niet eerder gedateerd zijn dan het huidige PIP (${formatDateNl(previousPipSignedOn)}) (${source}).`));
  }
  if (compareDates(pipSignedOn, today) > 0) {
    violations.push(violation('pipSignedOn', 'PIP_DATE_IN_FUTURE', `De PIP-datum (${pip}) ligt in de toekomst.`));
  }
  return violations;
}

/** A route switch is allowed from the PIP date up to and including 18 months after it (art. 17 Wi2021). */
export function isRouteSwitchAllowed(pipSignedOn: CalendarDate, switchDate: CalendarDate): boolean {
  return compareDates(switchDate, pipSignedOn) >= 0 && compareDates(switchDate, routeSwitchWindowEnd(pipSignedOn)) <= 0;
}

export interface RouteSwitchInput {
  pipSignedOn: CalendarDate;
  switchDate: CalendarDate;
  reason: string | null | undefined;
  fromRoute?: Route;
  toRoute?: Route;
}

/** Route switch: within 18 months after the PIP and with a written reason (art. 17 Wi2021). */
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
      `Een routewissel mag alleen binnen ${ROUTE_SWITCH_WINDOW_MONTHS} maanden na ondertekening van het PIP (${LAW_REFERENCES.ROUTE_SWITCH}). ` +
        `Het PIP is ondertekend op ${formatDateNl(pipSignedOn)}; wisselen kon tot en met ${formatDateNl(routeSwitchWindowEnd(pipSignedOn))}.`));
  }
  return violations;
}

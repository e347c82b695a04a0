// The instroomklas (intake class) of Noordoost-Brabant: a client learns Dutch in a class until the route starts
// (beleidsplan Oss §2.10 "Instroomklas"), and the age band of its combined entree/inburgering track (§2.9.2).
import { addYears, compareDates, daysBetween, type CalendarDate } from './calendar-date';
import { formatDateNl } from './format-nl';
import { PLACEMENT_END_REASONS, type PlacementEndReason } from './placement-rules';
import type { HourCategory } from './routes';
import { violation, type RuleViolation } from './rule-violation';

/**
 * What a placement is: a placement on a route or module (on a lot or individually), or a period in the instroomklas,
 * where the client waits until the route starts (beleidsplan Oss §2.10).
 */
export const PLACEMENT_KINDS = ['REGULAR', 'INSTROOMKLAS'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

const PLACEMENT_KIND_LABELS: Record<PlacementKind, string> = { REGULAR: 'Route of module', INSTROOMKLAS: 'Instroomklas' };

export function placementKindLabel(kind: PlacementKind): string {
  return PLACEMENT_KIND_LABELS[kind];
}

export function isPlacementKind(value: unknown): value is PlacementKind {
  return (PLACEMENT_KINDS as readonly unknown[]).includes(value);
}

/**
 * The hours of an instroomklas: Dutch (with literacy) and KNM only; "in de ochtend [kan] iedereen in deze klas op
 * zijn/haar eigen niveau aan de slag ... met de Nederlandse taal" (beleidsplan Oss §2.10), which DUO counts as
 * "cursusuren Nederlands als tweede taal en KNM (eventueel met alfabetiseringsonderwijs) tijdens de Brede Intake"
 * (GevolgdeUren API, TaallesEnKnmBredeIntake). Modules in the afternoon (PVT, MAP) are placements of their own.
 */
export const INSTROOMKLAS_HOUR_CATEGORIES: readonly HourCategory[] = ['LANGUAGE', 'LITERACY', 'KNM'];

export function checkInstroomklasHourCategory(category: HourCategory): RuleViolation[] {
  if (INSTROOMKLAS_HOUR_CATEGORIES.includes(category)) return [];
  return [violation('category', 'INSTROOMKLAS_HOUR_CATEGORY', 'In de instroomklas registreert u alleen taalles, alfabetisering of KNM; modules zoals PVT en MAP zijn een eigen plaatsing.')];
}

/**
 * Whether a placement's hours count towards the hour norms of the route (the 800 + 800 of the Z-route, the 600 hours
 * before an A2 exam): instroomklas hours do not. DUO counts the route's language hours without them ("De uren uit Brede
 * Intake tellen niet mee", GevolgdeUren API, ParticipatieAlsTaalles) and takes them as a figure of their own
 * (TaallesEnKnmBredeIntake), so they are shown beside the route's hours, never in them.
 */
export function countsTowardRouteNorms(kind: PlacementKind): boolean {
  return kind !== 'INSTROOMKLAS';
}

export interface InstroomklasPlacementInput {
  clientRoute: string | null;
  pipSignedOn: CalendarDate | null;
  startsOn: CalendarDate;
  today: CalendarDate;
  /** The client is in an instroomklas now. */
  alreadyInInstroomklas: boolean;
  /** The client's route placement has started (the instroomklas is for the wait before it). */
  routeStarted: boolean;
}

/**
 * The consultant places a client in the instroomklas until the route "voor hem/haar bepaalde route" can start
 * (beleidsplan Oss §2.10): with a PIP naming the route, from a day not in the future, one instroomklas at a time, and
 * only while the route has not started.
 */
export function checkInstroomklasPlacement(input: InstroomklasPlacementInput): RuleViolation[] {
  const v: RuleViolation[] = [];
  if (!input.pipSignedOn || !input.clientRoute) {
    v.push(violation('clientId', 'PLACEMENT_PIP_REQUIRED', 'Leg eerst het PIP met de leerroute vast; de instroomklas is voor het wachten tot die route begint.'));
  }
  if (input.alreadyInInstroomklas) {
    v.push(violation('clientId', 'INSTROOMKLAS_ALREADY_RUNNING', 'Deze inburgeraar zit al in de instroomklas.'));
  } else if (input.routeStarted) {
    v.push(violation('clientId', 'INSTROOMKLAS_ROUTE_STARTED', 'De route van deze inburgeraar is al gestart; de instroomklas is voor het wachten tot de route begint.'));
  }
  if (compareDates(input.startsOn, input.today) > 0) {
    v.push(violation('startsOn', 'INSTROOMKLAS_START_IN_FUTURE', `De begindatum in de instroomklas (${formatDateNl(input.startsOn)}) ligt in de toekomst; plaats de inburgeraar op of na de eerste lesdag.`));
  }
  return v;
}

const INSTROOMKLAS_END_REASONS: readonly PlacementEndReason[] = ['ROUTE_STARTED', 'MOVED_AWAY', 'STOPPED'];

/** The end reasons a consultant can choose for a placement of this kind (the rule below, as a list for a form). */
export function placementEndReasonsFor(kind: PlacementKind): readonly PlacementEndReason[] {
  return kind === 'INSTROOMKLAS' ? INSTROOMKLAS_END_REASONS : PLACEMENT_END_REASONS.filter((r) => r !== 'ROUTE_STARTED');
}

/** An instroomklas ends when the route starts, the client moves or stops (beleidsplan Oss §2.10); only it ends with "route gestart". */
export function checkPlacementEndReason(kind: PlacementKind, reason: PlacementEndReason): RuleViolation[] {
  if (kind === 'INSTROOMKLAS' && !INSTROOMKLAS_END_REASONS.includes(reason)) {
    return [violation('endReason', 'INSTROOMKLAS_END_REASON', 'Een instroomklas eindigt als de route start, de inburgeraar verhuist of stopt; kies een van die redenen.')];
  }
  if (kind !== 'INSTROOMKLAS' && reason === 'ROUTE_STARTED') {
    return [violation('endReason', 'END_REASON_ONLY_INSTROOMKLAS', '"Route gestart" is alleen de reden om een instroomklas te beëindigen; kies een andere reden.')];
  }
  return [];
}

export interface WaitingTimeInput {
  pipSignedOn: CalendarDate | null;
  /** When the route placement was first requested (also when it waited on the list first). */
  routeRequestedOn: CalendarDate | null;
  /** The start date of the route placement, once it started. */
  routeStartedOn: CalendarDate | null;
  instroomklasPeriods: readonly { startsOn: CalendarDate; endsOn: CalendarDate | null }[];
  today: CalendarDate;
}

export interface WaitingTime {
  /** Days from the PIP to the route start (or to today while the route has not started); null without a PIP. */
  daysFromPip: number | null;
  /** Days from the first route request to the route start (or today); null without a request. */
  daysFromRequest: number | null;
  /** Of that wait, the days the client spent in the instroomklas (up to the route start or today). */
  instroomklasDays: number;
  routeStarted: boolean;
}

/**
 * The waiting time of one client: from the PIP and from the placement request to the start of the route (DOMAIN brief
 * §5 "waiting time from placement request to start"), with the days of it spent in the instroomklas (beleidsplan Oss
 * §2.10), so a region sees both the wait and how much of it was filled.
 */
export function waitingTime(input: WaitingTimeInput): WaitingTime {
  const until = input.routeStartedOn ?? input.today;
  const span = (from: CalendarDate | null): number | null => (from ? Math.max(0, daysBetween(from, until)) : null);
  let instroomklasDays = 0;
  for (const period of input.instroomklasPeriods) {
    const end = period.endsOn && compareDates(period.endsOn, until) < 0 ? period.endsOn : until;
    instroomklasDays += Math.max(0, daysBetween(period.startsOn, end));
  }
  return { daysFromPip: span(input.pipSignedOn), daysFromRequest: span(input.routeRequestedOn), instroomklasDays, routeStarted: input.routeStartedOn !== null };
}

/** The age band of a lot (policy), e.g. 18–30 for the combined entree/inburgering track of ROC De Leijgraaf. */
export interface LotAgeBand {
  minAge: number | null;
  maxAge: number | null;
}

/** Age in whole years on a date. */
export function ageOn(dateOfBirth: CalendarDate, on: CalendarDate): number {
  let age = Number(on.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  if (compareDates(addYears(dateOfBirth, age), on) > 0) age -= 1;
  return age;
}

/**
 * A lot with an age band takes clients of that age on the day of the request: the combined entree/inburgering track
 * is "voor inburgeraars tussen de 18 en 30 jaar" (beleidsplan Oss §2.9.2), so 18 up to and including 30.
 */
export function checkLotAgeBand(band: LotAgeBand, dateOfBirth: CalendarDate, today: CalendarDate): RuleViolation[] {
  if (band.minAge === null && band.maxAge === null) return [];
  const age = ageOn(dateOfBirth, today);
  if ((band.minAge !== null && age < band.minAge) || (band.maxAge !== null && age > band.maxAge)) {
    const range = band.minAge !== null && band.maxAge !== null ? `${band.minAge} tot en met ${band.maxAge} jaar` : band.minAge !== null ? `${band.minAge} jaar en ouder` : `tot en met ${band.maxAge} jaar`;
    return [violation('lotId', 'PLACEMENT_AGE_OUTSIDE_LOT', `Dit perceel is voor inburgeraars van ${range}; deze inburgeraar is ${age} jaar. Kies een ander perceel.`)];
  }
  return [];
}

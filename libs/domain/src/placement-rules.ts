// Placements (aanmelding / plaatsing): the states a placement goes through and when a client may be placed on a lot.
import { CalendarDate, compareDates } from './calendar-date';
import { formatDateNl } from './format-nl';
import { checkMapAllowed } from './map-pvt-rules';
import { LotSubject, Route, isModule, isRoute, lotSubjectLabel, routeLabel } from './routes';
import { RuleViolation, violation } from './rule-violation';

/**
 * WAITING: no free seat, queued per lot and start moment in order of request; REQUESTED: offered to the provider;
 * ACCEPTED: the provider gave a start date, location and group; STARTED; ENDED (with a reason); REJECTED; WITHDRAWN.
 * Source: DOMAIN brief §2 step 4 and 7 (the chain of one client).
 */
export const PLACEMENT_STATUSES = ['WAITING', 'REQUESTED', 'ACCEPTED', 'STARTED', 'ENDED', 'REJECTED', 'WITHDRAWN'] as const;
export type PlacementStatus = (typeof PLACEMENT_STATUSES)[number];

/** How a placement ends (DOMAIN brief §2 step 7); an instroomklas ends when the route starts (beleidsplan Oss §2.10). */
export const PLACEMENT_END_REASONS = ['COMPLETED', 'SWITCHED_ROUTE', 'MOVED_AWAY', 'STOPPED', 'TERM_EXPIRED', 'ROUTE_STARTED'] as const;
export type PlacementEndReason = (typeof PLACEMENT_END_REASONS)[number];

/** A client has at most one placement in these states at a time per track (the route, or one module: see `placementTrackOf`). */
export const ACTIVE_PLACEMENT_STATUSES: readonly PlacementStatus[] = ['WAITING', 'REQUESTED', 'ACCEPTED', 'STARTED'];

/** These placements take a seat on their start moment. */
export const SEAT_TAKING_PLACEMENT_STATUSES: readonly PlacementStatus[] = ['ACCEPTED', 'STARTED'];

/**
 * Placements a provider sees as its own: offered to it or beyond. A WITHDRAWN placement counts only when it had been
 * offered (REQUESTED) first; one withdrawn from the waiting list was never the provider's business (AVG art. 5 lid 1 c).
 */
export const PROVIDER_VISIBLE_PLACEMENT_STATUSES: readonly PlacementStatus[] = ['REQUESTED', 'ACCEPTED', 'STARTED', 'ENDED', 'REJECTED'];

/** A provider sees a client's details, hours and results only through a placement it accepted (AVG art. 5 lid 1 c). */
export const PROVIDER_VISIBLE_CLIENT_STATUSES: readonly PlacementStatus[] = ['ACCEPTED', 'STARTED', 'ENDED'];

const PLACEMENT_STATUS_LABELS: Record<PlacementStatus, string> = {
  WAITING: 'Wachtlijst',
  REQUESTED: 'Aangemeld',
  ACCEPTED: 'Geaccepteerd',
  STARTED: 'Gestart',
  ENDED: 'Beëindigd',
  REJECTED: 'Afgewezen',
  WITHDRAWN: 'Ingetrokken',
};

const END_REASON_LABELS: Record<PlacementEndReason, string> = {
  COMPLETED: 'Afgerond',
  SWITCHED_ROUTE: 'Routewissel',
  MOVED_AWAY: 'Verhuisd naar een andere gemeente',
  STOPPED: 'Gestopt',
  TERM_EXPIRED: 'Inburgeringstermijn verlopen',
  ROUTE_STARTED: 'Route gestart',
};

export function placementStatusLabel(status: PlacementStatus): string {
  return PLACEMENT_STATUS_LABELS[status];
}

export function placementEndReasonLabel(reason: PlacementEndReason): string {
  return END_REASON_LABELS[reason];
}

export function isActivePlacementStatus(status: PlacementStatus): boolean {
  return ACTIVE_PLACEMENT_STATUSES.includes(status);
}

const TRANSITIONS: Record<PlacementStatus, readonly PlacementStatus[]> = {
  WAITING: ['REQUESTED', 'WITHDRAWN'],
  REQUESTED: ['ACCEPTED', 'REJECTED', 'WITHDRAWN'],
  ACCEPTED: ['STARTED', 'ENDED', 'WITHDRAWN'],
  STARTED: ['ENDED'],
  ENDED: [],
  REJECTED: [],
  WITHDRAWN: [],
};

/** The states a placement may go to from `from`. */
export function allowedPlacementTransitions(from: PlacementStatus): readonly PlacementStatus[] {
  return TRANSITIONS[from];
}

/** A placement moves only along requested → accepted → started → ended, or to rejected / withdrawn before it starts. */
export function checkPlacementTransition(from: PlacementStatus, to: PlacementStatus): RuleViolation[] {
  if (TRANSITIONS[from].includes(to)) return [];
  return [
    violation(
      'status',
      'PLACEMENT_TRANSITION_NOT_ALLOWED',
      `Een plaatsing met status "${placementStatusLabel(from)}" kan niet naar "${placementStatusLabel(to)}".`,
    ),
  ];
}

export interface PlacementMatchInput {
  lotSubject: LotSubject;
  lotCoversMunicipality: boolean;
  clientRoute: Route | null | undefined;
  pipSignedOn: CalendarDate | null | undefined;
}

/**
 * What a running placement occupies: the language route, or one module. PVT, MAP and KNM are followed beside the route,
 * often with another party (DOMAIN brief §3 and §8: Midden-Gelderland buys the PVT from VluchtelingenWerk), so a module
 * placement runs next to the route placement; two placements on the same track do not.
 */
export function placementTrackOf(subject: LotSubject): 'ROUTE' | LotSubject {
  return isRoute(subject) ? 'ROUTE' : subject;
}

/**
 * A client can be placed only with a signed PIP, on a lot that covers the client's municipality: a lot of the PIP route,
 * or a module lot (PVT, KNM; MAP except in the Onderwijsroute) next to it.
 */
export function checkPlacementMatchesClient({ lotSubject, lotCoversMunicipality, clientRoute, pipSignedOn }: PlacementMatchInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!pipSignedOn || !clientRoute) {
    violations.push(violation('clientId', 'PLACEMENT_PIP_REQUIRED', 'Leg eerst het PIP met de leerroute vast; pas daarna kunt u de inburgeraar aanmelden bij een aanbieder.'));
  }
  if (!lotCoversMunicipality) {
    violations.push(violation('lotId', 'PLACEMENT_LOT_NOT_FOR_MUNICIPALITY', 'Dit perceel dekt de gemeente van de inburgeraar niet; kies een perceel voor uw gemeente.'));
  }
  if (isModule(lotSubject)) {
    if (lotSubject === 'MAP' && clientRoute) violations.push(...checkMapAllowed(clientRoute).map((v) => ({ ...v, field: 'lotId' })));
  } else if (!isRoute(lotSubject)) {
    violations.push(violation('lotId', 'PLACEMENT_LOT_NOT_A_ROUTE', `Dit perceel is voor de ${lotSubjectLabel(lotSubject)}, niet voor een leerroute; kies een perceel voor de leerroute uit het PIP.`));
  } else if (clientRoute && lotSubject !== clientRoute) {
    violations.push(violation('lotId', 'PLACEMENT_LOT_ROUTE_MISMATCH', `Dit perceel is voor de ${routeLabel(lotSubject)}, maar het PIP noemt de ${routeLabel(clientRoute)}.`));
  }
  return violations;
}

export interface PlacementAcceptanceInput {
  startDate: CalendarDate;
  location: string | null | undefined;
  /** The start moment the client is accepted on. */
  startMomentStartsOn: CalendarDate;
  today: CalendarDate;
}

/** The provider accepts with a start date (not before the start moment, not in the past) and a location. */
export function checkPlacementAcceptance({ startDate, location, startMomentStartsOn, today }: PlacementAcceptanceInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (compareDates(startDate, startMomentStartsOn) < 0) {
    violations.push(violation('startDate', 'PLACEMENT_START_BEFORE_START_MOMENT',
      `De startdatum (${formatDateNl(startDate)}) ligt vóór het instroommoment (${formatDateNl(startMomentStartsOn)}).`));
  } else if (compareDates(startDate, today) < 0) {
    violations.push(violation('startDate', 'PLACEMENT_START_IN_PAST', `De startdatum (${formatDateNl(startDate)}) ligt in het verleden.`));
  }
  if (!location || location.trim() === '') violations.push(violation('location', 'PLACEMENT_LOCATION_REQUIRED', 'Vul de leslocatie in.'));
  return violations;
}

/** A rejection needs a reason the consultant can act on. */
export function checkPlacementRejection(reason: string | null | undefined): RuleViolation[] {
  if (!reason || reason.trim().length < 5) {
    return [violation('reason', 'PLACEMENT_REJECTION_REASON_REQUIRED', 'Geef de reden van de afwijzing (minimaal 5 tekens), zodat de consulent weet wat te doen.')];
  }
  return [];
}

/** A placement starts on or after its accepted start date. */
export function checkPlacementStart(startDate: CalendarDate | null | undefined, today: CalendarDate): RuleViolation[] {
  if (startDate && compareDates(today, startDate) < 0) {
    return [violation('status', 'PLACEMENT_NOT_YET_STARTED', `De plaatsing kan pas gestart worden op de startdatum (${formatDateNl(startDate)}).`)];
  }
  return [];
}

export interface PlacementEndInput {
  endedOn: CalendarDate;
  startDate: CalendarDate | null | undefined;
  today: CalendarDate;
}

/** A placement ends on a date not before its start and not in the future. */
export function checkPlacementEnd({ endedOn, startDate, today }: PlacementEndInput): RuleViolation[] {
  if (compareDates(endedOn, today) > 0) {
    return [violation('endedOn', 'PLACEMENT_END_IN_FUTURE', `De einddatum (${formatDateNl(endedOn)}) ligt in de toekomst.`)];
  }
  if (startDate && compareDates(endedOn, startDate) < 0) {
    return [violation('endedOn', 'PLACEMENT_END_BEFORE_START', `De einddatum (${formatDateNl(endedOn)}) ligt vóór de startdatum (${formatDateNl(startDate)}).`)];
  }
  return [];
}

/**
 * Seats that can still be offered on a start moment: declared seats minus the seats taken (accepted or started) and the
 * offers the provider has not answered yet, so the queue never offers more clients than there are seats.
 */
export function seatsOpenForOffer(seats: number, taken: number, pendingOffers: number): number {
  return Math.max(0, seats - taken - pendingOffers);
}

// Deadlines in one client's chain: PIP, integration term, route switch window, MAP and PVT.
// Convention (inclusive last days): a period "within N after event E" ends on E + N (E itself does
// not count); a period of N that STARTS ON day S (S counts) ends on (S - 1 day) + N, i.e. the day
// before the anniversary. (S - 1) + N rather than S + N - 1 keeps month-end and 29 February right.
import { CalendarDate, addDays, addMonths, addWeeks, addYears, compareDates, daysBetween } from './calendar-date';
import { INTEGRATION_TERM_YEARS, MAP_PVT_WINDOW_MONTHS, PIP_DEADLINE_WEEKS, ROUTE_SWITCH_WINDOW_MONTHS } from './law-numbers';
import { DEFAULT_DUE_SOON_DAYS } from './policy-defaults';
import { Route, TargetGroup } from './routes';

/** Last day on which the PIP may be signed: BRP registration + 10 weeks (Wi2021 / Besluit inburgering 2021). */
export function pipDeadline(brpRegistrationDate: CalendarDate): CalendarDate {
  return addWeeks(brpRegistrationDate, PIP_DEADLINE_WEEKS);
}

/**
 * First day of the integration term (LAW_CITATIONS.TERM_START; DOMAIN brief §3): status holders the day after the date of
 * the FIRST PIP (null while there is none), family and other migrants the BRP registration date. A changed PIP never
 * moves it (LAW_CITATIONS.TERM_START_FIXED): pass the first PIP's date, not the current one.
 */
export function integrationTermStart(
  targetGroup: TargetGroup,
  firstPipSignedOn: CalendarDate | null | undefined,
  brpRegistrationDate: CalendarDate,
): CalendarDate | null {
  if (targetGroup === 'STATUS_HOLDER') return firstPipSignedOn ? addDays(firstPipSignedOn, 1) : null;
  return brpRegistrationDate;
}

/** Last day (inclusive) of the 3-year term that starts on `termStart` (LAW_CITATIONS.INTEGRATION_TERM). */
export function integrationTermEnd(termStart: CalendarDate): CalendarDate {
  return addYears(addDays(termStart, -1), INTEGRATION_TERM_YEARS);
}

/** Last day (inclusive) on which the route may be switched: first PIP's date + 18 months (LAW_CITATIONS.ROUTE_SWITCH). */
export function routeSwitchWindowEnd(firstPipSignedOn: CalendarDate): CalendarDate {
  return addMonths(firstPipSignedOn, ROUTE_SWITCH_WINDOW_MONTHS);
}

/** Last day (inclusive) for the MAP: within the first 18 months of the term (LAW_CITATIONS.MAP). */
export function mapDueDate(termStart: CalendarDate): CalendarDate {
  return addMonths(addDays(termStart, -1), MAP_PVT_WINDOW_MONTHS);
}

/** Last day (inclusive) for the PVT: within the first 18 months of the term (LAW_CITATIONS.PVT). */
export function pvtDueDate(termStart: CalendarDate): CalendarDate {
  return addMonths(addDays(termStart, -1), MAP_PVT_WINDOW_MONTHS);
}

export const DEADLINE_STATUSES = ['ON_TIME', 'DUE_SOON', 'OVERDUE', 'MET', 'MET_LATE'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

export interface DeadlineStatusOptions {
  /** Date the obligation was fulfilled, if it was. */
  completedOn?: CalendarDate | null;
  /** Policy: configurable per municipality. */
  dueSoonDays?: number;
}

/**
 * Status of an inclusive deadline on `today` (policy: due-soon window configurable per municipality).
 * MET / MET_LATE once completed; otherwise OVERDUE after the deadline, DUE_SOON within `dueSoonDays`.
 */
export function deadlineStatus(
  deadline: CalendarDate,
  today: CalendarDate,
  { completedOn = null, dueSoonDays = DEFAULT_DUE_SOON_DAYS }: DeadlineStatusOptions = {},
): DeadlineStatus {
  if (completedOn) return compareDates(completedOn, deadline) <= 0 ? 'MET' : 'MET_LATE';
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft < 0) return 'OVERDUE';
  return daysLeft <= dueSoonDays ? 'DUE_SOON' : 'ON_TIME';
}

/**
 * First day on which an open deadline counts as DUE_SOON (the same rule as `deadlineStatus`: at most `dueSoonDays` days
 * left). Stored next to the deadline, so a list can derive the status of many deadlines on any day by comparing dates.
 */
export function dueSoonFrom(deadline: CalendarDate, dueSoonDays: number = DEFAULT_DUE_SOON_DAYS): CalendarDate {
  return addDays(deadline, -dueSoonDays);
}

/**
 * The status of a deadline on `today` from what is stored about it (`deadlineStatus` restated as date comparisons):
 * the fulfilled status (MET/MET_LATE) once fulfilled, else OVERDUE after the deadline, DUE_SOON from `dueSoonFrom`.
 */
export function deadlineStatusOn(stored: { deadline: CalendarDate; fulfilled: 'MET' | 'MET_LATE' | null; dueSoonFrom: CalendarDate }, today: CalendarDate): DeadlineStatus {
  if (stored.fulfilled) return stored.fulfilled;
  if (compareDates(today, stored.deadline) > 0) return 'OVERDUE';
  return compareDates(today, stored.dueSoonFrom) >= 0 ? 'DUE_SOON' : 'ON_TIME';
}

export interface ClientDeadlineInput {
  targetGroup: TargetGroup;
  route?: Route | null;
  brpRegistrationDate: CalendarDate;
  /** The current PIP's date. */
  pipSignedOn?: CalendarDate | null;
  /** The first PIP's date: the term and the route-switch window run from it. Defaults to `pipSignedOn`. */
  firstPipSignedOn?: CalendarDate | null;
  mapEindgesprekOn?: CalendarDate | null;
  pvtSignedOn?: CalendarDate | null;
  /** Date the integration obligation was met (exam passed, Z-route completed). */
  obligationMetOn?: CalendarDate | null;
}

export interface DeadlineWithStatus {
  deadline: CalendarDate;
  status: DeadlineStatus;
}

export interface ClientDeadlines {
  pip: DeadlineWithStatus;
  termStart: CalendarDate | null;
  /** Deadline = last day of the integration term; null until the term has started. */
  integrationTerm: DeadlineWithStatus | null;
  /** Null until the term has started, and always on the Onderwijsroute (no MAP there). */
  map: DeadlineWithStatus | null;
  pvt: DeadlineWithStatus | null;
  /** Null until the PIP is signed. */
  routeSwitch: { windowEnd: CalendarDate; open: boolean } | null;
}

/**
 * All deadlines of one client with their status on `today` (rules as in the functions above). The PIP deadline, the term
 * and the route-switch window follow the FIRST PIP; completion dates (see `completionDates`) make a deadline MET/MET_LATE.
 */
export function clientDeadlines(
  client: ClientDeadlineInput,
  today: CalendarDate,
  dueSoonDays: number = DEFAULT_DUE_SOON_DAYS,
): ClientDeadlines {
  const withStatus = (deadline: CalendarDate, completedOn: CalendarDate | null | undefined): DeadlineWithStatus => ({
    deadline,
    status: deadlineStatus(deadline, today, { completedOn, dueSoonDays }),
  });
  const firstPipSignedOn = client.firstPipSignedOn ?? client.pipSignedOn ?? null;
  const termStart = integrationTermStart(client.targetGroup, firstPipSignedOn, client.brpRegistrationDate);
  const windowEnd = firstPipSignedOn ? routeSwitchWindowEnd(firstPipSignedOn) : null;
  return {
    pip: withStatus(pipDeadline(client.brpRegistrationDate), firstPipSignedOn),
    termStart,
    integrationTerm: termStart ? withStatus(integrationTermEnd(termStart), client.obligationMetOn) : null,
    map: termStart && client.route !== 'ONDERWIJS' ? withStatus(mapDueDate(termStart), client.mapEindgesprekOn) : null,
    pvt: termStart ? withStatus(pvtDueDate(termStart), client.pvtSignedOn) : null,
    routeSwitch: windowEnd ? { windowEnd, open: compareDates(today, windowEnd) <= 0 } : null,
  };
}

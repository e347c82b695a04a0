// The consultant's caseload: the most urgent deadline of a client, for signals, filtering and sorting.
import { CalendarDate, compareDates } from './calendar-date';
import { ClientDeadlines, DeadlineStatus, deadlineStatus } from './client-deadlines';
import { DEFAULT_DUE_SOON_DAYS } from './policy-defaults';

export const DEADLINE_KINDS = ['PIP', 'INTEGRATION_TERM', 'ROUTE_SWITCH', 'MAP', 'PVT'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

const KIND_LABELS: Record<DeadlineKind, string> = {
  PIP: 'PIP (10 weken na inschrijving)',
  INTEGRATION_TERM: 'Einde inburgeringstermijn',
  ROUTE_SWITCH: 'Einde termijn routewissel',
  MAP: 'MAP',
  PVT: 'PVT',
};

export function deadlineKindLabel(kind: DeadlineKind): string {
  return KIND_LABELS[kind];
}

/** Urgency order: overdue first, then due soon, on time, and fulfilled last. */
const URGENCY: Record<DeadlineStatus, number> = { OVERDUE: 0, DUE_SOON: 1, ON_TIME: 2, MET_LATE: 3, MET: 4 };

export interface KindedDeadline {
  kind: DeadlineKind;
  deadline: CalendarDate;
  status: DeadlineStatus;
}

/**
 * The deadlines of a client as a list. The route-switch window is a deadline too: its status says whether switching is
 * still possible (OVERDUE = the window has closed), with the same due-soon window as the others.
 */
export function deadlineList(deadlines: ClientDeadlines, today: CalendarDate, dueSoonDays = DEFAULT_DUE_SOON_DAYS): KindedDeadline[] {
  const list: KindedDeadline[] = [{ kind: 'PIP', ...deadlines.pip }];
  if (deadlines.integrationTerm) list.push({ kind: 'INTEGRATION_TERM', ...deadlines.integrationTerm });
  if (deadlines.routeSwitch) {
    list.push({ kind: 'ROUTE_SWITCH', deadline: deadlines.routeSwitch.windowEnd, status: deadlineStatus(deadlines.routeSwitch.windowEnd, today, { dueSoonDays }) });
  }
  if (deadlines.map) list.push({ kind: 'MAP', ...deadlines.map });
  if (deadlines.pvt) list.push({ kind: 'PVT', ...deadlines.pvt });
  return list;
}

/**
 * The deadline the consultant must look at first: the most urgent open one, the earliest on a tie. The closed
 * route-switch window is not an obligation, so it never makes a client "overdue".
 */
export function mostUrgentDeadline(list: readonly KindedDeadline[]): KindedDeadline | null {
  const open = list.filter((d) => !(d.kind === 'ROUTE_SWITCH' && d.status === 'OVERDUE') && d.status !== 'MET' && d.status !== 'MET_LATE');
  const sorted = [...open].sort((a, b) => URGENCY[a.status] - URGENCY[b.status] || compareDates(a.deadline, b.deadline));
  return sorted[0] ?? null;
}

/**
 * True when a deadline of `kind` has `status` (either may be null for "any"). Without a kind the route-switch window is
 * left out: a closed window is not an overdue obligation.
 */
export function hasDeadline(list: readonly KindedDeadline[], kind: DeadlineKind | null, status: DeadlineStatus | null): boolean {
  return list.some((d) => (kind === null ? d.kind !== 'ROUTE_SWITCH' : d.kind === kind) && (status === null || d.status === status));
}

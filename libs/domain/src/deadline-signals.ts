// Deadline signals: the deadlines of a client the nightly scan records because they are due soon or overdue, so the
// consultant sees them; a signal is resolved once its deadline is met or moved.
import type { CalendarDate } from './calendar-date';
import type { ClientDeadlines, DeadlineStatus } from './client-deadlines';
import { ACTIVE_PLACEMENT_STATUSES, type PlacementStatus } from './placement-rules';

export const DEADLINE_SIGNAL_KINDS = ['PIP_DEADLINE', 'TERM_END', 'MAP_DUE', 'PVT_DUE'] as const;
export type DeadlineSignalKind = (typeof DEADLINE_SIGNAL_KINDS)[number];

/** The statuses that raise a signal. */
export const SIGNALLED_DEADLINE_STATUSES = ['DUE_SOON', 'OVERDUE'] as const satisfies readonly DeadlineStatus[];
export type SignalledDeadlineStatus = (typeof SIGNALLED_DEADLINE_STATUSES)[number];

const LABELS: Record<DeadlineSignalKind, string> = {
  PIP_DEADLINE: 'PIP (10 weken na inschrijving)',
  TERM_END: 'Einde inburgeringstermijn',
  MAP_DUE: 'MAP afronden',
  PVT_DUE: 'PVT afronden',
};

export function deadlineSignalKindLabel(kind: DeadlineSignalKind): string {
  return LABELS[kind];
}

export interface SignalledDeadline {
  kind: DeadlineSignalKind;
  deadline: CalendarDate;
  status: SignalledDeadlineStatus;
}

const isSignalled = (status: DeadlineStatus): status is SignalledDeadlineStatus => (SIGNALLED_DEADLINE_STATUSES as readonly DeadlineStatus[]).includes(status);

/** The deadlines of one client that deserve a signal today: due soon or overdue, never met ones. */
export function signalledDeadlines(deadlines: ClientDeadlines): SignalledDeadline[] {
  const all: [DeadlineSignalKind, ClientDeadlines['pip'] | null][] = [
    ['PIP_DEADLINE', deadlines.pip],
    ['TERM_END', deadlines.integrationTerm],
    ['MAP_DUE', deadlines.map],
    ['PVT_DUE', deadlines.pvt],
  ];
  const found: SignalledDeadline[] = [];
  for (const [kind, value] of all) {
    if (value && isSignalled(value.status)) found.push({ kind, deadline: value.deadline, status: value.status });
  }
  return found;
}

/** What a consultant sees of a client's placements: the running one's status, or NONE. */
export const CLIENT_PLACEMENT_STATES = ['NONE', ...(ACTIVE_PLACEMENT_STATUSES as readonly ('WAITING' | 'REQUESTED' | 'ACCEPTED' | 'STARTED')[])] as const;
export type ClientPlacementState = 'NONE' | Extract<PlacementStatus, 'WAITING' | 'REQUESTED' | 'ACCEPTED' | 'STARTED'>;

/** Entries in a client's history. */
export const CLIENT_HISTORY_KINDS = ['ROUTE_SWITCH', 'MOVED'] as const;
export type ClientHistoryKind = (typeof CLIENT_HISTORY_KINDS)[number];

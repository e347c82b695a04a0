import type { DeadlineStatus } from '@inburgering/contracts';

/** Badge colour per deadline status; the text label always says the same, so colour is never the only cue. */
const BADGE_STATUS: Record<DeadlineStatus, 'safe' | 'warning' | 'danger' | 'success'> = {
  ON_TIME: 'safe',
  DUE_SOON: 'warning',
  OVERDUE: 'danger',
  MET: 'success',
  MET_LATE: 'warning',
};

export function badgeStatusFor(status: DeadlineStatus): string {
  return BADGE_STATUS[status];
}

export function deadlineLabelKey(status: DeadlineStatus): `deadline.${DeadlineStatus}` {
  return `deadline.${status}`;
}

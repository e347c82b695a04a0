// How long the platform keeps its own working records (issue 14: tables that grow without end are cleaned up on a
// schedule). Personal data has its own retention; these are the records of the machinery around it.
import { addDays, type CalendarDate } from './calendar-date';

/** Days a record is kept after it stopped mattering (policy: AVG art. 5(1)(e), storage limitation). */
export const HOUSEKEEPING_DAYS = {
  /** A job handed to the worker and done: the outbox row only proves it was owed. */
  completedOutboxMessage: 30,
  /** A job that failed for good: kept longer, so an administrator can still see what failed. */
  failedOutboxMessage: 90,
  /** The record that a job ran, which makes a redelivery a no-op: no job is redelivered after this long. */
  jobExecution: 90,
  /** A session past its expiry cannot be used; a week lets a support question about it still be answered. */
  expiredSession: 7,
  /** An uploaded hours file's bytes; the batch, its counts and its errors stay. */
  importFileContent: 90,
} as const;

export type HousekeepingCutoffs = { [K in keyof typeof HOUSEKEEPING_DAYS]: CalendarDate };

/** For each kind of record, the day before which it is removed when the cleanup runs on `today`. */
export function housekeepingCutoffs(today: CalendarDate): HousekeepingCutoffs {
  const entries = Object.entries(HOUSEKEEPING_DAYS).map(([kind, days]) => [kind, addDays(today, -days)]);
  return Object.fromEntries(entries) as HousekeepingCutoffs;
}

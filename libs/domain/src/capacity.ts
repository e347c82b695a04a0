// Capacity (seats declared by providers) against use and demand, per lot subject.
import { LOT_SUBJECTS, LotSubject } from './routes';

/** Free seats; never negative when a start moment is overbooked. */
export function seatsFree(seats: number, taken: number): number {
  return Math.max(0, seats - taken);
}

export interface CapacityRow {
  subject: LotSubject;
  seats: number;
  taken: number;
  /** Clients waiting for a place on this subject (demand not yet placed). */
  waiting?: number;
}

export interface CapacityOverviewRow {
  subject: LotSubject;
  seats: number;
  taken: number;
  free: number;
  waiting: number;
  /** Waiting clients that the free seats cannot absorb. */
  shortage: number;
  /** Taken as a share of seats in percent (1 decimal); null when no seats are declared. */
  occupancyPercent: number | null;
}

/** Sums capacity rows (e.g. per provider, location, start moment) into one row per subject, in the standard subject order. */
export function capacityOverview(rows: readonly CapacityRow[]): CapacityOverviewRow[] {
  const totals = new Map<LotSubject, { seats: number; taken: number; waiting: number; free: number }>();
  for (const row of rows) {
    const total = totals.get(row.subject) ?? { seats: 0, taken: 0, waiting: 0, free: 0 };
    total.seats += row.seats;
    total.taken += row.taken;
    total.waiting += row.waiting ?? 0;
    total.free += seatsFree(row.seats, row.taken); // per row: an overbooked start moment does not free seats elsewhere
    totals.set(row.subject, total);
  }
  return LOT_SUBJECTS.filter((subject) => totals.has(subject)).map((subject) => {
    const { seats, taken, waiting, free } = totals.get(subject)!;
    return {
      subject,
      seats,
      taken,
      free,
      waiting,
      shortage: Math.max(0, waiting - free),
      occupancyPercent: seats > 0 ? Math.round((taken / seats) * 1000) / 10 : null,
    };
  });
}

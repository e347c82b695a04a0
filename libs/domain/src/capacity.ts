// Capacity (seats declared by providers) against use and demand, per lot subject.
import { CalendarDate, compareDates } from './calendar-date';
import { formatDateNl } from './format-nl';
import { LOT_SUBJECTS, LotSubject } from './routes';
import { RuleViolation, violation } from './rule-violation';

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

export const DAYPARTS = ['DAYTIME', 'EVENING', 'ON_THE_JOB'] as const;
export type Daypart = (typeof DAYPARTS)[number];

const DAYPART_LABELS: Record<Daypart, string> = { DAYTIME: 'Overdag', EVENING: "'s Avonds", ON_THE_JOB: 'Op de werkvloer' };

export function daypartLabel(daypart: Daypart): string {
  return DAYPART_LABELS[daypart];
}

export interface StartMomentCheckInput {
  startsOn: CalendarDate;
  contractStart: CalendarDate;
  contractEnd: CalendarDate;
  seats: number;
  /** Seats already taken by accepted or started placements (0 for a new start moment). */
  taken: number;
  lessonDays: readonly number[];
  minutesPerWeek: number;
  location: string;
}

/** A start moment lies inside its contract, keeps at least the seats already taken, and has a real lesson pattern (platform rule). */
export function checkStartMoment({ startsOn, contractStart, contractEnd, seats, taken, lessonDays, minutesPerWeek, location }: StartMomentCheckInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!location.trim()) violations.push(violation('location', 'START_MOMENT_LOCATION_REQUIRED', 'Vul de lesplaats in.'));
  if (compareDates(startsOn, contractStart) < 0 || compareDates(startsOn, contractEnd) > 0) {
    violations.push(violation('startsOn', 'START_MOMENT_OUTSIDE_CONTRACT',
      `Het instroommoment moet binnen de looptijd van het contract liggen (${formatDateNl(contractStart)} t/m ${formatDateNl(contractEnd)}).`));
  }
  if (!Number.isInteger(seats) || seats < 0) {
    violations.push(violation('seats', 'CAPACITY_SEATS_INVALID', 'Het aantal plaatsen moet een geheel getal van 0 of meer zijn.'));
  } else if (seats < taken) {
    violations.push(violation('seats', 'SEATS_BELOW_TAKEN',
      `Er zijn al ${taken} plaatsen bezet; het aantal plaatsen kan niet lager worden dan ${taken}.`));
  }
  if (lessonDays.length === 0 || lessonDays.some((day) => !Number.isInteger(day) || day < 1 || day > 7) || new Set(lessonDays).size !== lessonDays.length) {
    violations.push(violation('lessonDays', 'LESSON_DAYS_INVALID', 'Kies ten minste één lesdag, elke dag één keer.'));
  }
  if (!Number.isInteger(minutesPerWeek) || minutesPerWeek <= 0 || minutesPerWeek > 40 * 60) {
    violations.push(violation('minutesPerWeek', 'LESSON_HOURS_INVALID', 'Het aantal lesuren per week moet groter dan 0 en hoogstens 40 zijn.'));
  }
  return violations;
}

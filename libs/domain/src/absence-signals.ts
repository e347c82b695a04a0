// Absence signals (verzuimsignalen) a provider owes the municipality. Each occurrence has a stable
// key, so a worker that re-runs on more data signals every occurrence exactly once.
import { CalendarDate, compareDates, fromEpochDay, isoWeekLabel, toEpochDay } from './calendar-date';
import { DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT, DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT, DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS } from './policy-defaults';
import { AbsenceReason } from './routes';

export interface WeekAttendance {
  /** Any date in the week; normalised to the ISO week's Monday. */
  weekStart: CalendarDate;
  plannedMinutes: number;
  attendedMinutes: number;
}

export interface LowAttendanceOccurrence {
  /** 'LOW_ATTENDANCE:<ISO week where the signal first fired>', e.g. 'LOW_ATTENDANCE:2025-W14'. */
  occurrenceKey: string;
  /** Monday of the first window below the threshold. */
  firstWindowStart: CalendarDate;
  /** Monday of the last week of the last window below the threshold. */
  lastWeekStart: CalendarDate;
  /** Lowest window attendance in this occurrence, in percent with 1 decimal. */
  lowestPercent: number;
}

export interface LowAttendanceOptions {
  thresholdPercent?: number;
  windowWeeks?: number;
}

/**
 * Attendance over `windowWeeks` consecutive ISO weeks below `thresholdPercent` (policy: configurable
 * per municipality). A window is judged at each week with data once a full window of history exists;
 * weeks without data count as nothing planned. Consecutive low windows form one occurrence.
 */
export function detectLowAttendance(
  weeks: readonly WeekAttendance[],
  { thresholdPercent = DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT, windowWeeks = DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS }: LowAttendanceOptions = {},
): LowAttendanceOccurrence[] {
  // Weeks as day numbers of their Mondays: a check of a whole month judges hundreds of placements at once.
  const byWeek = new Map<number, { planned: number; attended: number }>();
  for (const week of weeks) {
    const day = toEpochDay(week.weekStart);
    const monday = day - ((((day + 3) % 7) + 7) % 7); // 1970-01-01 was a Thursday: (day + 3) mod 7 is 0 on Mondays
    const total = byWeek.get(monday);
    if (total) {
      total.planned += week.plannedMinutes;
      total.attended += week.attendedMinutes;
    } else {
      byWeek.set(monday, { planned: week.plannedMinutes, attended: week.attendedMinutes });
    }
  }
  const mondays = [...byWeek.keys()].sort((a, b) => a - b);
  if (mondays.length === 0) return [];
  const firstMonday = mondays[0];

  const occurrences: LowAttendanceOccurrence[] = [];
  let current: LowAttendanceOccurrence | null = null;
  for (const lastWeek of mondays) {
    const windowStart = lastWeek - 7 * (windowWeeks - 1);
    if (windowStart < firstMonday) continue; // not a full window of history yet
    let planned = 0;
    let attended = 0;
    for (let i = 0; i < windowWeeks; i++) {
      const week = byWeek.get(windowStart + 7 * i);
      planned += week?.planned ?? 0;
      attended += week?.attended ?? 0;
    }
    if (planned <= 0) continue; // nothing planned: no judgement, the run goes on
    const percent = (attended / planned) * 100;
    if (percent < thresholdPercent) {
      const rounded = Math.round(percent * 10) / 10;
      if (current) {
        current.lastWeekStart = fromEpochDay(lastWeek);
        current.lowestPercent = Math.min(current.lowestPercent, rounded);
      } else {
        const last = fromEpochDay(lastWeek);
        current = { occurrenceKey: `LOW_ATTENDANCE:${isoWeekLabel(last)}`, firstWindowStart: fromEpochDay(windowStart), lastWeekStart: last, lowestPercent: rounded };
        occurrences.push(current);
      }
    } else {
      current = null;
    }
  }
  return occurrences;
}

export interface AttendanceEntry {
  date: CalendarDate;
  /** null when the client was present. */
  absence: AbsenceReason | null;
}

export interface UnexcusedAbsenceOccurrence {
  /** 'UNEXCUSED_ABSENCE:<first date of the run>', e.g. 'UNEXCUSED_ABSENCE:2025-03-03'. */
  occurrenceKey: string;
  firstDate: CalendarDate;
  lastDate: CalendarDate;
  /** Unexcused lessons in the run so far (>= the configured count). */
  count: number;
}

/**
 * Runs of at least `count` unexcused absences in a row (policy: configurable per municipality).
 * Any other entry (present, sick, excused) ends a run. Entries are sorted by date first.
 */
export function detectConsecutiveUnexcusedAbsences(
  entries: readonly AttendanceEntry[],
  { count = DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT }: { count?: number } = {},
): UnexcusedAbsenceOccurrence[] {
  const sorted = [...entries].sort((a, b) => compareDates(a.date, b.date));
  const occurrences: UnexcusedAbsenceOccurrence[] = [];
  let run: AttendanceEntry[] = [];
  const closeRun = (): void => {
    if (run.length >= count) {
      occurrences.push({
        occurrenceKey: `UNEXCUSED_ABSENCE:${run[0].date}`,
        firstDate: run[0].date,
        lastDate: run[run.length - 1].date,
        count: run.length,
      });
    }
    run = [];
  };
  for (const entry of sorted) {
    if (entry.absence === 'UNEXCUSED') run.push(entry);
    else closeRun();
  }
  closeRun();
  return occurrences;
}

import { addDays, compareDates, isoWeekday, type CalendarDate } from './calendar-date';
import type { AbsenceReason } from './routes';
import { violation, type RuleViolation } from './rule-violation';

// The digital presence list (issue 12): lessons from a weekly schedule, signing in while the lesson is on, attended
// minutes from arrival and departure, and a closed list that is never changed again.

/** How a lesson came about: from the weekly schedule or added as an extra lesson. */
export const LESSON_KINDS = ['REGULAR', 'EXTRA'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

/** Exceptions to a weekly schedule: a holiday or a cancelled lesson removes it, an extra lesson adds one. */
export const SCHEDULE_EXCEPTION_KINDS = ['HOLIDAY', 'CANCELLED', 'EXTRA'] as const;
export type ScheduleExceptionKind = (typeof SCHEDULE_EXCEPTION_KINDS)[number];

/** How a student signed in: a personal code typed in, or the QR card shown to the teacher's device. */
export const CREDENTIAL_KINDS = ['CODE', 'QR'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];

/** What one line of a presence list records; the list is append-only, a correction is a new line pointing at the old. */
export const PRESENCE_MARK_KINDS = ['ARRIVAL', 'DEPARTURE', 'ABSENT'] as const;
export type PresenceMarkKind = (typeof PRESENCE_MARK_KINDS)[number];

export const LESSON_STATUSES = ['OPEN', 'CLOSED'] as const;
export type LessonStatus = (typeof LESSON_STATUSES)[number];

/** A lesson's time of day, "HH:MM" in Europe/Amsterdam. */
export type LessonTime = string;

export interface WeeklySchedule {
  /** ISO weekdays (1 = Monday … 7 = Sunday). */
  weekdays: readonly number[];
  startTime: LessonTime;
  endTime: LessonTime;
  from: CalendarDate;
  until: CalendarDate;
}

export interface ScheduleException {
  date: CalendarDate;
  kind: ScheduleExceptionKind;
  /** For an extra lesson: its times (default: the schedule's). */
  startTime?: LessonTime | null;
  endTime?: LessonTime | null;
}

export interface PlannedLesson {
  date: CalendarDate;
  startTime: LessonTime;
  endTime: LessonTime;
  kind: LessonKind;
}

/** At most a year of lessons is expanded at a time, so a typo in a year cannot create thousands of rows. */
export const MAX_SCHEDULE_DAYS = 366;

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after midnight of an "HH:MM" time; NaN when it is not one. */
export function minutesOfTime(time: LessonTime): number {
  const match = TIME.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

export function timeOfMinutes(minutes: number): LessonTime {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** A schedule is valid when its times are real times with the end after the start, its weekdays 1–7 and its period at most a year. */
export function checkWeeklySchedule(schedule: WeeklySchedule): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const start = minutesOfTime(schedule.startTime);
  const end = minutesOfTime(schedule.endTime);
  if (Number.isNaN(start)) violations.push(violation('startTime', 'TIME_INVALID', 'Vul een begintijd in als uu:mm, bijvoorbeeld 09:00.'));
  if (Number.isNaN(end)) violations.push(violation('endTime', 'TIME_INVALID', 'Vul een eindtijd in als uu:mm, bijvoorbeeld 12:00.'));
  if (!Number.isNaN(start) && !Number.isNaN(end) && end <= start) violations.push(violation('endTime', 'END_BEFORE_START', 'De les eindigt na de begintijd.'));
  if (schedule.weekdays.length === 0 || schedule.weekdays.some((d) => !Number.isInteger(d) || d < 1 || d > 7)) {
    violations.push(violation('weekdays', 'WEEKDAYS_INVALID', 'Kies minstens één lesdag (maandag tot en met zondag).'));
  }
  if (compareDates(schedule.until, schedule.from) < 0) violations.push(violation('until', 'UNTIL_BEFORE_FROM', 'De einddatum ligt na de begindatum.'));
  else if (daysFromTo(schedule.from, schedule.until) > MAX_SCHEDULE_DAYS) {
    violations.push(violation('until', 'SCHEDULE_TOO_LONG', 'Een rooster loopt hoogstens een jaar; maak daarna een nieuw rooster.'));
  }
  return violations;
}

function daysFromTo(from: CalendarDate, until: CalendarDate): number {
  let days = 0;
  for (let d = from; compareDates(d, until) <= 0 && days <= MAX_SCHEDULE_DAYS + 1; d = addDays(d, 1)) days++;
  return days;
}

/**
 * The lessons of a weekly schedule with its exceptions: every chosen weekday from `from` to `until`, minus holidays and
 * cancelled lessons, plus extra lessons (also outside the weekdays), sorted by date and time. Keurmerk Blik op Werk,
 * norm 2.9.2: a presence list per planned lesson, so the list of lessons is the schedule as it was actually held.
 */
export function expandLessonSchedule(schedule: WeeklySchedule, exceptions: readonly ScheduleException[]): PlannedLesson[] {
  const removed = new Set(exceptions.filter((e) => e.kind !== 'EXTRA').map((e) => e.date));
  const lessons: PlannedLesson[] = [];
  let count = 0;
  for (let date = schedule.from; compareDates(date, schedule.until) <= 0 && count < MAX_SCHEDULE_DAYS; date = addDays(date, 1), count++) {
    if (schedule.weekdays.includes(isoWeekday(date)) && !removed.has(date)) {
      lessons.push({ date, startTime: schedule.startTime, endTime: schedule.endTime, kind: 'REGULAR' });
    }
  }
  for (const extra of exceptions.filter((e) => e.kind === 'EXTRA')) {
    lessons.push({ date: extra.date, startTime: extra.startTime ?? schedule.startTime, endTime: extra.endTime ?? schedule.endTime, kind: 'EXTRA' });
  }
  return lessons.sort((a, b) => compareDates(a.date, b.date) || minutesOfTime(a.startTime) - minutesOfTime(b.startTime));
}

/** Students may sign in from 15 minutes before the lesson until 15 minutes after it ends (a late departure is still recorded). */
export const SIGN_IN_MARGIN_MINUTES = 15;

/** A moment as the classroom clock shows it: the Amsterdam date and the minute of that day. */
export interface LocalMoment {
  date: CalendarDate;
  minutes: number;
}

/**
 * Whether a student may sign in (or out) at `at`: only on the lesson's day while the lesson is on, with a margin of
 * SIGN_IN_MARGIN_MINUTES either side. Keurmerk Blik op Werk, norm 2.9.3: students sign the presence list themselves,
 * during the lesson (not afterwards, not for someone else).
 */
export function isSignInOpen(lesson: Pick<PlannedLesson, 'date' | 'startTime' | 'endTime'>, at: LocalMoment): boolean {
  if (at.date !== lesson.date) return false;
  return at.minutes >= minutesOfTime(lesson.startTime) - SIGN_IN_MARGIN_MINUTES && at.minutes <= minutesOfTime(lesson.endTime) + SIGN_IN_MARGIN_MINUTES;
}

export function checkSignInOpen(lesson: Pick<PlannedLesson, 'date' | 'startTime' | 'endTime'>, at: LocalMoment): RuleViolation[] {
  return isSignInOpen(lesson, at)
    ? []
    : [violation('at', 'SIGN_IN_CLOSED', `Aanmelden kan alleen tijdens de les (${lesson.startTime}–${lesson.endTime}, ${SIGN_IN_MARGIN_MINUTES} minuten ervoor en erna).`)];
}

/** Arriving more than this many minutes after the start counts as late. */
export const LATE_GRACE_MINUTES = 5;

export function isLateArrival(lesson: Pick<PlannedLesson, 'startTime'>, arrivalMinutes: number): boolean {
  return arrivalMinutes > minutesOfTime(lesson.startTime) + LATE_GRACE_MINUTES;
}

/** The planned minutes of a lesson: from its start to its end. */
export function plannedLessonMinutes(lesson: Pick<PlannedLesson, 'startTime' | 'endTime'>): number {
  return Math.max(0, minutesOfTime(lesson.endTime) - minutesOfTime(lesson.startTime));
}

/**
 * Attended minutes of one lesson: from the later of arrival and start to the earlier of departure and end (no
 * departure: the end), rounded to the nearest 5 minutes (2.5 rounds up), never more than planned. Arriving within
 * LATE_GRACE_MINUTES counts from the start. Platform rule, so a student's day total matches the list the auditor sees
 * (keurmerk Blik op Werk 2.9.3: arrival and early departure are recorded with their time).
 */
export function attendedLessonMinutes(lesson: Pick<PlannedLesson, 'startTime' | 'endTime'>, arrivalMinutes: number | null, departureMinutes: number | null): number {
  if (arrivalMinutes === null) return 0;
  const start = minutesOfTime(lesson.startTime);
  const end = minutesOfTime(lesson.endTime);
  const from = isLateArrival(lesson, arrivalMinutes) ? Math.max(start, arrivalMinutes) : start;
  const until = departureMinutes === null ? end : Math.min(end, departureMinutes);
  const raw = Math.max(0, until - from);
  return Math.min(plannedLessonMinutes(lesson), Math.round(raw / 5) * 5);
}

/** One student's lines on a closed list, as the hours of that day. */
export interface StudentPresence {
  arrivalMinutes: number | null;
  departureMinutes: number | null;
  /** Set by the teacher when the student is absent, or for the missed part of a late arrival or early departure. */
  absenceReason: AbsenceReason | null;
}

export interface LessonHours {
  plannedMinutes: number;
  attendedMinutes: number;
  absenceReason: AbsenceReason | null;
}

/**
 * The hours a closed lesson gives one student: planned = the lesson, attended from arrival and departure, and a reason
 * for every missed minute (the teacher's, else UNEXCUSED: a student who did not sign in and was not excused is
 * absent without leave), none when nothing was missed — the rule checkHourRegistration applies to every hour.
 */
export function lessonHoursOf(lesson: Pick<PlannedLesson, 'startTime' | 'endTime'>, presence: StudentPresence): LessonHours {
  const plannedMinutes = plannedLessonMinutes(lesson);
  const attendedMinutes = attendedLessonMinutes(lesson, presence.arrivalMinutes, presence.departureMinutes);
  const missed = attendedMinutes < plannedMinutes;
  return { plannedMinutes, attendedMinutes, absenceReason: missed ? (presence.absenceReason ?? 'UNEXCUSED') : null };
}

/**
 * A list can be closed when it is still open, the lesson has started and every student has signed in or has an absence
 * with a reason. Keurmerk Blik op Werk 2.9.2: the teacher signs a complete list.
 */
export function checkLessonClosable(input: { status: LessonStatus; lessonStarted: boolean; unmarkedStudents: number }): RuleViolation[] {
  if (input.status === 'CLOSED') return checkLessonOpen(input.status);
  const violations: RuleViolation[] = [];
  if (!input.lessonStarted) violations.push(violation('lessonId', 'LESSON_NOT_STARTED', 'Een les kan pas worden afgesloten als hij begonnen is.'));
  if (input.unmarkedStudents > 0) {
    violations.push(violation('lessonId', 'STUDENTS_UNMARKED', input.unmarkedStudents === 1
      ? 'Eén inburgeraar is nog niet aangemeld en niet afwezig gemeld.'
      : `${input.unmarkedStudents} inburgeraars zijn nog niet aangemeld en niet afwezig gemeld.`));
  }
  return violations;
}

/** A closed list is never changed: a change afterwards is a correction (keurmerk Blik op Werk 2.9.2, the signed list stands). */
export function checkLessonOpen(status: LessonStatus): RuleViolation[] {
  return status === 'CLOSED'
    ? [violation('lessonId', 'LESSON_CLOSED', 'Deze presentielijst is afgesloten en getekend; wijzig hem met een correctie met reden.')]
    : [];
}

/** A correction is only for a closed list, and always with a reason of at least a few words (who and when are recorded). */
export function checkPresenceCorrection(status: LessonStatus, reason: string | null | undefined): RuleViolation[] {
  if (status !== 'CLOSED') return [violation('lessonId', 'LESSON_NOT_CLOSED', 'Deze les is nog open: wijzig de lijst zelf, een correctie is voor een afgesloten lijst.')];
  if (!reason || reason.trim().length < 5) return [violation('reason', 'CORRECTION_REASON_REQUIRED', 'Geef de reden van de correctie (minstens 5 tekens).')];
  return [];
}

const AMSTERDAM_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A moment as the classroom clock in the Netherlands shows it. */
export function localMomentInAmsterdam(instant: Date): LocalMoment {
  const parts = AMSTERDAM_TIME.formatToParts(instant);
  const get = (type: string): string => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** Personal sign-in codes: 8 characters from an alphabet without look-alikes (0/O, 1/I/L), about 40 bits, never a BSN. */
export const PRESENCE_CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const PRESENCE_CODE_LENGTH = 8;

/** A code as the student may type it: case and spaces or dashes ignored. */
export function normalisePresenceCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

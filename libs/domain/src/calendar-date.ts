// Calendar dates without a time (a lesson day, a PIP date) as 'YYYY-MM-DD' strings.
// Arithmetic is done on UTC day numbers, so no time zone or DST can shift a date.

/** A calendar date 'YYYY-MM-DD' (ISO 8601), e.g. '2025-01-31'. */
export type CalendarDate = string;

const MS_PER_DAY = 86_400_000;

interface DateParts {
  year: number;
  month: number; // 1..12
  day: number; // 1..31
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian: February has 29 days in years divisible by 4, except centuries not divisible by 400. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return DAYS_IN_MONTH[month - 1];
}

function pad(value: number, length: number): string {
  return String(value).padStart(length, '0');
}

function fromParts({ year, month, day }: DateParts): CalendarDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** True when the parts form an existing date (no 31 April, 29 Feb only in leap years). */
export function isValidDateParts(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) && year >= 1000 && year <= 9999 &&
    Number.isInteger(month) && month >= 1 && month <= 12 &&
    Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** Type guard: a string 'YYYY-MM-DD' that is an existing date. */
export function isCalendarDate(value: unknown): value is CalendarDate {
  // By character codes rather than a regular expression: every date comparison checks its dates (thousands per import).
  if (typeof value !== 'string' || value.length !== 10 || value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  return isValidDateParts(digitsAt(value, 0, 4), digitsAt(value, 5, 7), digitsAt(value, 8, 10));
}

const DASH = 0x2d;

/** The number written by the ASCII digits text[from..to), or NaN when one of them is no digit. */
function digitsAt(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return NaN;
    n = n * 10 + digit;
  }
  return n;
}

/** Returns the date when valid 'YYYY-MM-DD' (surrounding spaces allowed), otherwise null. */
export function parseCalendarDate(value: string): CalendarDate | null {
  const trimmed = value.trim();
  return isCalendarDate(trimmed) ? trimmed : null;
}

function toParts(date: CalendarDate): DateParts {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

/** Days since 1970-01-01 (a Thursday): for date arithmetic in loops, without building a date string per step. */
export function toEpochDay(date: CalendarDate): number {
  const { year, month, day } = toParts(date);
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** The calendar date `epochDay` days after 1970-01-01. */
export function fromEpochDay(epochDay: number): CalendarDate {
  const d = new Date(epochDay * MS_PER_DAY);
  return fromParts({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromEpochDay(toEpochDay(date) + days);
}

export function addWeeks(date: CalendarDate, weeks: number): CalendarDate {
  return addDays(date, weeks * 7);
}

/** Adds calendar months; a day that does not exist in the target month is clamped (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const { year, month, day } = toParts(date);
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = monthIndex - targetYear * 12 + 1;
  return fromParts({ year: targetYear, month: targetMonth, day: Math.min(day, daysInMonth(targetYear, targetMonth)) });
}

/** Adds calendar years; 29 Feb becomes 28 Feb in a non-leap year. */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  return addMonths(date, years * 12);
}

/** -1 when a is before b, 0 when equal, 1 when after. */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  // Valid 'YYYY-MM-DD' strings (four-digit years) sort as their dates: no day numbers needed (hot in imports).
  if (!isCalendarDate(a)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(a)}`);
  if (!isCalendarDate(b)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(b)}`);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function isBefore(a: CalendarDate, b: CalendarDate): boolean {
  return compareDates(a, b) < 0;
}

export function isAfter(a: CalendarDate, b: CalendarDate): boolean {
  return compareDates(a, b) > 0;
}

/** Number of days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toEpochDay(to) - toEpochDay(from);
}

/** ISO weekday: 1 = Monday ... 7 = Sunday. */
export function isoWeekday(date: CalendarDate): number {
  const weekday = new Date(toEpochDay(date) * MS_PER_DAY).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export interface IsoWeek {
  isoYear: number;
  week: number;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(date: CalendarDate): IsoWeek {
  const thursday = addDays(date, 4 - isoWeekday(date));
  const isoYear = toParts(thursday).year;
  const dayOfYear = daysBetween(fromParts({ year: isoYear, month: 1, day: 1 }), thursday);
  return { isoYear, week: Math.floor(dayOfYear / 7) + 1 };
}

/** Label of the ISO week of a date, e.g. '2025-W01'. */
export function isoWeekLabel(date: CalendarDate): string {
  const { isoYear, week } = isoWeekOf(date);
  return `${pad(isoYear, 4)}-W${pad(week, 2)}`;
}

/** Monday of the ISO week containing `date`. */
export function startOfIsoWeek(date: CalendarDate): CalendarDate {
  return addDays(date, 1 - isoWeekday(date));
}

/** Monday of ISO week `week` of `isoYear` (4 January is always in week 1). */
export function mondayOfIsoWeek(isoYear: number, week: number): CalendarDate {
  const weekOne = startOfIsoWeek(fromParts({ year: isoYear, month: 1, day: 4 }));
  return addWeeks(weekOne, week - 1);
}

// Building an Intl.DateTimeFormat is expensive; one formatter serves every call.
const AMSTERDAM_DATE = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date of a moment in Europe/Amsterdam (e.g. "today" for a Dutch office). */
export function calendarDateInAmsterdam(instant: Date): CalendarDate {
  const parts = AMSTERDAM_DATE.formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return fromParts({ year: get('year'), month: get('month'), day: get('day') });
}

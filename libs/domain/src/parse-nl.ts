// Parsing what Dutch users type: hours with a decimal comma, dates as d-M-yyyy.
import { CalendarDate, isValidDateParts, parseCalendarDate } from './calendar-date';

const HOURS = /^(\d{1,5})(?:[.,](\d{1,4}))?$/;
const DUTCH_DATE = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/;

/** '1,5' or '1.5' -> 90 minutes; '2' -> 120. Null for empty, negative or garbage input. */
export function parseDutchHours(input: string): number | null {
  const match = HOURS.exec(input.trim());
  if (!match) return null;
  const hours = Number(`${match[1]}.${match[2] ?? '0'}`);
  return Math.round(hours * 60);
}

/** '31-01-2026' or '31-1-2026' (also with / or .) or ISO '2026-01-31' -> '2026-01-31'. Null when not an existing date. */
export function parseDutchDate(input: string): CalendarDate | null {
  const trimmed = input.trim();
  const match = DUTCH_DATE.exec(trimmed);
  if (!match) return parseCalendarDate(trimmed);
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isValidDateParts(year, month, day)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

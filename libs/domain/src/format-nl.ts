// Formatting for Dutch users: dates as d-M-yyyy, hours and money with a decimal comma.
import { CalendarDate, isCalendarDate } from './calendar-date';

/** '2025-01-01' -> '1-1-2025' (nl-NL short date). */
export function formatDateNl(date: CalendarDate): string {
  if (!isCalendarDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  const [year, month, day] = date.split('-').map(Number);
  return `${day}-${month}-${year}`;
}

function decimalNl(value: number, maxDecimals: number): string {
  const factor = 10 ** maxDecimals;
  const rounded = Math.round(Math.abs(value) * factor) / factor;
  const sign = value < 0 && rounded !== 0 ? '-' : '';
  // Trailing zeros go only after a decimal point: 0 stays "0" and 10 stays "10" (issue #10: occupancy showed "%" for 0).
  const fixed = rounded.toFixed(maxDecimals);
  const trimmed = fixed.includes('.') ? fixed.replace(/0+$/, '').replace(/\.$/, '') : fixed;
  return sign + trimmed.replace('.', ',');
}

/** Minutes as hours with a decimal comma and at most 2 decimals: 90 -> '1,5', 600 -> '10', 50 -> '0,83'. */
export function formatHoursNl(minutes: number): string {
  return decimalNl(minutes / 60, 2);
}

/** Percentage with a decimal comma: 82.25 -> '82,3%'. */
export function formatPercentNl(percent: number, decimals = 1): string {
  return `${decimalNl(percent, decimals)}%`;
}

/**
 * Euro cents as money: 123456 -> '€ 1.234,56', with a non-breaking space after the euro sign (as Intl's nl-NL currency
 * format writes it), so an amount in running text never breaks between the sign and the number.
 */
export function formatEuroCentsNl(cents: number): string {
  if (!Number.isInteger(cents)) throw new RangeError(`Money must be integer cents: ${cents}`);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const euros = String(Math.floor(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${sign}€\u00a0${euros},${String(abs % 100).padStart(2, '0')}`;
}

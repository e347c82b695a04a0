// Quarter bucketing for trends and quarterly reports (DOMAIN §3: providers report to the region every quarter).
import { CalendarDate, compareDates } from '../calendar-date';

/** A calendar quarter, e.g. { year: 2026, quarter: 3 }. */
export interface Quarter {
  year: number;
  quarter: 1 | 2 | 3 | 4;
}

/** The calendar quarter a date falls in (Q1 = January..March). */
export function quarterOf(date: CalendarDate): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, quarter: (Math.floor((month - 1) / 3) + 1) as Quarter['quarter'] };
}

/** Stable key and Dutch label of a quarter: "2026-K3" (kwartaal). */
export function quarterLabel({ year, quarter }: Quarter): string {
  return `${year}-K${quarter}`;
}

/** First and last day of a quarter. */
export function quarterBounds({ year, quarter }: Quarter): { from: CalendarDate; to: CalendarDate } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { from: `${year}-${pad(firstMonth)}-01`, to: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** Every quarter from the one containing `from` to the one containing `to`, oldest first (empty when to < from). */
export function quartersBetween(from: CalendarDate, to: CalendarDate): Quarter[] {
  if (compareDates(from, to) > 0) return [];
  const result: Quarter[] = [];
  let current = quarterOf(from);
  const last = quarterOf(to);
  while (current.year < last.year || (current.year === last.year && current.quarter <= last.quarter)) {
    result.push(current);
    current = current.quarter === 4 ? { year: current.year + 1, quarter: 1 } : { year: current.year, quarter: (current.quarter + 1) as Quarter['quarter'] };
  }
  return result;
}

/** The quarter before the one containing `date` (the period a quarterly report on the first day of a quarter covers). */
export function previousQuarter(date: CalendarDate): Quarter {
  const { year, quarter } = quarterOf(date);
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter['quarter'] };
}

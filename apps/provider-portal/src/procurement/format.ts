// Formatting of the procurement screens that @inburgering/domain has no helper for (moments in time, waiting days).
import { formatEuroCentsNl } from '@inburgering/domain';

const DATE_NL = new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'numeric', year: 'numeric', timeZone: 'Europe/Amsterdam' });
const DATE_TIME_NL = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam',
});

/** '2026-11-23T09:05:00Z' -> '23-11-2026' (the day in the Netherlands). */
export function formatMomentDateNl(iso: string): string {
  return DATE_NL.format(new Date(iso));
}

/** '2026-11-23T09:05:00Z' -> '23-11-2026 10:05'. */
export function formatMomentNl(iso: string): string {
  return DATE_TIME_NL.format(new Date(iso)).replace(',', '');
}

/** The day in the Netherlands as YYYY-MM-DD, to count whole days. */
function amsterdamDay(date: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(date);
}

/** Whole calendar days from `iso` to `now` (0 on the day itself). */
export function daysSince(iso: string, now: Date = new Date()): number {
  const from = Date.parse(`${amsterdamDay(new Date(iso))}T00:00:00Z`);
  const to = Date.parse(`${amsterdamDay(now)}T00:00:00Z`);
  return Math.max(0, Math.round((to - from) / 86_400_000));
}

/** Money or a dash for "not set". */
export function formatOptionalEuroCents(cents: number | null | undefined): string {
  return cents === null || cents === undefined ? '–' : formatEuroCentsNl(Math.round(cents));
}

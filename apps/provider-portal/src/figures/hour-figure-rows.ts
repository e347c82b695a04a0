// Pure helpers of the table of hours against the norms in the figures (issue 10): values in hours for the exports and
// the one-line summary of the total.
import { formatHoursNl, formatPercentNl } from '@inburgering/domain';
import type { FigureGroup, Figures } from './figure-rows';

/** Minutes as hours (the exports' number, under a header that says "uren"); null stays null. */
export function minutesAsHours(minutes: number | null | undefined): number | null {
  return minutes === null || minutes === undefined ? null : Math.round((minutes / 60) * 100) / 100;
}

type Hours = FigureGroup['hours'];

/** One line on the total: planned and attended hours, per client, against the route norm and against the PIP. */
export function hourFiguresSummary(figures: Figures): string {
  const h: Hours = figures.total.hours;
  if (h.attendedMinutes === null || h.plannedMinutes === null) {
    return `${figures.scope}: de uren zijn verborgen, omdat ze over minder dan ${figures.minimumCellSize} inburgeraars gaan.`;
  }
  if (h.plannedMinutes === 0 && h.attendedMinutes === 0) return `${figures.scope}: nog geen uren geregistreerd.`;
  const parts = [`${formatHoursNl(h.plannedMinutes)} uur gepland en ${formatHoursNl(h.attendedMinutes)} uur gevolgd`];
  if (h.attendedMinutesPerClient !== null && h.attendedMinutesPerClient !== undefined) {
    const norm = h.routeNormPercent === null || h.routeNormPercent === undefined ? '' : ` (${formatPercentNl(h.routeNormPercent)} van de urennorm van de route)`;
    parts.push(`${formatHoursNl(h.attendedMinutesPerClient)} uur per inburgeraar${norm}`);
  }
  parts.push(h.pipPercent === null || h.pipPercent === undefined
    ? 'geen PIP noemt uren per week'
    : `${formatPercentNl(h.pipPercent)} van de uren volgens het PIP`);
  return `${figures.scope}: ${parts.join('; ')}.`;
}

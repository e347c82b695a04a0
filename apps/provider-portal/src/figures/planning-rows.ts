import type { EstimateRoute, RouteDemandDetailFragment } from '@inburgering/contracts';
import { formatPercentNl } from '@inburgering/domain';

export type RouteDemand = RouteDemandDetailFragment;
export type RouteDemandRow = RouteDemand['rows'][number];

/** Short route names, as the plan writes them. */
export const ESTIMATE_ROUTE_LABELS: Record<EstimateRoute, string> = { B1: 'B1-route', Z: 'Z-route', ONDERWIJS: 'Onderwijsroute' };
const routeLabel = (route: EstimateRoute) => ESTIMATE_ROUTE_LABELS[route];

/** A difference in percentage points with its sign: "+6,3" or "−5,0". */
export function pointsText(points: number | null): string {
  if (points === null) return '–';
  const text = formatPercentNl(Math.abs(points)).replace(/\s?%$/, '');
  return points > 0 ? `+${text}` : points < 0 ? `−${text}` : text;
}

/** One line: the actual share per route against the estimate, and the route that deviates most. */
export function routeDemandSummary(demand: RouteDemand): string {
  if (demand.totalClients === 0) return 'Er zijn nog geen inburgeraars met een PIP in de regio.';
  const shares = demand.rows
    .map((r) => `${routeLabel(r.route)} ${formatPercentNl(r.actualPercent ?? 0)}${r.estimatedPercent === null ? '' : ` (geschat ${r.estimatedPercent}%)`}`)
    .join(', ');
  const base = `Werkelijke vraag over ${demand.totalClients} inburgeraars met een PIP: ${shares}`;
  if (!demand.estimate) return `${base}; de regio heeft nog geen routeschatting.`;
  const largest = demand.rows.find((r) => r.route === demand.largestDeviation);
  if (!largest) return `${base}; precies volgens de schatting.`;
  return `${base}; de grootste afwijking is de ${routeLabel(largest.route)} (${pointsText(largest.differencePoints)} procentpunt).`;
}

/** Chart data: estimated and actual share per route. */
export function routeDemandChartData(demand: RouteDemand): { label: string; estimated: number; actual: number }[] {
  return demand.rows.map((r) => ({ label: routeLabel(r.route), estimated: r.estimatedPercent ?? 0, actual: r.actualPercent ?? 0 }));
}

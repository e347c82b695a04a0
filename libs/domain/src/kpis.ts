// KPI arithmetic for management reports, with small-group suppression (AVG data minimisation).
import { CalendarDate, addMonths, compareDates } from './calendar-date';
import { DEFAULT_MIN_REPORTABLE_COUNT, DEFAULT_START_WITHIN_MONTHS } from './policy-defaults';
import { EXPECTED_ROUTE_DISTRIBUTIONS, ROUTES, Route, RouteDistribution } from './routes';

/** Counts 1..minimum-1 are hidden (null) so no person can be identified; 0 and larger counts are shown (policy: AVG data minimisation). */
export function suppressSmallCounts(count: number, minimum = DEFAULT_MIN_REPORTABLE_COUNT): number | null {
  return count > 0 && count < minimum ? null : count;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

/** part/whole in percent with 1 decimal; null when whole is 0 or below `minimumGroupSize` (policy: small groups are not shown; pass 1 to disable). */
export function percentage(part: number, whole: number, minimumGroupSize = DEFAULT_MIN_REPORTABLE_COUNT): number | null {
  if (whole <= 0 || whole < minimumGroupSize) return null;
  return round1((part / whole) * 100);
}

/** KPI: the route started within `months` after housing (policy: Overbetuwe, 3 months, target 90%). Not started counts as no. */
export function startedWithinThreeMonths(housedOn: CalendarDate, startedOn: CalendarDate | null | undefined, months = DEFAULT_START_WITHIN_MONTHS): boolean {
  return !!startedOn && compareDates(startedOn, addMonths(housedOn, months)) <= 0;
}

export interface RouteDistributionRow {
  route: Route;
  count: number;
  /** Null when the total group is too small to show (see percentage). */
  actualPercent: number | null;
  expectedPercent: number;
  /** actual - expected in percentage points; null when actual is suppressed. */
  differencePoints: number | null;
}

/** Actual route distribution against an expected one (ministry 65/20/15 by default; policy: configurable per region). */
export function routeDistribution(
  counts: Readonly<Record<Route, number>>,
  expected: RouteDistribution = EXPECTED_ROUTE_DISTRIBUTIONS.MINISTRY,
  minimumGroupSize = DEFAULT_MIN_REPORTABLE_COUNT,
): { total: number; rows: RouteDistributionRow[] } {
  const total = ROUTES.reduce((sum, route) => sum + counts[route], 0);
  const rows = ROUTES.map((route) => {
    const actualPercent = percentage(counts[route], total, minimumGroupSize);
    return {
      route,
      count: counts[route],
      actualPercent,
      expectedPercent: expected[route],
      differencePoints: actualPercent === null ? null : round1(actualPercent - expected[route]),
    };
  });
  return { total, rows };
}

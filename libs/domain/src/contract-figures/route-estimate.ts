// A region's estimate of how its clients divide over the learning routes, and the comparison with actual demand.
// Source: Beleidsplan Voorschoten (seeds/001, "55% … B1-route, 20% voor de onderwijsroute en 25% voor de Z-route");
// DOMAIN §8 (Leidschendam-Voorburg, Voorschoten, Wassenaar: route estimate 55/20/25).
import { type RuleViolation, violation } from '../rule-violation';

export const ESTIMATE_ROUTES = ['B1', 'Z', 'ONDERWIJS'] as const;
export type EstimateRoute = (typeof ESTIMATE_ROUTES)[number];

export interface RouteEstimate {
  b1Percent: number;
  zPercent: number;
  onderwijsPercent: number;
}

/** The plan's estimate (Voorschoten): 55% B1-route, 25% Z-route, 20% Onderwijsroute. */
export const PLAN_ROUTE_ESTIMATE: RouteEstimate = { b1Percent: 55, zPercent: 25, onderwijsPercent: 20 };

const FIELD: Record<EstimateRoute, keyof RouteEstimate> = { B1: 'b1Percent', Z: 'zPercent', ONDERWIJS: 'onderwijsPercent' };
const LABEL: Record<EstimateRoute, string> = { B1: 'B1-route', Z: 'Z-route', ONDERWIJS: 'Onderwijsroute' };

/** Whole percentages from 0 to 100 per route that add up to exactly 100 (an estimate of the whole intake). */
export function checkRouteEstimate(estimate: RouteEstimate): RuleViolation[] {
  const problems: RuleViolation[] = [];
  for (const route of ESTIMATE_ROUTES) {
    const value = estimate[FIELD[route]];
    if (!Number.isInteger(value) || value < 0 || value > 100) {
      problems.push(violation(FIELD[route], 'ESTIMATE_PERCENT_OUT_OF_RANGE', `Vul voor de ${LABEL[route]} een heel percentage van 0 tot en met 100 in.`));
    }
  }
  if (problems.length > 0) return problems;
  const sum = estimate.b1Percent + estimate.zPercent + estimate.onderwijsPercent;
  if (sum !== 100) {
    problems.push(violation('b1Percent', 'ESTIMATE_NOT_100', `De percentages van B1-route, Z-route en Onderwijsroute tellen op tot ${sum}%; samen moeten ze precies 100% zijn.`));
  }
  return problems;
}

export interface RouteDemandRow {
  route: EstimateRoute;
  estimatedPercent: number;
  /** The estimate applied to the actual number of clients, rounded to whole clients. */
  expectedClients: number;
  actualClients: number;
  /** Actual share in percent, 1 decimal; null without clients. */
  actualPercent: number | null;
  /** Actual minus estimated share in percentage points, 1 decimal; null without clients. */
  differencePoints: number | null;
}

export interface RouteDemandComparison {
  totalClients: number;
  rows: RouteDemandRow[];
  /** The route whose actual share differs most from the estimate (null without clients or when all match). */
  largestDeviation: EstimateRoute | null;
}

const round1 = (value: number) => Math.round(value * 10) / 10;

/** Actual demand per route (clients with that route in their PIP) against the region's estimate. */
export function compareRouteDemand(estimate: RouteEstimate, actual: Record<EstimateRoute, number>): RouteDemandComparison {
  const totalClients = ESTIMATE_ROUTES.reduce((sum, route) => sum + actual[route], 0);
  const rows = ESTIMATE_ROUTES.map((route): RouteDemandRow => {
    const estimatedPercent = estimate[FIELD[route]];
    const actualPercent = totalClients > 0 ? round1((actual[route] / totalClients) * 100) : null;
    return {
      route, estimatedPercent, expectedClients: Math.round((estimatedPercent / 100) * totalClients), actualClients: actual[route], actualPercent,
      differencePoints: actualPercent === null ? null : round1(actualPercent - estimatedPercent),
    };
  });
  const deviating = rows.filter((r) => r.differencePoints !== null && r.differencePoints !== 0);
  const largest = deviating.sort((a, b) => Math.abs(b.differencePoints ?? 0) - Math.abs(a.differencePoints ?? 0))[0];
  return { totalClients, rows: ESTIMATE_ROUTES.map((route) => rows.find((r) => r.route === route)!), largestDeviation: largest?.route ?? null };
}

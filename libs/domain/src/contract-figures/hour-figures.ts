// Hour figures: planned and attended hours, the attendance rate and the hours against the route norm
// (DOMAIN §5: attendance rate; hours delivered against the norms; §3 for the norms).
import { A2_EXAM_MIN_LANGUAGE_MINUTES, Z_ROUTE_COURSE_MINUTES } from '../law-numbers';
import type { Route } from '../routes';

/** Onderwijsroute: about 1,000 hours of language (DOMAIN §3, policy). */
export const DEFAULT_ONDERWIJS_LANGUAGE_MINUTES = 1000 * 60;

/**
 * Hours of education a client of a route is expected to get, the yardstick for "hours against the route norm":
 * B1 the 600 hours after which an A2 exam on parts is allowed (Besluit inburgering 2021), Z the 800 course hours
 * (Besluit art. 3.14), Onderwijsroute about 1,000 language hours (policy).
 */
export function routeHourNormMinutes(route: Route, onderwijsMinutes = DEFAULT_ONDERWIJS_LANGUAGE_MINUTES): number {
  if (route === 'B1') return A2_EXAM_MIN_LANGUAGE_MINUTES;
  if (route === 'Z') return Z_ROUTE_COURSE_MINUTES;
  return onderwijsMinutes;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export interface HourFiguresInput {
  plannedMinutes: number;
  attendedMinutes: number;
  /** Clients with at least one hour registration in the period. */
  clients: number;
  route: Route | null;
}

export interface HourFigures {
  plannedMinutes: number;
  attendedMinutes: number;
  /** Attended / planned in percent, 1 decimal; null when nothing was planned. */
  attendancePercent: number | null;
  /** Attended minutes per client (rounded to whole minutes); null without clients. */
  attendedMinutesPerClient: number | null;
  /** Attended hours per client as a share of the route norm in percent, 1 decimal; null without a route or clients. */
  routeNormPercent: number | null;
}

/** Hour figures of a group of clients (attendance as in hour-rules.attendanceRate, the norm from routeHourNormMinutes). */
export function hourFigures({ plannedMinutes, attendedMinutes, clients, route }: HourFiguresInput): HourFigures {
  const perClient = clients > 0 ? Math.round(attendedMinutes / clients) : null;
  return {
    plannedMinutes,
    attendedMinutes,
    attendancePercent: plannedMinutes > 0 ? round1((attendedMinutes / plannedMinutes) * 100) : null,
    attendedMinutesPerClient: perClient,
    routeNormPercent: perClient === null || route === null ? null : round1((perClient / routeHourNormMinutes(route)) * 100),
  };
}

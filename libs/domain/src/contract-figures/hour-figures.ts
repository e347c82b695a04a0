// Hour figures: planned and attended hours, the attendance rate and the hours against the route norm and the PIP
// (DOMAIN §5: attendance rate; hours delivered against the norms; §3 for the norms; §2 the PIP's hours per week).
import { type CalendarDate, daysBetween } from '../calendar-date';
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
  /** Of the placements with hours whose client's PIP sets hours per week: their attended minutes and the minutes their PIPs planned (pipPlannedMinutes). */
  pip?: { attendedMinutes: number; plannedMinutes: number };
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
  /** Attended hours as a share of the hours the PIPs planned, in percent, 1 decimal; null when no PIP set hours per week. */
  pipPercent: number | null;
}

/**
 * The whole weeks a placement was running within a window (inclusive days from the later of its start and the window's
 * first day to the earliest of its end, the window's last day and today, divided by 7 and rounded down); 0 before its
 * start. The hours a PIP planned there are its hours per week times these weeks (as routeProgress counts PIP weeks).
 */
export function pipLessonWeeks(startDate: CalendarDate, endedOn: CalendarDate | null, window: { from: CalendarDate; to: CalendarDate } | null, today: CalendarDate): number {
  const from = window && window.from > startDate ? window.from : startDate;
  const until = [endedOn, window?.to ?? null, today].filter((d): d is CalendarDate => d !== null).reduce((a, b) => (a < b ? a : b));
  return until < from ? 0 : Math.floor((daysBetween(from, until) + 1) / 7);
}

/** Minutes a PIP planned over a number of lesson weeks (pipLessonWeeks). */
export function pipPlannedMinutes(pipMinutesPerWeek: number, weeks: number): number {
  return pipMinutesPerWeek > 0 && weeks > 0 ? pipMinutesPerWeek * weeks : 0;
}

/** Hour figures of a group of clients (attendance as in hour-rules.attendanceRate, the norm from routeHourNormMinutes, the PIP's hours from pipPlannedMinutes). */
export function hourFigures({ plannedMinutes, attendedMinutes, clients, route, pip }: HourFiguresInput): HourFigures {
  const perClient = clients > 0 ? Math.round(attendedMinutes / clients) : null;
  return {
    plannedMinutes,
    attendedMinutes,
    attendancePercent: plannedMinutes > 0 ? round1((attendedMinutes / plannedMinutes) * 100) : null,
    attendedMinutesPerClient: perClient,
    routeNormPercent: perClient === null || route === null ? null : round1((perClient / routeHourNormMinutes(route)) * 100),
    pipPercent: pip && pip.plannedMinutes > 0 ? round1((pip.attendedMinutes / pip.plannedMinutes) * 100) : null,
  };
}

// Progress of one client against the hour norms of the route and the PIP (DOMAIN brief §3 and §5).
import { attendanceRate } from './hour-rules';
import { HourTotals } from './hour-registration';
import { A2_EXAM_MIN_LANGUAGE_MINUTES, Z_ROUTE_COURSE_MINUTES, Z_ROUTE_PARTICIPATION_MINUTES } from './law-numbers';
import { Route, TargetGroup } from './routes';

export interface HourNormProgress {
  /** Z_COURSE, Z_PARTICIPATION, A2_THRESHOLD or PIP_PLANNED. */
  code: string;
  label: string;
  requiredMinutes: number;
  achievedMinutes: number;
  /** Share achieved in whole percent, capped at 100. */
  percent: number;
  met: boolean;
}

export interface RouteProgressInput {
  route: Route | null;
  targetGroup: TargetGroup;
  totals: HourTotals;
  /** PIP hours per week (minutes) and the number of lesson weeks so far, for the expected hours to date. */
  pipMinutesPerWeek?: number | null;
  weeksSinceStart?: number;
}

export interface RouteProgress {
  norms: HourNormProgress[];
  /** Attended against planned, in percent with 1 decimal; null when nothing was planned. */
  attendancePercent: number | null;
}

function norm(code: string, label: string, requiredMinutes: number, achievedMinutes: number): HourNormProgress {
  const percent = requiredMinutes > 0 ? Math.min(100, Math.floor((achievedMinutes / requiredMinutes) * 100)) : 100;
  return { code, label, requiredMinutes, achievedMinutes, percent, met: achievedMinutes >= requiredMinutes };
}

/** The norms that apply to the client's route, each with what has been attended so far. */
export function routeProgress({ route, targetGroup, totals, pipMinutesPerWeek, weeksSinceStart }: RouteProgressInput): RouteProgress {
  const norms: HourNormProgress[] = [];
  if (route === 'Z') {
    norms.push(norm('Z_COURSE', 'Cursusuren (taal en KNM, Z-route)', Z_ROUTE_COURSE_MINUTES, totals.courseMinutes));
    if (targetGroup === 'STATUS_HOLDER') {
      norms.push(norm('Z_PARTICIPATION', 'Participatie-uren (incl. PVT en MAP, Z-route)', Z_ROUTE_PARTICIPATION_MINUTES, totals.participationMinutes));
    }
  }
  if (route === 'B1') {
    norms.push(norm('A2_THRESHOLD', 'Taaluren voor examen op A2 (600 uur)', A2_EXAM_MIN_LANGUAGE_MINUTES, totals.languageMinutes));
  }
  if (pipMinutesPerWeek && pipMinutesPerWeek > 0 && weeksSinceStart !== undefined && weeksSinceStart > 0) {
    norms.push(norm('PIP_PLANNED', 'Uren volgens het PIP tot nu toe', pipMinutesPerWeek * weeksSinceStart, totals.attendedMinutes));
  }
  const rate = attendanceRate(totals.plannedMinutes, totals.attendedMinutes);
  return { norms, attendancePercent: rate === null ? null : Math.round(rate * 10) / 10 };
}

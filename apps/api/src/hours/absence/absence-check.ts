import {
  addWeeks, calendarDateInAmsterdam, DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT, DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT, DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS,
  detectConsecutiveUnexcusedAbsences, detectLowAttendance, formatDateNl, formatPercentNl, type AbsenceReason,
} from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { raiseSignals, type NewSignal } from '../../signals/raise-signal';

/** How far back the rules look: long enough for any window a municipality configures. */
const LOOKBACK_WEEKS = 26;

interface PlacementRuleRow {
  id: string;
  client_id: string;
  municipality_id: string;
  municipality_name: string;
  provider_id: string;
  provider_name: string;
  client_number: number;
  first_name: string;
  last_name: string;
  low_attendance_percent: number | null;
  window_weeks: number | null;
  consecutive_unexcused: number | null;
}

interface DayRow {
  placement_id: string;
  lesson_date: string;
  planned: number;
  attended: number;
  reason: AbsenceReason | null;
}

/**
 * Checks the absence rules of each placement's municipality (its own absence_rule or the defaults) over the current hours,
 * and raises each occurrence once: to the municipality of the client, and to the provider so it sees the signal was raised.
 */
export async function checkAbsence(manager: EntityManager, providerId: string, placementIds: string[]): Promise<number> {
  const placements: PlacementRuleRow[] = await manager.query(
    `SELECT p.id, p.client_id, p.municipality_id, m.name AS municipality_name, p.provider_id, pr.name AS provider_name,
            c.client_number, c.first_name, c.last_name, ar.low_attendance_percent, ar.window_weeks, ar.consecutive_unexcused
       FROM placement p JOIN client c ON c.id = p.client_id JOIN organisation m ON m.id = p.municipality_id JOIN organisation pr ON pr.id = p.provider_id
       LEFT JOIN absence_rule ar ON ar.municipality_id = p.municipality_id
      WHERE p.provider_id = $1 AND p.id = ANY($2::uuid[])`,
    [providerId, placementIds],
  );
  if (placements.length === 0) return 0;
  const from = addWeeks(calendarDateInAmsterdam(new Date()), -LOOKBACK_WEEKS);
  // Per lesson day: planned and attended over all categories; a day counts as unexcused when hours were missed unexcused.
  const days: DayRow[] = await manager.query(
    `SELECT placement_id, lesson_date, sum(planned_minutes)::int AS planned, sum(attended_minutes)::int AS attended,
            CASE WHEN sum(attended_minutes) >= sum(planned_minutes) THEN NULL
                 WHEN bool_or(absence_reason = 'UNEXCUSED') THEN 'UNEXCUSED'
                 ELSE min(absence_reason) END AS reason
       FROM (SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM hour_entry
              WHERE placement_id = ANY($1::uuid[]) AND lesson_date >= $2 ORDER BY placement_id, lesson_date, category, revision DESC) cur
      GROUP BY placement_id, lesson_date`,
    [placements.map((p) => p.id), from],
  );
  const byPlacement = new Map<string, DayRow[]>();
  for (const day of days) byPlacement.set(day.placement_id, [...(byPlacement.get(day.placement_id) ?? []), day]);

  const signals: NewSignal[] = [];
  for (const placement of placements) {
    const placementDays = byPlacement.get(placement.id) ?? [];
    const who = `${placement.first_name} ${placement.last_name} (klantnummer ${placement.client_number})`;
    const raise = (kind: string, occurrenceKey: string, whatHappened: string): void => {
      const common = { kind, subjectType: 'client', subjectId: placement.client_id, occurrenceKey: `${placement.id}:${occurrenceKey}` };
      signals.push({ ...common, organisationId: placement.municipality_id, message: `${who} bij ${placement.provider_name}: ${whatHappened}` });
      signals.push({ ...common, organisationId: placement.provider_id, message: `Verzuimsignaal aan ${placement.municipality_name} over ${who}: ${whatHappened}` });
    };
    const series = detectConsecutiveUnexcusedAbsences(
      placementDays.map((d) => ({ date: d.lesson_date, absence: d.reason })),
      { count: placement.consecutive_unexcused ?? DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT },
    );
    for (const run of series) {
      raise('ABSENCE_UNEXCUSED_SERIES', run.occurrenceKey,
        `${run.count} lesdagen achter elkaar ongeoorloofd afwezig (${formatDateNl(run.firstDate)} t/m ${formatDateNl(run.lastDate)}).`);
    }
    const threshold = placement.low_attendance_percent ?? DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT;
    const windowWeeks = placement.window_weeks ?? DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS;
    const low = detectLowAttendance(
      placementDays.map((d) => ({ weekStart: d.lesson_date, plannedMinutes: d.planned, attendedMinutes: d.attended })),
      { thresholdPercent: threshold, windowWeeks },
    );
    for (const occurrence of low) {
      raise('ABSENCE_LOW_ATTENDANCE', occurrence.occurrenceKey,
        `aanwezigheid ${formatPercentNl(occurrence.lowestPercent)} over ${windowWeeks} weken, onder de norm van ${threshold}% (vanaf de week van ${formatDateNl(occurrence.firstWindowStart)}).`);
    }
  }
  return raiseSignals(manager, signals);
}

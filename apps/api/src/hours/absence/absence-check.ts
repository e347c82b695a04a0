import {
  addWeeks, DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT, DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT, DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS,
  detectConsecutiveUnexcusedAbsences, detectLowAttendance, formatDateNl, formatPercentNl, type CalendarDate,
} from '@inburgering/domain';
import { In, type EntityManager } from 'typeorm';
import { AbsenceRuleEntity, PlacementEntity } from '../../database';
import type { ProviderId } from '../../tenancy';
import { lessonDayTotals, type LessonDayTotals } from '../hour-entry.repository';
import { raiseSignals, type NewSignal } from '../../signals';

/** How far back the rules look: long enough for any window a municipality configures. */
const LOOKBACK_WEEKS = 26;

/**
 * Checks the absence rules of each placement's municipality (its own absence_rule or the defaults) over the current hours,
 * and raises each occurrence once: to the municipality of the client, and to the provider so it sees the signal was raised.
 */
export async function checkAbsence(manager: EntityManager, providerId: ProviderId, placementIds: readonly string[], today: CalendarDate): Promise<number> {
  if (placementIds.length === 0) return 0;
  const placements = await manager.getRepository(PlacementEntity).createQueryBuilder('p')
    .innerJoin('p.client', 'c')
    .innerJoin('p.municipality', 'm')
    .innerJoin('p.provider', 'pr')
    .select(['p.id', 'p.clientId', 'p.municipalityId', 'p.providerId', 'c.id', 'c.clientNumber', 'm.id', 'm.name', 'pr.id', 'pr.name'])
    .where('p.providerId = :providerId', { providerId })
    .andWhere('p.id IN (:...placementIds)', { placementIds: [...placementIds] })
    .getMany();
  if (placements.length === 0) return 0;
  const rules = new Map((await manager.getRepository(AbsenceRuleEntity).findBy({ municipalityId: In([...new Set(placements.map((p) => p.municipalityId))]) }))
    .map((rule) => [rule.municipalityId, rule]));
  const days = await lessonDayTotals(manager, placements.map((p) => p.id), addWeeks(today, -LOOKBACK_WEEKS));
  const byPlacement = new Map<string, LessonDayTotals[]>();
  for (const day of days) {
    const list = byPlacement.get(day.placementId);
    if (list) list.push(day);
    else byPlacement.set(day.placementId, [day]);
  }

  const signals: NewSignal[] = [];
  for (const placement of placements) {
    const placementDays = byPlacement.get(placement.id) ?? [];
    const rule = rules.get(placement.municipalityId);
    // No name in the text (issue 14): a signal is kept as free text that cannot be minimised or purged; the client
    // number and the link to the client are enough for those allowed to open the client.
    const who = `Klantnummer ${placement.client!.clientNumber}`;
    const municipalityName = placement.municipality!.name;
    const providerName = placement.provider!.name;
    const raise = (kind: string, occurrenceKey: string, whatHappened: string): void => {
      const common = { kind, subjectType: 'client', subjectId: placement.clientId, occurrenceKey: `${placement.id}:${occurrenceKey}` };
      signals.push({ ...common, organisationId: placement.municipalityId, message: `${who} bij ${providerName}: ${whatHappened}` });
      signals.push({ ...common, organisationId: placement.providerId, message: `Verzuimsignaal aan ${municipalityName} over ${who}: ${whatHappened}` });
    };
    const series = detectConsecutiveUnexcusedAbsences(
      placementDays.map((d) => ({ date: d.lessonDate, absence: d.reason })),
      { count: rule?.consecutiveUnexcused ?? DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT },
    );
    for (const run of series) {
      raise('ABSENCE_UNEXCUSED_SERIES', run.occurrenceKey,
        `${run.count} lesdagen achter elkaar ongeoorloofd afwezig (${formatDateNl(run.firstDate)} t/m ${formatDateNl(run.lastDate)}).`);
    }
    const threshold = rule?.lowAttendancePercent ?? DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT;
    const windowWeeks = rule?.windowWeeks ?? DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS;
    const low = detectLowAttendance(
      placementDays.map((d) => ({ weekStart: d.lessonDate, plannedMinutes: d.planned, attendedMinutes: d.attended })),
      { thresholdPercent: threshold, windowWeeks },
    );
    for (const occurrence of low) {
      raise('ABSENCE_LOW_ATTENDANCE', occurrence.occurrenceKey,
        `aanwezigheid ${formatPercentNl(occurrence.lowestPercent)} over ${windowWeeks} weken, onder de norm van ${threshold}% (vanaf de week van ${formatDateNl(occurrence.firstWindowStart)}).`);
    }
  }
  return raiseSignals(manager, signals);
}

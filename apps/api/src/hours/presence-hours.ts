import { checkHourRegistration, checkPeriodOpenForEntry, periodMonthOf, type CalendarDate, type RuleViolation } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { throwIfViolations } from '../common';
import { PlacementEntity } from '../database';
import { enqueueInOutbox } from '../outbox';
import type { Actor, ProviderId } from '../tenancy';
import { HOUR_PLACEMENT_SELECT, routeOf } from './hour-entries';
import { PRESENCE_LIST_SOURCE, upsertCells, type CellWrite } from './hour-entry.repository';
import { lockPeriodsForEntry, periodKey } from './period-status-lookup';

/**
 * Writes the day totals of closed presence lists into the hour registration, through the grid's own write path
 * (upsertCells, marked PRESENCE_LIST), with the grid's rules (checkHourRegistration, an open month), and enqueues the
 * absence check in the same transaction so a signal follows within a minute. The caller checked access and holds the lock.
 */
export async function writePresenceHours(
  manager: EntityManager, providerId: ProviderId, by: Pick<Actor, 'userId' | 'requestId'>, cells: readonly CellWrite[], today: CalendarDate,
  options: { checkAbsence?: boolean } = {},
): Promise<void> {
  if (cells.length === 0) return;
  const ids = [...new Set(cells.map((c) => c.placementId))];
  const placements = new Map((await manager.getRepository(PlacementEntity).createQueryBuilder('p')
    .select(HOUR_PLACEMENT_SELECT).where('p.providerId = :providerId', { providerId }).andWhere('p.id IN (:...ids)', { ids }).getMany()).map((p) => [p.id, p]));
  const periods = await lockPeriodsForEntry(manager, providerId, cells.filter((c) => placements.has(c.placementId))
    .map((c) => ({ municipalityId: placements.get(c.placementId)!.municipalityId, month: periodMonthOf(c.date) })));
  const violations: RuleViolation[] = cells.flatMap((cell) => {
    const placement = placements.get(cell.placementId);
    if (!placement) return [];
    const status = periods.get(periodKey(placement.municipalityId, periodMonthOf(cell.date))) ?? 'OPEN';
    return [
      ...checkPeriodOpenForEntry(status, periodMonthOf(cell.date)),
      ...checkHourRegistration({
        date: cell.date, category: cell.category, route: routeOf(placement), plannedMinutes: cell.plannedMinutes, attendedMinutes: cell.attendedMinutes,
        absenceReason: cell.absenceReason, today, placementStart: placement.startDate, placementEnd: placement.endedOn,
      }),
    ];
  });
  throwIfViolations(violations);
  await upsertCells(manager, cells.filter((c) => placements.has(c.placementId)), by.userId, null, PRESENCE_LIST_SOURCE);
  // The demo seed writes history, not a live close: like the rest of the seeded hours it leaves no job behind.
  if (options.checkAbsence ?? true) await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds: ids }, by);
}

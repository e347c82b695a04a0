import { dueSoonFrom, type CalendarDate, type DeadlineKind, type DeadlineStatus } from '@inburgering/domain';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { ClientEntity } from '../database';
import type { MunicipalityId } from '../tenancy';
import { deadlinesOf } from './client-row';
import { clientsRepository } from './clients.repository';

const BATCH = 2_000;
const NO_STATE = { placementStatus: null } as const;

/**
 * The stored deadlines (client_deadline) of the caseload: re-derived by the domain rules for the clients a trigger marked
 * stale, and read in SQL for the caseload's deadline filters and its urgency order.
 */
export const clientDeadlinesRepository = {
  /**
   * Re-derives the stored deadlines of the municipalities' stale clients (new clients, changed dates, group, route or level,
   * changed results), in batches, each in a transaction that locks the clients it re-derives, so a change committed
   * meanwhile marks the client stale again after this and is never lost. Nothing to do (one index lookup) when none is stale.
   */
  async refreshStale(db: DataSource, municipalityIds: readonly MunicipalityId[], today: CalendarDate): Promise<void> {
    if (municipalityIds.length === 0) return;
    for (;;) {
      const done = await db.transaction(async (manager) => {
        const clients = await manager
          .getRepository(ClientEntity)
          .createQueryBuilder('c')
          .where('c.municipalityId IN (:...municipalityIds) AND c.deadlines_stale', { municipalityIds: [...municipalityIds] })
          .orderBy('c.id')
          .take(BATCH)
          .setLock('pessimistic_write')
          .getMany();
        if (clients.length > 0) await writeDeadlines(manager, clients, today);
        return clients.length < BATCH;
      });
      if (done) return;
    }
  },
};

/** Replaces the stored deadlines of these clients with what the domain rules derive now, and clears their stale mark. */
async function writeDeadlines(manager: EntityManager, clients: readonly ClientEntity[], today: CalendarDate): Promise<void> {
  const completions = await clientsRepository.completions(manager, clients);
  const rows = clients.flatMap((client) =>
    deadlinesOf({ client, ...NO_STATE, completion: completions.get(client.id)! }, today).map((d) => ({
      clientId: client.id,
      kind: d.kind,
      deadline: d.deadline,
      // Fulfilled statuses do not change with the day; open ones are derived from the dates on the day of reading.
      fulfilled: d.status === 'MET' || d.status === 'MET_LATE' ? d.status : null,
      dueSoonFrom: dueSoonFrom(d.deadline),
    })),
  );
  const ids = clients.map((c) => c.id);
  await manager.query(`DELETE FROM client_deadline WHERE client_id = ANY ($1::uuid[])`, [ids]);
  await manager.query(
    `INSERT INTO client_deadline (client_id, kind, deadline, fulfilled, due_soon_from)
     SELECT * FROM unnest($1::uuid[], $2::text[], $3::date[], $4::text[], $5::date[])`,
    [rows.map((r) => r.clientId), rows.map((r) => r.kind), rows.map((r) => r.deadline), rows.map((r) => r.fulfilled), rows.map((r) => r.dueSoonFrom)],
  );
  // With the urgency order's two dates (orderByUrgency), from the rows just written.
  await manager.query(
    `UPDATE client c SET deadlines_stale = false, next_deadline = d.next_deadline, route_switch_deadline = d.route_switch_deadline
       FROM (SELECT i.id, min(u.deadline) FILTER (WHERE u.kind <> 'ROUTE_SWITCH') AS next_deadline,
                    min(u.deadline) FILTER (WHERE u.kind = 'ROUTE_SWITCH') AS route_switch_deadline
               FROM unnest($1::uuid[]) AS i(id) LEFT JOIN client_deadline u ON u.client_id = i.id AND u.fulfilled IS NULL
              GROUP BY i.id) d
      WHERE c.id = d.id`,
    [ids],
  );
}

/**
 * A deadline's status on :today from its stored dates, as `deadlineStatusOn` in libs/domain derives it: the fulfilled status
 * once fulfilled, OVERDUE after the deadline, DUE_SOON from the first due-soon day, ON_TIME before.
 */
const STATUS = (d: string) =>
  `coalesce(${d}.fulfilled, CASE WHEN ${d}.deadline < :today THEN 'OVERDUE' WHEN ${d}.due_soon_from <= :today THEN 'DUE_SOON' ELSE 'ON_TIME' END)`;

/**
 * Narrows a caseload query (alias c) to clients with a deadline of `kind` in `status` (`hasDeadline`: without a kind, any
 * deadline but the route-switch window).
 */
export function whereHasDeadline<T extends object>(query: SelectQueryBuilder<T>, kind: DeadlineKind | null, status: DeadlineStatus | null, today: CalendarDate): SelectQueryBuilder<T> {
  const conditions = ['d.client_id = c.id', kind === null ? `d.kind <> 'ROUTE_SWITCH'` : 'd.kind = :deadlineKind'];
  if (status !== null) conditions.push(`${STATUS('d')} = :deadlineStatus`);
  return query.andWhere(`EXISTS (SELECT 1 FROM client_deadline d WHERE ${conditions.join(' AND ')})`, { deadlineKind: kind, deadlineStatus: status, today });
}

/**
 * Orders a caseload query (alias c) by urgency, as sorting by `mostUrgentDeadline` (status, then date) does: an open
 * deadline's status only rises as its date comes nearer, so that order is the order of the earliest open deadline, a
 * closed route-switch window left out; clients without one last; ties in the name order the query already has.
 */
export function orderByUrgency<T extends object>(query: SelectQueryBuilder<T>, today: CalendarDate): SelectQueryBuilder<T> {
  const names = query.expressionMap.orderBys;
  query
    .addSelect(
      // The stored earliest open deadline (writeDeadlines), or the route-switch deadline while its window is open (LEAST skips NULLs).
      `LEAST(c.next_deadline, CASE WHEN c.route_switch_deadline >= :today THEN c.route_switch_deadline END)`,
      'urgent_deadline',
    )
    .setParameter('today', today)
    .orderBy('urgent_deadline', 'ASC', 'NULLS LAST');
  for (const [sort, order] of Object.entries(names)) query.addOrderBy(sort, typeof order === 'string' ? order : order.order, typeof order === 'string' ? undefined : order.nulls);
  return query;
}

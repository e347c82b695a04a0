import { sumHours, type HourCategory, type HourTotals } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';

export interface PlacementCategoryMinutes {
  placement_id: string;
  category: HourCategory;
  planned: number;
  attended: number;
}

/** Current hours (highest revision) of one client per placement and category, over all providers. */
export async function clientHours(manager: Pick<EntityManager, 'query'>, clientId: string): Promise<{ rows: PlacementCategoryMinutes[]; totals: HourTotals }> {
  const rows: PlacementCategoryMinutes[] = await manager.query(
    `SELECT placement_id, category, sum(planned_minutes)::int AS planned, sum(attended_minutes)::int AS attended
       FROM (SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM hour_entry WHERE client_id = $1
              ORDER BY placement_id, lesson_date, category, revision DESC) cur
      GROUP BY placement_id, category ORDER BY placement_id, category`,
    [clientId],
  );
  return { rows, totals: sumHours(rows.map((r) => ({ category: r.category, plannedMinutes: r.planned, attendedMinutes: r.attended }))) };
}

import { addDays, type CalendarDate } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { checkAbsence } from '../hours';
import type { ProviderId } from '../tenancy';

const WEEKS = 6;

/**
 * Demo hours: the last 6 weeks of every started placement (language 3 hours a day; Z-route also participation on
 * Tuesday and Thursday), with a few sick and excused days, and one New Bees client in Arnhem with three unexcused
 * absences in a row (and its signal). Set-based: one INSERT for all placements.
 */
export async function seedHours(manager: EntityManager, today: CalendarDate): Promise<number> {
  const from = addDays(today, -7 * WEEKS);
  const inserted: { count: string }[] = await manager.query(
    `WITH days AS (
       SELECT p.id AS placement_id, p.client_id, p.provider_id, p.municipality_id, p.route, d::date AS lesson_date,
              abs(hashtext(p.id::text || d::date::text)) % 100 AS roll
         FROM placement p CROSS JOIN generate_series($1::date, $2::date - 1, interval '1 day') d
        WHERE p.status = 'STARTED' AND p.start_date IS NOT NULL AND d::date >= p.start_date AND extract(isodow FROM d) < 6
     ), rows AS (
       SELECT placement_id, client_id, provider_id, municipality_id, lesson_date, 'LANGUAGE' AS category, 180 AS planned,
              CASE WHEN roll < 6 THEN 0 WHEN roll < 9 THEN 90 ELSE 180 END AS attended,
              CASE WHEN roll < 6 THEN 'SICK' WHEN roll < 9 THEN 'EXCUSED' END AS reason
         FROM days
       UNION ALL
       SELECT placement_id, client_id, provider_id, municipality_id, lesson_date, 'PARTICIPATION', 120, 120, NULL
         FROM days WHERE route = 'Z' AND extract(isodow FROM lesson_date) IN (2, 4)
     ), ins AS (
       INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason)
       SELECT * FROM rows RETURNING 1
     )
     SELECT count(*) FROM ins`,
    [from, today],
  );
  const [absent]: { placement_id: string; provider_id: string }[] = await manager.query(
    `SELECT p.id AS placement_id, p.provider_id FROM placement p JOIN client c ON c.id = p.client_id
       JOIN organisation pr ON pr.id = p.provider_id JOIN organisation m ON m.id = p.municipality_id
      WHERE p.status = 'STARTED' AND pr.name = 'New Bees' AND m.cbs_code = 'GM0202'
        AND EXISTS (SELECT 1 FROM hour_entry h WHERE h.placement_id = p.id)
      ORDER BY c.client_number LIMIT 1`,
  );
  if (absent) {
    await manager.query(
      `UPDATE hour_entry SET attended_minutes = 0, absence_reason = 'UNEXCUSED'
        WHERE id IN (SELECT id FROM hour_entry WHERE placement_id = $1 AND category = 'LANGUAGE' ORDER BY lesson_date DESC LIMIT 3)`,
      [absent.placement_id],
    );
    await checkAbsence(manager, absent.provider_id as ProviderId, [absent.placement_id], today);
  }
  return Number(inserted[0].count);
}

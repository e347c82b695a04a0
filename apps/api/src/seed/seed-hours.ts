import { addDays, type AbsenceReason, type CalendarDate, type HourCategory, type PlacementStatus, type Route } from '@inburgering/domain';
import { In, type EntityManager } from 'typeorm';
import { HourEntryEntity, PlacementEntity } from '../database';
import { checkAbsence } from '../hours';
import type { ProviderId } from '../tenancy';

const WEEKS = 6;

/**
 * Demo hours: the last 6 weeks of every started placement (language 3 hours a day; Z-route also participation on
 * Tuesday and Thursday), with a few sick and excused days, and one New Bees client in Arnhem with three unexcused
 * absences in a row (and its signal). Set-based: one INSERT for all placements.
 */
/** The aggregate the set-based hours insert answers: how many rows it wrote. */
interface InsertedHours {
  inserted: number;
}

const STARTED: PlacementStatus = 'STARTED';
const Z_ROUTE: Route = 'Z';
const LANGUAGE: HourCategory = 'LANGUAGE';
const PARTICIPATION: HourCategory = 'PARTICIPATION';
const SICK: AbsenceReason = 'SICK';
const EXCUSED: AbsenceReason = 'EXCUSED';
const UNEXCUSED: AbsenceReason = 'UNEXCUSED';

export async function seedHours(manager: EntityManager, today: CalendarDate): Promise<number> {
  const from = addDays(today, -7 * WEEKS);
  // Stays SQL: INSERT ... SELECT over generate_series (every lesson day of every started placement) has no
  // query-builder equivalent, and one statement keeps it set-based.
  const [{ inserted }] = await manager.query<InsertedHours[]>(
    `WITH days AS (
       SELECT p.id AS placement_id, p.client_id, p.provider_id, p.municipality_id, p.route, d::date AS lesson_date,
              -- From the client's number and municipality, not the (random) placement id: the same absences on every seed.
              abs(hashtext(m.cbs_code || c.client_number::text || p.kind || d::date::text)) % 100 AS roll
         FROM placement p JOIN client c ON c.id = p.client_id JOIN organisation m ON m.id = p.municipality_id
        CROSS JOIN generate_series($1::date, $2::date - 1, interval '1 day') d
        WHERE p.status = $3 AND p.start_date IS NOT NULL AND d::date >= p.start_date AND extract(isodow FROM d) < 6
     ), rows AS (
       SELECT placement_id, client_id, provider_id, municipality_id, lesson_date, $5::text AS category, 180 AS planned,
              CASE WHEN roll < 6 THEN 0 WHEN roll < 9 THEN 90 ELSE 180 END AS attended,
              CASE WHEN roll < 6 THEN $7::text WHEN roll < 9 THEN $8::text END AS reason
         FROM days
       UNION ALL
       SELECT placement_id, client_id, provider_id, municipality_id, lesson_date, $6::text, 120, 120, NULL
         FROM days WHERE route = $4 AND extract(isodow FROM lesson_date) IN (2, 4)
     ), ins AS (
       INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason)
       SELECT * FROM rows RETURNING 1
     )
     SELECT count(*)::int AS inserted FROM ins`,
    [from, today, STARTED, Z_ROUTE, LANGUAGE, PARTICIPATION, SICK, EXCUSED],
  );
  // The New Bees client in Arnhem with the lowest client number among those with hours.
  const absent = await manager
    .getRepository(PlacementEntity)
    .createQueryBuilder('p')
    .innerJoin('p.client', 'c')
    .innerJoin('p.provider', 'pr')
    .innerJoin('p.municipality', 'm')
    .select(['p.id', 'p.providerId'])
    .where('p.status = :status', { status: STARTED })
    .andWhere('pr.name = :provider', { provider: 'New Bees' })
    .andWhere('m.cbsCode = :cbsCode', { cbsCode: 'GM0202' })
    .andWhere((qb) => `EXISTS ${qb.subQuery().select('1').from(HourEntryEntity, 'h').where('h.placement_id = p.id').getQuery()}`)
    .orderBy('c.clientNumber')
    .limit(1)
    .getOne();
  if (absent) {
    const hours = manager.getRepository(HourEntryEntity);
    const lastLessons = await hours.find({ select: { id: true }, where: { placementId: absent.id, category: LANGUAGE }, order: { lessonDate: 'DESC' }, take: 3 });
    if (lastLessons.length > 0) await hours.update({ id: In(lastLessons.map((h) => h.id)) }, { attendedMinutes: 0, absenceReason: UNEXCUSED });
    await checkAbsence(manager, absent.providerId as ProviderId, [absent.id], today);
  }
  return inserted;
}

import { calendarDateInAmsterdam, type HourPeriodStatus } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { HOUR_PLACEMENT_STATUSES, type HourPlacementRow } from '../hour-rows';
import { periodKey } from '../period-status-lookup';
import type { ValidationContext } from './hour-row-validator';

/** Everything the row validator looks up, loaded once per file in three queries. */
export async function loadValidationContext(manager: Pick<EntityManager, 'query'>, providerId: string): Promise<ValidationContext> {
  const municipalities: { id: string; cbs_code: string | null; name: string }[] = await manager.query(
    `SELECT DISTINCT o.id, o.cbs_code, o.name FROM organisation o JOIN placement p ON p.municipality_id = o.id WHERE p.provider_id = $1`,
    [providerId],
  );
  const placements: (HourPlacementRow & { client_number: number })[] = await manager.query(
    `SELECT p.id, p.client_id, p.provider_id, p.municipality_id, p.route, p.start_date, p.ended_on, c.client_number
       FROM placement p JOIN client c ON c.id = p.client_id WHERE p.provider_id = $1 AND p.status = ANY($2::text[])
      ORDER BY p.start_date DESC NULLS LAST`,
    [providerId, HOUR_PLACEMENT_STATUSES],
  );
  const periods: { municipality_id: string; month: string; status: HourPeriodStatus }[] = await manager.query(
    `SELECT municipality_id, month, status FROM hour_period WHERE provider_id = $1 AND status <> 'OPEN'`,
    [providerId],
  );
  const municipalityMap = new Map<string, string>();
  for (const m of municipalities) {
    municipalityMap.set(m.name.toLowerCase(), m.id);
    municipalityMap.set(m.name.toLowerCase().replace(/^gemeente\s+/, ''), m.id);
    if (m.cbs_code) municipalityMap.set(m.cbs_code.toLowerCase(), m.id);
  }
  const placementMap = new Map<string, (HourPlacementRow & { client_number: number })[]>();
  for (const p of placements) {
    const key = `${p.municipality_id}|${p.client_number}`;
    placementMap.set(key, [...(placementMap.get(key) ?? []), p]);
  }
  return {
    municipalities: municipalityMap,
    placements: placementMap,
    periods: new Map(periods.map((p) => [periodKey(p.municipality_id, p.month), p.status])),
    today: calendarDateInAmsterdam(new Date()),
  };
}

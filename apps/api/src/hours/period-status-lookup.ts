import type { HourPeriodStatus } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';

export const periodKey = (municipalityId: string, month: string): string => `${municipalityId}|${month}`;

/**
 * The status of every (municipality, month) of one provider that is not OPEN, in one query. With `lock`, the
 * period rows are locked so a submission cannot slip in between the check and the write.
 */
export async function lockedPeriods(
  manager: Pick<EntityManager, 'query'>,
  providerId: string,
  municipalityIds: string[],
  months: string[],
  lock = false,
): Promise<Map<string, HourPeriodStatus>> {
  if (municipalityIds.length === 0) return new Map();
  const rows: { municipality_id: string; month: string; status: HourPeriodStatus }[] = await manager.query(
    `SELECT municipality_id, month, status FROM hour_period
      WHERE provider_id = $1 AND municipality_id = ANY($2::uuid[]) AND month = ANY($3::date[]) AND status <> 'OPEN'${lock ? ' FOR SHARE' : ''}`,
    [providerId, [...new Set(municipalityIds)], [...new Set(months)]],
  );
  return new Map(rows.map((row) => [periodKey(row.municipality_id, row.month), row.status]));
}

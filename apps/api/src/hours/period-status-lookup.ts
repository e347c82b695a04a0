import type { HourPeriodStatus } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { HourPeriodEntity } from '../database';
import type { ProviderId } from '../tenancy';

export const periodKey = (municipalityId: string, month: string): string => `${municipalityId}|${month}`;

const OPEN: HourPeriodStatus = 'OPEN';

/**
 * The status of every (municipality, month) of one provider that is not OPEN, in one query; without municipalities and
 * months, of all its months. Reads only: a write into these months takes `lockPeriodsForEntry`.
 */
export async function lockedPeriods(
  manager: EntityManager,
  providerId: ProviderId,
  municipalityIds: readonly string[] | null,
  months: readonly string[] | null,
): Promise<Map<string, HourPeriodStatus>> {
  if (municipalityIds?.length === 0 || months?.length === 0) return new Map();
  const query = manager.getRepository(HourPeriodEntity).createQueryBuilder('hp')
    .select(['hp.id', 'hp.municipalityId', 'hp.month', 'hp.status'])
    .where('hp.providerId = :providerId', { providerId })
    .andWhere('hp.status <> :open', { open: OPEN });
  if (municipalityIds) query.andWhere('hp.municipalityId IN (:...municipalityIds)', { municipalityIds: [...new Set(municipalityIds)] });
  if (months) query.andWhere('hp.month IN (:...months)', { months: [...new Set(months)] });
  const rows = await query.getMany();
  return new Map(rows.map((row) => [periodKey(row.municipalityId, row.month), row.status as HourPeriodStatus]));
}

/** One (municipality, month) that a write puts hours in. */
export interface PeriodPair {
  municipalityId: string;
  month: string;
}

/**
 * Before writing hours: locks the period row of every (municipality, month) written to (FOR SHARE), creating an OPEN row
 * where there is none yet, so a submission (which takes the row FOR UPDATE) waits for this write or this write sees it;
 * an open month has a row to lock too. Returns the status of the pairs that are not OPEN. Rows are created and locked in
 * key order, so concurrent writes do not deadlock on each other.
 */
export async function lockPeriodsForEntry(manager: EntityManager, providerId: ProviderId, pairs: readonly PeriodPair[]): Promise<Map<string, HourPeriodStatus>> {
  const unique = [...new Map(pairs.map((p) => [periodKey(p.municipalityId, p.month), p])).values()]
    .sort((a, b) => a.municipalityId.localeCompare(b.municipalityId) || a.month.localeCompare(b.month));
  if (unique.length === 0) return new Map();
  const municipalityIds = unique.map((p) => p.municipalityId);
  const months = unique.map((p) => p.month);
  await manager.query<unknown>(
    `INSERT INTO hour_period (provider_id, municipality_id, month)
     SELECT $1, t.municipality_id, t.month FROM unnest($2::uuid[], $3::date[]) WITH ORDINALITY t(municipality_id, month, n) ORDER BY t.n
     ON CONFLICT (provider_id, municipality_id, month) DO NOTHING`,
    [providerId, municipalityIds, months],
  );
  const rows = await manager.getRepository(HourPeriodEntity).createQueryBuilder('hp')
    .select(['hp.id', 'hp.municipalityId', 'hp.month', 'hp.status'])
    .where('hp.providerId = :providerId', { providerId })
    .andWhere('(hp.municipality_id, hp.month) IN (SELECT * FROM unnest(:municipalityIds::uuid[], :months::date[]))', { municipalityIds, months })
    .orderBy('hp.municipalityId')
    .addOrderBy('hp.month')
    .setLock('pessimistic_read')
    .getMany();
  return new Map(rows.filter((row) => row.status !== OPEN).map((row) => [periodKey(row.municipalityId, row.month), row.status as HourPeriodStatus]));
}

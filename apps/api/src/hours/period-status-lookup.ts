import type { HourPeriodStatus } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { HourPeriodEntity } from '../database';
import type { ProviderId } from '../tenancy';

export const periodKey = (municipalityId: string, month: string): string => `${municipalityId}|${month}`;

const OPEN: HourPeriodStatus = 'OPEN';

/**
 * The status of every (municipality, month) of one provider that is not OPEN, in one query; without municipalities and
 * months, of all its months. With `lock`, the period rows are locked (FOR SHARE) so a submission cannot slip in between
 * the check and the write.
 */
export async function lockedPeriods(
  manager: EntityManager,
  providerId: ProviderId,
  municipalityIds: readonly string[] | null,
  months: readonly string[] | null,
  lock = false,
): Promise<Map<string, HourPeriodStatus>> {
  if (municipalityIds?.length === 0 || months?.length === 0) return new Map();
  const query = manager.getRepository(HourPeriodEntity).createQueryBuilder('hp')
    .select(['hp.id', 'hp.municipalityId', 'hp.month', 'hp.status'])
    .where('hp.providerId = :providerId', { providerId })
    .andWhere('hp.status <> :open', { open: OPEN });
  if (municipalityIds) query.andWhere('hp.municipalityId IN (:...municipalityIds)', { municipalityIds: [...new Set(municipalityIds)] });
  if (months) query.andWhere('hp.month IN (:...months)', { months: [...new Set(months)] });
  if (lock) query.setLock('pessimistic_read');
  const rows = await query.getMany();
  return new Map(rows.map((row) => [periodKey(row.municipalityId, row.month), row.status as HourPeriodStatus]));
}

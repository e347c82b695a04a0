import { HOUR_REGISTRATION_PLACEMENT_STATUSES, type CalendarDate } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { OrganisationEntity, PlacementEntity } from '../../database';
import type { ProviderId } from '../../tenancy';
import { HOUR_PLACEMENT_SELECT } from '../hour-entries';
import { lockedPeriods } from '../period-status-lookup';
import { clientNameKeys, type ImportPlacement, type ValidationContext } from './hour-row-validator';

/** Everything the row validator looks up, loaded once per file in three queries (outside a transaction: run at once). */
export async function loadValidationContext(manager: EntityManager, providerId: ProviderId, today: CalendarDate): Promise<ValidationContext> {
  // Three independent reads, side by side on the pool's connections.
  const [municipalities, placements, periods] = await Promise.all([
    manager.getRepository(OrganisationEntity).createQueryBuilder('o')
      .select(['o.id', 'o.cbsCode', 'o.name'])
      .where((qb) => `EXISTS ${qb.subQuery().select('1').from(PlacementEntity, 'p').where('p.municipality_id = o.id AND p.provider_id = :providerId').getQuery()}`, { providerId })
      .getMany(),
    manager.getRepository(PlacementEntity).createQueryBuilder('p')
      .innerJoin('p.client', 'c')
      .select([...HOUR_PLACEMENT_SELECT, 'c.id', 'c.clientNumber', 'c.firstName', 'c.lastName'])
      .where('p.providerId = :providerId', { providerId })
      .andWhere('p.status IN (:...statuses)', { statuses: [...HOUR_REGISTRATION_PLACEMENT_STATUSES] })
      .orderBy('p.startDate', 'DESC', 'NULLS LAST')
      .getMany(),
    lockedPeriods(manager, providerId, null, null),
  ]);
  const municipalityMap = new Map<string, string>();
  for (const m of municipalities) {
    municipalityMap.set(m.name.toLowerCase(), m.id);
    municipalityMap.set(m.name.toLowerCase().replace(/^gemeente\s+/, ''), m.id);
    if (m.cbsCode) municipalityMap.set(m.cbsCode.toLowerCase(), m.id);
  }
  const placementMap = new Map<string, ImportPlacement[]>();
  for (const p of placements) {
    const key = `${p.municipalityId}|${p.client!.clientNumber}`;
    const entry: ImportPlacement = { ...p, clientNameKeys: clientNameKeys(p.client!.firstName, p.client!.lastName) };
    placementMap.set(key, [...(placementMap.get(key) ?? []), entry]);
  }
  return {
    municipalities: municipalityMap,
    placements: placementMap,
    periods,
    today,
  };
}

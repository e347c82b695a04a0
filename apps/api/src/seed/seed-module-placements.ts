import type { CalendarDate } from '@inburgering/domain';
import { addDays } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { ContractEntity, LotEntity, OrganisationEntity, PlacementEntity, PlacementEventEntity, StartMomentEntity } from '../database';

// Modules beside the route: Midden-Gelderland buys the PVT from VluchtelingenWerk, so some clients that follow the B1-route
// with New Bees or Sagenn follow the PVT with VluchtelingenWerk at the same time (DOMAIN brief §8).

const PVT_LOT = 'Participatieverklaringstraject (PVT)';
const STARTED = 5;
const ACCEPTED = 3;

export async function seedModulePlacements(manager: EntityManager, today: CalendarDate): Promise<{ placements: number }> {
  const lot = await manager.getRepository(LotEntity).findOne({ select: { id: true }, where: { name: PVT_LOT } });
  if (!lot) return { placements: 0 };
  const moments = await manager.getRepository(StartMomentEntity).createQueryBuilder('sm')
    .innerJoin(ContractEntity, 'k', 'k.id = sm.contract_id')
    .select(['sm.id', 'sm.contractId', 'sm.startsOn', 'sm.location'])
    .addSelect('k.provider_id', 'providerId')
    .where('k.lot_id = :lotId', { lotId: lot.id })
    .orderBy('sm.startsOn')
    .getRawAndEntities();
  const [past, soon] = moments.entities;
  if (!past || !soon) return { placements: 0 };
  const providerId = (moments.raw[0] as { providerId: string }).providerId;
  // Clients whose B1 placement has started, in the order of their municipality and number.
  const routePlacements = await manager.getRepository(PlacementEntity).createQueryBuilder('p')
    .innerJoin('p.lot', 'l')
    .innerJoin('p.client', 'c')
    .innerJoin(OrganisationEntity, 'm', 'm.id = c.municipalityId')
    .select(['p.id', 'p.clientId', 'p.municipalityId', 'p.route'])
    .where('l.subject = :b1 AND p.status = :started', { b1: 'B1', started: 'STARTED' })
    .andWhere('EXISTS (SELECT 1 FROM lot_municipality lm WHERE lm.lot_id = :pvt AND lm.municipality_id = p.municipality_id)', { pvt: lot.id })
    .orderBy('m.cbsCode').addOrderBy('c.clientNumber')
    .limit(STARTED + ACCEPTED)
    .getMany();
  if (routePlacements.length === 0) return { placements: 0 };
  const values = routePlacements.map((p, index) => {
    const moment = index < STARTED ? past : soon;
    return {
      clientId: p.clientId, municipalityId: p.municipalityId, lotId: lot.id, contractId: moment.contractId, providerId, startMomentId: moment.id,
      route: p.route, status: index < STARTED ? 'STARTED' : 'ACCEPTED', requestedAt: new Date(`${addDays(today, -50)}T09:00:00Z`),
      startDate: moment.startsOn, location: moment.location, groupName: `PVT ${moment.startsOn.slice(5, 7)}-${moment.startsOn.slice(0, 4)}`,
      idempotencyKey: `demo-pvt:${p.clientId}`,
    };
  });
  await manager.createQueryBuilder().insert().into(PlacementEntity).values(values).execute();
  const inserted = await manager.getRepository(PlacementEntity).createQueryBuilder('p').select(['p.id', 'p.status'])
    .where('p.idempotencyKey IN (:...keys)', { keys: values.map((v) => v.idempotencyKey) }).getMany();
  await manager.createQueryBuilder().insert().into(PlacementEventEntity)
    .values(inserted.map((p) => ({ placementId: p.id, fromStatus: null, toStatus: p.status, note: 'Demodata: PVT naast de B1-route' })))
    .execute();
  return { placements: inserted.length };
}

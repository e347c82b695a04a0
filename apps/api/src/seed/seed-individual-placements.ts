import { addDays, type CalendarDate } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { ClientEntity, OrganisationEntity, PlacementEntity, PlacementEventEntity } from '../database';

// Kerkrade (Zuid-Limburg/Parkstad) did not tender the Onderwijsroute: the consultant places each Onderwijsroute client
// individually with an institution at a price agreed per client (DOMAIN brief §8; beleidsplan Kerkrade §5.3.6.1).

const MUNICIPALITY = 'Gemeente Kerkrade';
const INSTITUTION = 'Taalcentrum Parkstad (fictief)';

export async function seedIndividualPlacements(manager: EntityManager, today: CalendarDate): Promise<{ placements: number }> {
  // One after the other: the seed's transaction is one connection, which runs one query at a time.
  const municipality = await manager.getRepository(OrganisationEntity).findOne({ select: { id: true }, where: { name: MUNICIPALITY } });
  const institution = await manager.getRepository(OrganisationEntity).findOne({ select: { id: true }, where: { name: INSTITUTION } });
  if (!municipality || !institution) return { placements: 0 };
  // Onderwijsroute clients with a PIP and no placement yet (there was no lot to place them on), by client number.
  const clients = await manager.getRepository(ClientEntity).createQueryBuilder('c').select(['c.id', 'c.clientNumber'])
    .where(`c.municipalityId = :m AND c.route = 'ONDERWIJS' AND c.pipSignedOn IS NOT NULL`, { m: municipality.id })
    .andWhere('NOT EXISTS (SELECT 1 FROM placement p WHERE p.client_id = c.id)')
    .orderBy('c.clientNumber').limit(2).getMany();
  const values = clients.map((c, index) => {
    const started = index === 0;
    const startsOn = started ? addDays(today, -28) : addDays(today, 14);
    return {
      clientId: c.id, municipalityId: municipality.id, lotId: null, contractId: null, providerId: institution.id, startMomentId: null,
      route: 'ONDERWIJS', status: started ? 'STARTED' : 'REQUESTED', requestedAt: new Date(`${addDays(today, started ? -45 : -2)}T09:00:00Z`),
      startDate: started ? startsOn : null, location: started ? 'Heerlen, Akerstraat' : null, groupName: started ? 'Taalschakeltraject' : null,
      agreedPriceCents: started ? 985000 : 1040000, agreedStartsOn: startsOn, agreedEndsOn: addDays(startsOn, 280),
      idempotencyKey: `demo-individual:${c.id}`,
    };
  });
  if (values.length === 0) return { placements: 0 };
  await manager.createQueryBuilder().insert().into(PlacementEntity).values(values).execute();
  const inserted = await manager.getRepository(PlacementEntity).createQueryBuilder('p').select(['p.id', 'p.status'])
    .where('p.idempotencyKey IN (:...keys)', { keys: values.map((v) => v.idempotencyKey) }).getMany();
  await manager.createQueryBuilder().insert().into(PlacementEventEntity)
    .values(inserted.map((p) => ({ placementId: p.id, fromStatus: null, toStatus: p.status, note: 'Demodata: individueel geplaatst bij de onderwijsinstelling (buiten een perceel)' })))
    .execute();
  return { placements: inserted.length };
}

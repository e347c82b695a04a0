import { PLAN_ROUTE_ESTIMATE } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { MunicipalityBudgetEntity, OrganisationEntity, RegionRouteEstimateEntity, SharedServiceMunicipalityEntity } from '../database';
import { DEMO_REGIONS } from './demo-regions';

// Leidschendam-Voorburg, Voorschoten and Wassenaar are served by one shared service (DOMAIN §8): its consultants work for
// the clients of all three municipalities, while each client belongs to one of them.

export const DEMO_SHARED_SERVICE = {
  key: 'uitvoeringsdienst-lvw',
  regionKey: 'lvw',
  name: 'Uitvoeringsdienst Leidschendam-Voorburg, Voorschoten en Wassenaar (fictief)',
  consultantEmail: 'consulent@uitvoeringsdienst-lvw.demo.nl',
} as const;

/** The shared service of the LVW region, working for every municipality of the region; its id joins `orgIds`. */
export async function seedSharedService(manager: EntityManager, orgIds: Map<string, string>): Promise<void> {
  const region = DEMO_REGIONS.find((r) => r.key === DEMO_SHARED_SERVICE.regionKey);
  const regionId = orgIds.get(`region:${DEMO_SHARED_SERVICE.regionKey}`);
  if (!region || !regionId) return;
  const repository = manager.getRepository(OrganisationEntity);
  const service = await repository.save(repository.create({ kind: 'SHARED_SERVICE', name: DEMO_SHARED_SERVICE.name, regionId }));
  orgIds.set(`shared-service:${DEMO_SHARED_SERVICE.key}`, service.id);
  await manager.getRepository(SharedServiceMunicipalityEntity).insert(
    region.municipalities.map((m) => ({ sharedServiceId: service.id, municipalityId: orgIds.get(`municipality:${m.cbsCode}`)! })),
  );
}

/** This year's budget of each LVW municipality (fictitious amounts, in cents) and the plan's route estimate for the region. */
const DEMO_BUDGETS_CENTS: Record<string, number> = { GM1916: 125_000_000, GM0626: 42_000_000, GM0629: 38_000_000 };

export async function seedPlanning(manager: EntityManager, orgIds: Map<string, string>, today: string): Promise<void> {
  const regionId = orgIds.get(`region:${DEMO_SHARED_SERVICE.regionKey}`);
  if (!regionId) return;
  const year = Number(today.slice(0, 4));
  await manager.getRepository(MunicipalityBudgetEntity).insert(
    Object.entries(DEMO_BUDGETS_CENTS)
      .filter(([cbs]) => orgIds.has(`municipality:${cbs}`))
      .map(([cbs, cents]) => ({ municipalityId: orgIds.get(`municipality:${cbs}`)!, year, amountCents: String(cents), updatedByUserId: null })),
  );
  await manager.getRepository(RegionRouteEstimateEntity).insert({ regionId, ...PLAN_ROUTE_ESTIMATE, updatedByUserId: null });
}

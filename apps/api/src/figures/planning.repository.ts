import type { EstimateRoute, RouteEstimate } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { MunicipalityBudgetEntity, OrganisationEntity, RegionRouteEstimateEntity } from '../database';
import type { MunicipalityId, RegionId } from '../tenancy';

/** Budgets per municipality and year, the region's route estimate and the demand per route; every read takes its tenant. */
export class PlanningRepository {
  constructor(private readonly manager: EntityManager) {}

  /** The municipalities of a region, by name. */
  async regionMunicipalities(regionId: RegionId): Promise<{ id: MunicipalityId; name: string }[]> {
    const rows = await this.manager.getRepository(OrganisationEntity).find({ select: { id: true, name: true }, where: { regionId, kind: 'MUNICIPALITY' }, order: { name: 'ASC' } });
    return rows.map((r) => ({ id: r.id as MunicipalityId, name: r.name }));
  }

  async municipality(municipalityId: MunicipalityId): Promise<{ id: MunicipalityId; name: string }> {
    const row = await this.manager.getRepository(OrganisationEntity).findOneOrFail({ select: { id: true, name: true }, where: { id: municipalityId, kind: 'MUNICIPALITY' } });
    return { id: row.id as MunicipalityId, name: row.name };
  }

  async budgets(municipalityIds: readonly MunicipalityId[], year: number): Promise<Map<string, number>> {
    if (municipalityIds.length === 0) return new Map();
    const rows = await this.manager.getRepository(MunicipalityBudgetEntity).createQueryBuilder('b')
      .select(['b.municipalityId', 'b.amountCents'])
      .where('b.municipality_id IN (:...ids) AND b.year = :year', { ids: [...municipalityIds], year })
      .getMany();
    return new Map(rows.map((r) => [r.municipalityId, Number(r.amountCents)]));
  }

  async saveBudget(municipalityId: MunicipalityId, year: number, amountCents: number, userId: string): Promise<void> {
    await this.manager.createQueryBuilder().insert().into(MunicipalityBudgetEntity)
      .values({ municipalityId, year, amountCents: String(amountCents), updatedByUserId: userId })
      .orUpdate(['amount_cents', 'updated_by_user_id', 'updated_at'], ['municipality_id', 'year'])
      .execute();
  }

  async estimate(regionId: RegionId): Promise<RouteEstimate | null> {
    const row = await this.manager.getRepository(RegionRouteEstimateEntity).findOne({ where: { regionId } });
    return row ? { b1Percent: row.b1Percent, zPercent: row.zPercent, onderwijsPercent: row.onderwijsPercent } : null;
  }

  async saveEstimate(regionId: RegionId, estimate: RouteEstimate, userId: string): Promise<void> {
    await this.manager.createQueryBuilder().insert().into(RegionRouteEstimateEntity)
      .values({ regionId, ...estimate, updatedByUserId: userId })
      .orUpdate(['b1_percent', 'z_percent', 'onderwijs_percent', 'updated_by_user_id', 'updated_at'], ['region_id'])
      .execute();
  }

  /** Demand per route: the region's clients with a signed PIP, by the route of their PIP. */
  async demandPerRoute(regionId: RegionId): Promise<Record<EstimateRoute, number>> {
    const rows = await this.manager.query<{ route: string; clients: number }[]>(
      `SELECT c.route, count(*)::int AS clients FROM client c JOIN organisation m ON m.id = c.municipality_id
        WHERE m.region_id = $1 AND c.pip_signed_on IS NOT NULL AND c.route IS NOT NULL GROUP BY c.route`,
      [regionId],
    );
    const count = (route: EstimateRoute) => rows.find((r) => r.route === route)?.clients ?? 0;
    return { B1: count('B1'), Z: count('Z'), ONDERWIJS: count('ONDERWIJS') };
  }
}

import { countsTowardRouteNorms, isPlacementKind, PROVIDER_VISIBLE_CLIENT_STATUSES, sumHours, type HourCategory, type HourTotals, type PlacementKind } from '@inburgering/domain';
import { In, type EntityManager } from 'typeorm';
import { ClientEntity, HourEntryEntity, IntegrationResultEntity, OrganisationEntity, PlacementEntity } from '../database';

/** Current hours (highest revision) of one placement and category: an aggregate, not a row of a table. */
export interface PlacementCategoryMinutes {
  placementId: string;
  category: HourCategory;
  planned: number;
  attended: number;
}

/** The client fields the results rules and the progress view read. */
export type ResultClient = Pick<
  ClientEntity,
  'id' | 'municipalityId' | 'clientNumber' | 'firstName' | 'lastName' | 'route' | 'targetGroup' | 'pipSignedOn' | 'brpRegistrationDate' | 'pipMinutesPerWeek'
>;

/** A placement that carried teaching (accepted, started or ended), with the provider's name. */
export type TeachingPlacement = Pick<PlacementEntity, 'id' | 'clientId' | 'providerId' | 'status' | 'startDate' | 'endedOn' | 'requestedAt'> & { providerName: string; kind: PlacementKind; routeTrack: boolean };

/** A recorded result with the name of the provider that reported it. */
export type ResultWithProvider = IntegrationResultEntity & { providerName: string | null };

/**
 * The queries of results and progress. Ids reaching these methods were checked by the AccessService first: nothing
 * here decides who may see what.
 */
export class ResultsRepository {
  constructor(private readonly manager: EntityManager) {}

  async client(clientId: string): Promise<ResultClient | null> {
    return this.manager.getRepository(ClientEntity).findOne({
      select: { id: true, municipalityId: true, clientNumber: true, firstName: true, lastName: true, route: true, targetGroup: true, pipSignedOn: true, brpRegistrationDate: true, pipMinutesPerWeek: true },
      where: { id: clientId },
    });
  }

  /** The client's placements that carried teaching (the statuses a provider sees a client in), first start first. */
  async teachingPlacements(clientId: string): Promise<TeachingPlacement[]> {
    const placements = await this.manager.getRepository(PlacementEntity).find({
      select: { id: true, clientId: true, providerId: true, status: true, startDate: true, endedOn: true, requestedAt: true, kind: true, createdAt: true, provider: { id: true, name: true }, lot: { id: true, subject: true } },
      relations: { provider: true, lot: true },
      where: { clientId, status: In([...PROVIDER_VISIBLE_CLIENT_STATUSES]) },
      order: { startDate: { direction: 'ASC', nulls: 'LAST' }, createdAt: 'ASC' },
    });
    return placements.map((p) => {
      const kind: PlacementKind = isPlacementKind(p.kind) ? p.kind : 'REGULAR';
      return {
        id: p.id, clientId: p.clientId, providerId: p.providerId, status: p.status, startDate: p.startDate, endedOn: p.endedOn, requestedAt: p.requestedAt,
        providerName: p.provider?.name ?? '', kind,
        // The route itself (on a route lot or individually), not a module beside it nor the instroomklas.
        routeTrack: kind === 'REGULAR' && (!p.lot || ['B1', 'Z', 'ONDERWIJS'].includes(p.lot.subject)),
      };
    });
  }

  /** Current hours per placement and category of the given placements (highest revision per lesson day and category). */
  async hoursPerPlacement(placementIds: readonly string[]): Promise<{ rows: PlacementCategoryMinutes[]; totals: HourTotals }> {
    const rows =
      placementIds.length === 0
        ? []
        : await this.manager
            .getRepository(HourEntryEntity)
            .createQueryBuilder('h')
            .select('h.placement_id', 'placementId')
            .addSelect('h.category', 'category')
            .addSelect('sum(h.planned_minutes)::int', 'planned')
            .addSelect('sum(h.attended_minutes)::int', 'attended')
            .where('h.placement_id IN (:...placementIds)', { placementIds: [...placementIds] })
            .andWhere(
              (qb) =>
                `NOT EXISTS ${qb
                  .subQuery()
                  .select('1')
                  .from(HourEntryEntity, 'later')
                  .where('later.placement_id = h.placement_id AND later.lesson_date = h.lesson_date AND later.category = h.category AND later.revision > h.revision')
                  .getQuery()}`,
            )
            .groupBy('h.placement_id')
            .addGroupBy('h.category')
            .orderBy('h.placement_id')
            .addOrderBy('h.category')
            .getRawMany<PlacementCategoryMinutes>();
    return { rows, totals: sumHours(rows.map((r) => ({ category: r.category, plannedMinutes: r.planned, attendedMinutes: r.attended }))) };
  }

  /** The client's route placements ever requested (any status), earliest request first: the start of the waiting time. */
  async firstRouteRequest(clientId: string): Promise<Date | null> {
    const first = await this.manager.getRepository(PlacementEntity).createQueryBuilder('p').leftJoin('p.lot', 'l').select(['p.id', 'p.requestedAt'])
      .where(`p.clientId = :clientId AND p.kind = 'REGULAR' AND (p.lotId IS NULL OR l.subject IN ('B1', 'Z', 'ONDERWIJS'))`, { clientId })
      .orderBy('p.requestedAt', 'ASC').limit(1).getOne();
    return first?.requestedAt ?? null;
  }

  /** Hours totals of all the client's teaching placements, for the rules of the law (thresholds count every provider's hours). */
  async clientHourTotals(clientId: string): Promise<HourTotals> {
    // Instroomklas hours stand beside the route's norms, never in them.
    const placements = (await this.teachingPlacements(clientId)).filter((p) => countsTowardRouteNorms(p.kind));
    return (await this.hoursPerPlacement(placements.map((p) => p.id))).totals;
  }

  /** Results by id, oldest first, with the reporting provider's name. */
  async results(ids: readonly string[]): Promise<ResultWithProvider[]> {
    if (ids.length === 0) return [];
    const results = await this.manager.getRepository(IntegrationResultEntity).find({ where: { id: In([...ids]) }, order: { resultDate: 'ASC', recordedAt: 'ASC' } });
    return this.withProviderNames(results);
  }

  /** Ids of the client's results (to be filtered by the AccessService). */
  async resultIdsOfClient(clientId: string): Promise<string[]> {
    const rows = await this.manager.getRepository(IntegrationResultEntity).find({ select: { id: true }, where: { clientId } });
    return rows.map((r) => r.id);
  }

  async resultByIdempotencyKey(idempotencyKey: string): Promise<IntegrationResultEntity | null> {
    return this.manager.getRepository(IntegrationResultEntity).findOneBy({ idempotencyKey });
  }

  async placement(placementId: string): Promise<Pick<PlacementEntity, 'id' | 'clientId' | 'providerId' | 'status'> | null> {
    return this.manager.getRepository(PlacementEntity).findOne({ select: { id: true, clientId: true, providerId: true, status: true }, where: { id: placementId } });
  }

  async insertResult(result: Omit<IntegrationResultEntity, 'id' | 'recordedAt' | 'client'>): Promise<string> {
    const repository = this.manager.getRepository(IntegrationResultEntity);
    return (await repository.save(repository.create(result))).id;
  }

  private async withProviderNames(results: IntegrationResultEntity[]): Promise<ResultWithProvider[]> {
    const providerIds = [...new Set(results.map((r) => r.providerId).filter((id): id is string => id !== null))];
    const providers = providerIds.length === 0 ? [] : await this.manager.getRepository(OrganisationEntity).find({ select: { id: true, name: true }, where: { id: In(providerIds) } });
    const names = new Map(providers.map((o) => [o.id, o.name]));
    return results.map((r) => Object.assign(r, { providerName: r.providerId ? names.get(r.providerId) ?? null : null }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkLotCoverage, checkLotMunicipalitiesInRegion, checkLotPeriod, checkPriceModel, type RuleViolation } from '@inburgering/domain';
import { DataSource, In } from 'typeorm';
import { AccessService } from '../access';
import { throwIfViolations } from '../common';
import { LotEntity, LotMunicipalityEntity, OrganisationEntity, SubRegionMunicipalityEntity } from '../database';
import { toPriceModel } from './price-model.types';
import { type Actor, regionScopeOf, tenantScopeOf, type RegionId, type TenantScope } from '../tenancy';
import { LotCoverageGql, type CreateLotInput } from './lot.types';
import { visibleLotsQuery } from './lots.repository';

/** The branded id of a tenant scope, for the features that still key their SQL on it. */
export function tenantKey(scope: TenantScope): string {
  switch (scope.kind) {
    case 'REGION': return scope.regionId;
    case 'MUNICIPALITY': return scope.municipalityId;
    case 'PROVIDER': return scope.providerId;
  }
}

@Injectable()
export class LotsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  visibleLots(actor: Actor): Promise<LotEntity[]> {
    return visibleLotsQuery(this.db.manager, tenantScopeOf(actor)).orderBy('l.name').getMany();
  }

  /** One lot the actor may see; another tenant's lot answers exactly like an unknown one. */
  async visibleLot(actor: Actor, lotId: string): Promise<LotEntity> {
    await this.access.requireOne(actor, 'lot', lotId);
    const lot = await this.db.getRepository(LotEntity).findOneBy({ id: lotId });
    if (!lot) throw this.access.notFound('lot');
    return lot;
  }

  /** A new lot of the actor's region with the municipalities it covers; refused as a whole when any rule fails. */
  async create(actor: Actor, input: CreateLotInput): Promise<LotEntity> {
    const regionId = regionScopeOf(actor);
    const name = input.name.trim();
    const priceModel = toPriceModel(input.priceModel);
    const violations: RuleViolation[] = [
      ...checkLotPeriod(input),
      ...checkLotCoverage(input.coverage, input.subRegionId, input.municipalityIds),
      ...checkPriceModel(priceModel),
    ];
    const municipalityIds = await this.coveredMunicipalities(actor, regionId, input, violations);
    const duplicate = await this.db.getRepository(LotEntity).createQueryBuilder('l')
      .where('l.region_id = :regionId AND lower(l.name) = lower(:name)', { regionId, name })
      .getExists();
    if (duplicate) violations.push({ field: 'name', code: 'LOT_NAME_TAKEN', message: 'Er bestaat in uw regio al een perceel met deze naam.' });
    throwIfViolations(violations);
    const id = await this.db.transaction(async (manager) => {
      const inserted = await manager.getRepository(LotEntity).insert({
        regionId, name, subject: input.subject, periodStart: input.periodStart, periodEnd: input.periodEnd, expectedVolumePerYear: input.expectedVolumePerYear,
        maxExtensionMonths: input.maxExtensionMonths, extensionOptions: input.extensionOptions?.trim() || null, coverage: input.coverage,
        subRegionId: input.coverage === LotCoverageGql.SUB_REGION ? input.subRegionId ?? null : null, priceModel: { ...priceModel },
      });
      const lotId = (inserted.identifiers[0] as Pick<LotEntity, 'id'>).id;
      if (municipalityIds.length > 0) {
        await manager.createQueryBuilder().insert().into(LotMunicipalityEntity).values(municipalityIds.map((municipalityId) => ({ lotId, municipalityId }))).execute();
      }
      return lotId;
    });
    return this.db.getRepository(LotEntity).findOneByOrFail({ id });
  }

  /** The municipalities a lot covers, checked against the region (DOMAIN §4: a lot covers the region, a sub-region or a list). */
  private async coveredMunicipalities(actor: Actor, regionId: RegionId, input: CreateLotInput, violations: RuleViolation[]): Promise<string[]> {
    switch (input.coverage) {
      case LotCoverageGql.ALL:
        return (await this.db.getRepository(OrganisationEntity).find({ select: { id: true }, where: { kind: 'MUNICIPALITY', regionId } })).map((m) => m.id);
      case LotCoverageGql.SUB_REGION: {
        if (!input.subRegionId) return [];
        // Another region's sub-region answers like an unknown one.
        const [subRegionId] = await this.access.allowed(actor, 'subRegion', [input.subRegionId]);
        const members = subRegionId ? await this.db.getRepository(SubRegionMunicipalityEntity).findBy({ subRegionId: In([subRegionId]) }) : [];
        if (members.length === 0) violations.push({ field: 'subRegionId', code: 'SUB_REGION_NOT_IN_REGION', message: 'Deze subregio hoort niet bij uw regio.' });
        return members.map((member) => member.municipalityId);
      }
      case LotCoverageGql.LIST: {
        const ids = [...new Set(input.municipalityIds)];
        if (ids.length > 0) violations.push(...checkLotMunicipalitiesInRegion(ids, [...await this.access.allowed(actor, 'municipality', ids)]));
        return ids;
      }
    }
  }
}

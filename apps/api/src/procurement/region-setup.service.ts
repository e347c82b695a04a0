import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkLotMunicipalitiesInRegion, type RuleViolation } from '@inburgering/domain';
import { DataSource, In, Not } from 'typeorm';
import { AccessService } from '../access';
import { recordAdminChange } from '../audit';
import { Clock } from '../clock';
import { throwIfViolations } from '../common';
import { OrganisationEntity, SubRegionEntity, SubRegionMunicipalityEntity } from '../database';
import { OrganisationType } from '../organisations';
import { enqueueInOutbox } from '../outbox';
import { type Actor, regionScopeOf, type RegionId } from '../tenancy';
import { toProviderType } from './provider-mapping';
import { RegionSetupType, SubRegionType, type CreateSubRegionInput, type ProviderType, type SaveProviderInput } from './region-setup.types';

@Injectable()
export class RegionSetupService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** The actor's region with its municipalities, sub-regions and the providers it can award contracts to. */
  async setup(actor: Actor): Promise<RegionSetupType> {
    const regionId = regionScopeOf(actor);
    const organisations = this.db.getRepository(OrganisationEntity);
    const [region, municipalities, subRegions, providers] = await Promise.all([
      organisations.findOneByOrFail({ id: regionId }),
      organisations.find({ where: { kind: 'MUNICIPALITY', regionId }, order: { name: 'ASC' } }),
      this.subRegions(regionId),
      organisations.find({ where: { kind: 'PROVIDER' }, order: { name: 'ASC' } }),
    ]);
    const today = this.clock.today();
    return Object.assign(new RegionSetupType(), {
      region: OrganisationType.fromEntity(region),
      municipalities: municipalities.map(OrganisationType.fromEntity),
      subRegions,
      providers: providers.map((provider) => toProviderType(provider, today)),
    });
  }

  async createSubRegion(actor: Actor, input: CreateSubRegionInput): Promise<SubRegionType> {
    const regionId = regionScopeOf(actor);
    const name = input.name.trim();
    const ids = [...new Set(input.municipalityIds)];
    // Another region's municipality and an unknown id are refused alike.
    const allowed = await this.access.allowed(actor, 'municipality', ids);
    const violations: RuleViolation[] = checkLotMunicipalitiesInRegion(ids, [...allowed]).map((v) =>
      v.code === 'LOT_MUNICIPALITIES_REQUIRED' ? { ...v, message: 'Kies ten minste één gemeente voor deze subregio.' }
        : v.code === 'LOT_MUNICIPALITY_NOT_IN_REGION' ? { ...v, message: 'Deze gemeente hoort niet bij uw regio.' } : v);
    const duplicate = await this.db.getRepository(SubRegionEntity).createQueryBuilder('sr')
      .where('sr.region_id = :regionId AND lower(sr.name) = lower(:name)', { regionId, name })
      .getExists();
    if (duplicate) violations.push({ field: 'name', code: 'SUB_REGION_NAME_TAKEN', message: 'Er bestaat in uw regio al een subregio met deze naam.' });
    throwIfViolations(violations);
    const id = await this.db.transaction(async (manager) => {
      const inserted = await manager.getRepository(SubRegionEntity).insert({ regionId, name });
      const subRegionId = (inserted.identifiers[0] as Pick<SubRegionEntity, 'id'>).id;
      await manager.createQueryBuilder().insert().into(SubRegionMunicipalityEntity)
        .values(ids.map((municipalityId) => ({ subRegionId, municipalityId })))
        .execute();
      // Issue 14: every change to the region's organisations is in the administration history.
      await recordAdminChange(manager, actor, this.clock.now(), { regionId, organisationId: regionId, subjectKind: 'SUB_REGION', subjectId: subRegionId, summary: `Subregio aangemaakt: ${name}` });
      return subRegionId;
    });
    const municipalities = await this.db.getRepository(OrganisationEntity).find({ where: { id: In(ids) }, order: { name: 'ASC' } });
    return Object.assign(new SubRegionType(), { id, name, municipalities: municipalities.map(OrganisationType.fromEntity) });
  }

  /**
   * Registers a provider or updates its registration; a changed keurmerk is checked by the worker right away. A region
   * changes only the providers it contracts, or registered itself while no other region contracts them.
   */
  async saveProvider(actor: Actor, input: SaveProviderInput): Promise<ProviderType> {
    const regionId = regionScopeOf(actor);
    if (input.id) await this.access.requireOne(actor, 'provider', input.id);
    const organisations = this.db.getRepository(OrganisationEntity);
    const sameKvk = await organisations.existsBy({ kind: 'PROVIDER', kvkNumber: input.kvkNumber, ...(input.id ? { id: Not(input.id) } : {}) });
    const violations: RuleViolation[] = [];
    if (sameKvk) violations.push({ field: 'kvkNumber', code: 'KVK_NUMBER_TAKEN', message: 'Er is al een aanbieder met dit KvK-nummer.' });
    if (!!input.keurmerkNumber?.trim() !== !!input.keurmerkValidUntil) {
      violations.push({ field: 'keurmerkValidUntil', code: 'KEURMERK_INCOMPLETE', message: 'Vul bij een keurmerk zowel het nummer als de geldigheidsdatum in.' });
    }
    throwIfViolations(violations);
    const values: Partial<OrganisationEntity> = {
      name: input.name.trim(),
      kvkNumber: input.kvkNumber,
      providerKind: input.providerKind,
      keurmerkNumber: input.keurmerkNumber?.trim() || null,
      keurmerkValidUntil: input.keurmerkValidUntil ?? null,
      duoInstitutionNumber: input.duoInstitutionNumber ?? null,
      isTaalschakelInstitution: input.isTaalschakelInstitution,
    };
    const saved = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(OrganisationEntity);
      let id: string;
      if (input.id) {
        const result = await repository.update({ id: input.id, kind: 'PROVIDER' }, values);
        if (!result.affected) throw this.access.notFound('provider');
        id = input.id;
      } else {
        const inserted = await repository.insert({ ...values, kind: 'PROVIDER', createdByRegionId: regionId });
        id = (inserted.identifiers[0] as Pick<OrganisationEntity, 'id'>).id;
      }
      await enqueueInOutbox(manager, 'procurement.scan-provider', { providerId: id }, actor);
      await recordAdminChange(manager, actor, this.clock.now(), {
        regionId, organisationId: id, subjectKind: 'PROVIDER', subjectId: id,
        summary: `${input.id ? 'Aanbieder gewijzigd' : 'Aanbieder geregistreerd'} (Regio-inrichting): ${values.name} (KvK-nummer ${values.kvkNumber}; keurmerk ${values.keurmerkNumber ?? 'geen'}${values.keurmerkValidUntil ? ` tot ${values.keurmerkValidUntil}` : ''})`,
      });
      return repository.findOneByOrFail({ id });
    });
    return toProviderType(saved, this.clock.today());
  }

  /** The region's sub-regions with their municipalities, by name. */
  private async subRegions(regionId: RegionId): Promise<SubRegionType[]> {
    const subRegions = await this.db.getRepository(SubRegionEntity).find({ where: { regionId }, order: { name: 'ASC' } });
    if (subRegions.length === 0) return [];
    const members = await this.db.getRepository(SubRegionMunicipalityEntity).find({
      where: { subRegionId: In(subRegions.map((subRegion) => subRegion.id)) },
      relations: { municipality: true },
      order: { municipality: { name: 'ASC' } },
    });
    return subRegions.map((subRegion) => Object.assign(new SubRegionType(), {
      id: subRegion.id,
      name: subRegion.name,
      municipalities: members.filter((m) => m.subRegionId === subRegion.id && m.municipality).map((m) => OrganisationType.fromEntity(m.municipality!)),
    }));
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { RuleViolation } from '@inburgering/domain';
import { DataSource, In, Not } from 'typeorm';
import { AccessService } from '../access';
import { Clock } from '../clock';
import { throwIfViolations, ValidationAppError } from '../common';
import { LotEntity, OrganisationEntity, SubRegionEntity, SubRegionMunicipalityEntity } from '../database';
import { enqueueInOutbox } from '../outbox';
import { type Actor, regionScopeOf } from '../tenancy';
import { describeChanges, recordAdminChange } from '../audit';
import {
  AdminMunicipalityType, AdministrationOverviewType, AdminProviderType, AdminSubRegionType,
  type RemoveSubRegionInput, type SaveManagedProviderInput, type SaveMunicipalityInput, type SaveSubRegionInput,
} from './administration.types';

const MUNICIPALITY_LABELS = { name: 'naam', cbsCode: 'CBS-code', oin: 'OIN', subRegion: 'subregio' };
const PROVIDER_LABELS = { name: 'naam', kvkNumber: 'KvK-nummer', providerKind: 'soort', keurmerkNumber: 'keurmerknummer', keurmerkValidUntil: 'keurmerk geldig tot' };

/** The region's functioneel beheerder keeps its municipalities, sub-regions and providers; every change goes in the history. */
@Injectable()
export class OrganisationsAdminService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async overview(actor: Actor): Promise<AdministrationOverviewType> {
    const regionId = regionScopeOf(actor);
    const organisations = this.db.getRepository(OrganisationEntity);
    const region = await organisations.findOneByOrFail({ id: regionId });
    const municipalities = await organisations.find({ where: { kind: 'MUNICIPALITY', regionId }, order: { name: 'ASC' } });
    const subRegions = await this.db.getRepository(SubRegionEntity).find({ where: { regionId }, order: { name: 'ASC' } });
    const members = subRegions.length === 0 ? [] : await this.db.getRepository(SubRegionMunicipalityEntity).find({ where: { subRegionId: In(subRegions.map((s) => s.id)) } });
    const lots = subRegions.length === 0 ? [] : await this.db.getRepository(LotEntity).find({ select: { id: true, name: true, subRegionId: true }, where: { subRegionId: In(subRegions.map((s) => s.id)) }, order: { name: 'ASC' } });
    const providerIds = (await organisations.find({ select: { id: true }, where: { kind: 'PROVIDER' } })).map((p) => p.id);
    const managed = await this.access.allowed(actor, 'provider', providerIds);
    const providers = managed.size === 0 ? [] : await organisations.find({ where: { id: In([...managed]) }, order: { name: 'ASC' } });
    const subRegionOf = new Map(members.map((m) => [m.municipalityId, m.subRegionId]));
    const nameOf = new Map(subRegions.map((s) => [s.id, s.name]));
    const municipalityName = new Map(municipalities.map((m) => [m.id, m.name]));
    return Object.assign(new AdministrationOverviewType(), {
      regionId: region.id,
      regionName: region.name,
      municipalities: municipalities.map((m) => Object.assign(new AdminMunicipalityType(), {
        id: m.id, name: m.name, cbsCode: m.cbsCode, oin: m.oin, subRegionId: subRegionOf.get(m.id) ?? null, subRegionName: nameOf.get(subRegionOf.get(m.id) ?? '') ?? null,
      })),
      subRegions: subRegions.map((s) => Object.assign(new AdminSubRegionType(), {
        id: s.id,
        name: s.name,
        municipalityNames: members.filter((m) => m.subRegionId === s.id).map((m) => municipalityName.get(m.municipalityId) ?? '').filter(Boolean).sort((a, b) => a.localeCompare(b, 'nl')),
        usedByLots: lots.filter((l) => l.subRegionId === s.id).map((l) => l.name),
      })),
      providers: providers.map((p) => Object.assign(new AdminProviderType(), {
        id: p.id, name: p.name, kvkNumber: p.kvkNumber, providerKind: p.providerKind, keurmerkNumber: p.keurmerkNumber, keurmerkValidUntil: p.keurmerkValidUntil,
      })),
    });
  }

  /** Adds a municipality to the region or changes one (name, CBS code, OIN, sub-region: a municipality is in at most one). */
  async saveMunicipality(actor: Actor, input: SaveMunicipalityInput): Promise<AdminMunicipalityType> {
    const regionId = regionScopeOf(actor);
    if (input.id) await this.access.requireOne(actor, 'municipality', input.id);
    if (input.subRegionId) await this.access.requireOne(actor, 'subRegion', input.subRegionId);
    const organisations = this.db.getRepository(OrganisationEntity);
    const violations: RuleViolation[] = [];
    if (await organisations.existsBy({ cbsCode: input.cbsCode, ...(input.id ? { id: Not(input.id) } : {}) })) {
      violations.push({ field: 'cbsCode', code: 'CBS_CODE_TAKEN', message: 'Er is al een gemeente met deze CBS-code.' });
    }
    if (input.oin && (await organisations.existsBy({ oin: input.oin, ...(input.id ? { id: Not(input.id) } : {}) }))) {
      violations.push({ field: 'oin', code: 'OIN_TAKEN', message: 'Er is al een organisatie met dit OIN.' });
    }
    throwIfViolations(violations);
    const values = { name: input.name.trim(), cbsCode: input.cbsCode, oin: input.oin || null };
    const id = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(OrganisationEntity);
      const memberships = manager.getRepository(SubRegionMunicipalityEntity);
      const subRegionName = async (municipalityId: string | null) => {
        if (!municipalityId) return null;
        const member = await memberships.findOne({ where: { municipalityId }, relations: { subRegion: true } });
        return member?.subRegion?.name ?? null;
      };
      const before = input.id ? await repository.findOneByOrFail({ id: input.id }) : null;
      const beforeSubRegion = await subRegionName(input.id ?? null);
      let municipalityId: string;
      if (input.id) {
        await repository.update({ id: input.id, kind: 'MUNICIPALITY' }, values);
        municipalityId = input.id;
      } else {
        const inserted = await repository.insert({ ...values, kind: 'MUNICIPALITY', regionId });
        municipalityId = (inserted.identifiers[0] as Pick<OrganisationEntity, 'id'>).id;
      }
      await memberships.delete({ municipalityId });
      if (input.subRegionId) await memberships.insert({ subRegionId: input.subRegionId, municipalityId });
      const afterSubRegion = await subRegionName(municipalityId);
      const summary = describeChanges(before && { name: before.name, cbsCode: before.cbsCode, oin: before.oin, subRegion: beforeSubRegion }, { ...values, subRegion: afterSubRegion }, MUNICIPALITY_LABELS);
      await recordAdminChange(manager, actor, this.clock.now(), {
        regionId, organisationId: municipalityId, subjectKind: 'MUNICIPALITY', subjectId: municipalityId,
        summary: `${before ? 'Gemeente gewijzigd' : 'Gemeente toegevoegd'}: ${values.name} (${summary})`,
      });
      return municipalityId;
    });
    return (await this.overview(actor)).municipalities.find((m) => m.id === id)!;
  }

  /** Creates or renames a sub-region of the region. */
  async saveSubRegion(actor: Actor, input: SaveSubRegionInput): Promise<AdminSubRegionType> {
    const regionId = regionScopeOf(actor);
    if (input.id) await this.access.requireOne(actor, 'subRegion', input.id);
    const name = input.name.trim();
    const duplicate = await this.db.getRepository(SubRegionEntity).createQueryBuilder('sr')
      .where('sr.region_id = :regionId AND lower(sr.name) = lower(:name)', { regionId, name })
      .andWhere(input.id ? 'sr.id <> :id' : 'TRUE', { id: input.id })
      .getExists();
    if (duplicate) throw new ValidationAppError([{ field: 'name', code: 'SUB_REGION_NAME_TAKEN', message: 'Er bestaat in uw regio al een subregio met deze naam.' }]);
    const id = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(SubRegionEntity);
      if (input.id) {
        const before = await repository.findOneByOrFail({ id: input.id });
        await repository.update({ id: input.id, regionId }, { name });
        await recordAdminChange(manager, actor, this.clock.now(), { regionId, organisationId: regionId, subjectKind: 'SUB_REGION', subjectId: input.id, summary: `Subregio hernoemd: ${before.name} → ${name}` });
        return input.id;
      }
      const inserted = await repository.insert({ regionId, name });
      const subRegionId = (inserted.identifiers[0] as Pick<SubRegionEntity, 'id'>).id;
      await recordAdminChange(manager, actor, this.clock.now(), { regionId, organisationId: regionId, subjectKind: 'SUB_REGION', subjectId: subRegionId, summary: `Subregio aangemaakt: ${name}` });
      return subRegionId;
    });
    return (await this.overview(actor)).subRegions.find((s) => s.id === id)!;
  }

  /** Removes a sub-region no lot uses; its municipalities stay, without sub-region. */
  async removeSubRegion(actor: Actor, input: RemoveSubRegionInput): Promise<boolean> {
    const regionId = regionScopeOf(actor);
    await this.access.requireOne(actor, 'subRegion', input.subRegionId);
    await this.db.transaction(async (manager) => {
      const subRegion = await manager.getRepository(SubRegionEntity).createQueryBuilder('sr').setLock('pessimistic_write').where('sr.id = :id', { id: input.subRegionId }).getOne();
      if (!subRegion) throw this.access.notFound('subRegion');
      const lots = await manager.getRepository(LotEntity).find({ select: { id: true, name: true }, where: { subRegionId: subRegion.id }, order: { name: 'ASC' } });
      if (lots.length > 0) {
        const names = lots.map((lot) => `"${lot.name}"`).join(', ');
        throw new ValidationAppError([{
          field: 'subRegionId',
          code: 'SUB_REGION_IN_USE',
          message: `De subregio ${subRegion.name} kan niet weg: ${lots.length === 1 ? 'het perceel' : 'de percelen'} ${names} ${lots.length === 1 ? 'is' : 'zijn'} voor deze subregio ingericht.`,
        }]);
      }
      await manager.getRepository(SubRegionEntity).delete({ id: subRegion.id });
      await recordAdminChange(manager, actor, this.clock.now(), { regionId, organisationId: regionId, subjectKind: 'SUB_REGION', subjectId: subRegion.id, summary: `Subregio verwijderd: ${subRegion.name}` });
    });
    return true;
  }

  /** Registers a provider or changes its name, KvK number and keurmerk; a changed keurmerk is checked by the worker. */
  async saveProvider(actor: Actor, input: SaveManagedProviderInput): Promise<AdminProviderType> {
    const regionId = regionScopeOf(actor);
    if (input.id) await this.access.requireOne(actor, 'provider', input.id);
    const organisations = this.db.getRepository(OrganisationEntity);
    const violations: RuleViolation[] = [];
    if (await organisations.existsBy({ kind: 'PROVIDER', kvkNumber: input.kvkNumber, ...(input.id ? { id: Not(input.id) } : {}) })) {
      violations.push({ field: 'kvkNumber', code: 'KVK_NUMBER_TAKEN', message: 'Er is al een aanbieder met dit KvK-nummer.' });
    }
    if (input.hasKeurmerk && !input.keurmerkNumber?.trim()) violations.push({ field: 'keurmerkNumber', code: 'KEURMERK_NUMBER_REQUIRED', message: 'Vul het nummer van het keurmerk in.' });
    if (input.hasKeurmerk && !input.keurmerkValidUntil) violations.push({ field: 'keurmerkValidUntil', code: 'KEURMERK_DATE_REQUIRED', message: 'Vul in tot wanneer het keurmerk geldig is.' });
    throwIfViolations(violations);
    const values = {
      name: input.name.trim(),
      kvkNumber: input.kvkNumber,
      providerKind: input.providerKind,
      keurmerkNumber: input.hasKeurmerk ? input.keurmerkNumber!.trim() : null,
      keurmerkValidUntil: input.hasKeurmerk ? input.keurmerkValidUntil! : null,
    };
    const id = await this.db.transaction(async (manager) => {
      const repository = manager.getRepository(OrganisationEntity);
      const before = input.id ? await repository.findOneByOrFail({ id: input.id }) : null;
      let providerId: string;
      if (input.id) {
        await repository.update({ id: input.id, kind: 'PROVIDER' }, values);
        providerId = input.id;
      } else {
        const inserted = await repository.insert({ ...values, kind: 'PROVIDER', createdByRegionId: regionId });
        providerId = (inserted.identifiers[0] as Pick<OrganisationEntity, 'id'>).id;
      }
      await enqueueInOutbox(manager, 'procurement.scan-provider', { providerId }, actor);
      const summary = describeChanges(before && { name: before.name, kvkNumber: before.kvkNumber, providerKind: before.providerKind, keurmerkNumber: before.keurmerkNumber, keurmerkValidUntil: before.keurmerkValidUntil }, values, PROVIDER_LABELS);
      await recordAdminChange(manager, actor, this.clock.now(), {
        regionId, organisationId: providerId, subjectKind: 'PROVIDER', subjectId: providerId, summary: `${before ? 'Aanbieder gewijzigd' : 'Aanbieder geregistreerd'}: ${values.name} (${summary})`,
      });
      return providerId;
    });
    const saved = await organisations.findOneByOrFail({ id });
    return Object.assign(new AdminProviderType(), {
      id: saved.id, name: saved.name, kvkNumber: saved.kvkNumber, providerKind: saved.providerKind, keurmerkNumber: saved.keurmerkNumber, keurmerkValidUntil: saved.keurmerkValidUntil,
    });
  }
}

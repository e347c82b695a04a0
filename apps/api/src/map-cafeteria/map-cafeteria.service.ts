import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkMapPart,
  checkMapPartChoice,
  checkMapPartCompletion,
  deadlineStatus,
  formatDateNl,
  integrationTermStart,
  isRoute,
  mapCafeteriaProgress,
  mapDueDate,
  type MapPartChoiceStatus,
  type MapTheme,
  type TargetGroup,
} from '@inburgering/domain';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { lockClient } from '../clients';
import { Clock } from '../clock';
import { ConflictAppError, requirePage, throwIfViolations, ValidationAppError } from '../common';
import { ClientEntity, ContractEntity, LotEntity, MapPartChoiceEntity, MapPartEntity, OrganisationEntity } from '../database';
import { type Actor, municipalityScopeOf, providerScopeOf, type ProviderId, type RegionId, tenantScopeOf } from '../tenancy';
import type {
  ChooseMapPartsInput,
  ClientMapPartsType,
  CompleteMapPartChoiceInput,
  MapPartChoiceType,
  MapPartParticipantPageType,
  MapPartParticipantType,
  MapPartType,
  SaveMapPartInput,
} from './map-cafeteria.types';

interface PartRow {
  id: string;
  providerId: string;
  providerName: string;
  name: string;
  description: string;
  minutes: number;
  priceCents: number;
  themes: string[];
  practical: boolean;
  active: boolean;
}

interface ParticipantRow {
  id: string;
  clientNumber: number;
  firstName: string;
  lastName: string;
  municipalityName: string;
  mapPartId: string;
  partName: string;
  minutes: number;
  status: string;
  chosenOn: string;
  completedOn: string | null;
}

const PARTICIPANT_COLUMNS = [
  'c.id AS "id"', 'cl.client_number AS "clientNumber"', 'cl.first_name AS "firstName"', 'cl.last_name AS "lastName"', 'm.name AS "municipalityName"',
  'c.map_part_id AS "mapPartId"', 'mp.name AS "partName"', 'mp.minutes AS "minutes"', 'c.status AS "status"',
  `to_char(c.chosen_on, 'YYYY-MM-DD') AS "chosenOn"`, `to_char(c.completed_on, 'YYYY-MM-DD') AS "completedOn"`,
];

const toPart = (row: PartRow): MapPartType => ({ ...row, minutes: Number(row.minutes), priceCents: Number(row.priceCents), themes: row.themes as MapTheme[] });

const toParticipant = (row: ParticipantRow): MapPartParticipantType => ({
  id: row.id,
  clientNumber: Number(row.clientNumber),
  clientName: `${row.firstName} ${row.lastName}`,
  municipalityName: row.municipalityName,
  mapPartId: row.mapPartId,
  partName: row.partName,
  minutes: Number(row.minutes),
  status: row.status as MapPartChoiceStatus,
  chosenOn: row.chosenOn,
  completedOn: row.completedOn,
});

/**
 * MAP parts offered cafeteria-style (Zuid-Limburg/Parkstad: the WSP Parkstad): the region or the offering party keeps a
 * catalogue; the consultant records the parts a client chose; the offering party sees only the clients who chose its
 * parts (number and name, never a BSN or intake) and marks each part completed; the consultant follows the progress
 * towards the MAP.
 */
@Injectable()
export class MapCafeteriaService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  private partsQuery(manager: EntityManager) {
    return manager
      .getRepository(MapPartEntity)
      .createQueryBuilder('mp')
      .innerJoin(OrganisationEntity, 'o', 'o.id = mp.provider_id')
      .select(['mp.id AS "id"', 'mp.provider_id AS "providerId"', 'o.name AS "providerName"', 'mp.name AS "name"', 'mp.description AS "description"'])
      .addSelect(['mp.minutes AS "minutes"', 'mp.price_cents AS "priceCents"', 'mp.themes AS "themes"', 'mp.practical AS "practical"', 'mp.active AS "active"'])
      .orderBy('o.name')
      .addOrderBy('mp.name')
      .addOrderBy('mp.id');
  }

  /** The catalogue: the region's parts (projectleider, consultants of its municipalities) or the provider's own. */
  async catalogue(actor: Actor): Promise<MapPartType[]> {
    const scope = tenantScopeOf(actor);
    const query = this.partsQuery(this.db.manager);
    if (scope.kind === 'PROVIDER') query.where('mp.provider_id = :pr', { pr: scope.providerId });
    else query.where('mp.region_id = :r', { r: scope.regionId });
    return (await query.getRawMany<PartRow>()).map(toPart);
  }

  /** Adds a part to the catalogue or changes one; the projectleider names the offering party, a provider keeps its own. */
  async save(actor: Actor, input: SaveMapPartInput): Promise<MapPartType> {
    const scope = tenantScopeOf(actor);
    if (input.id) await this.access.requireOne(actor, 'mapPart', input.id);
    const values = { name: input.name.trim(), description: input.description.trim(), minutes: input.minutes, priceCents: input.priceCents, themes: [...new Set(input.themes)], practical: input.practical, active: input.active };
    const violations = checkMapPart(values);
    if (!input.id && scope.kind === 'REGION' && !input.providerId) violations.unshift({ field: 'providerId', code: 'MAP_PART_PROVIDER_REQUIRED', message: 'Kies de aanbiedende partij.' });
    throwIfViolations(violations);
    return this.db.transaction(async (manager) => {
      const parts = manager.getRepository(MapPartEntity);
      let id = input.id ?? null;
      if (id) {
        await parts.update({ id }, values);
      } else {
        const owner = scope.kind === 'REGION'
          ? { regionId: scope.regionId, providerId: await this.access.requireOne(actor, 'provider', input.providerId as string) }
          : { regionId: await this.regionOfProvider(manager, providerScopeOf(actor)), providerId: providerScopeOf(actor) };
        const inserted = await parts.insert({ ...owner, ...values });
        id = (inserted.identifiers[0] as { id: string }).id;
      }
      const row = await this.partsQuery(manager).where('mp.id = :id', { id }).getRawOne<PartRow>();
      if (!row) throw this.access.notFound('mapPart');
      return toPart(row);
    });
  }

  /** The one region a provider offers MAP parts in: the region that registered it, or the one region it holds contracts in. */
  private async regionOfProvider(manager: EntityManager, providerId: ProviderId): Promise<RegionId> {
    const provider = await manager.getRepository(OrganisationEntity).findOne({ select: { id: true, createdByRegionId: true }, where: { id: providerId } });
    if (provider?.createdByRegionId) return provider.createdByRegionId as RegionId;
    const regions = await manager
      .getRepository(ContractEntity)
      .createQueryBuilder('k')
      .innerJoin(LotEntity, 'l', 'l.id = k.lot_id')
      .select('DISTINCT l.region_id', 'regionId')
      .where('k.provider_id = :providerId', { providerId })
      .getRawMany<{ regionId: string }>();
    if (regions.length !== 1) {
      throw new ValidationAppError([{ field: 'providerId', message: 'Uw organisatie werkt niet voor precies één regio; laat de projectleider van de regio het onderdeel toevoegen.' }]);
    }
    return regions[0].regionId as RegionId;
  }

  /** One client's MAP parts for the consultant: the catalogue of the region, the chosen parts, the progress and the MAP deadline. */
  async forClient(actor: Actor, clientId: string): Promise<ClientMapPartsType> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', clientId);
    const scope = tenantScopeOf(actor);
    if (scope.kind !== 'MUNICIPALITY') throw this.access.notFound('client');
    const client = await this.db.getRepository(ClientEntity).findOne({
      select: { id: true, targetGroup: true, route: true, pipSignedOn: true, firstPipSignedOn: true, brpRegistrationDate: true },
      where: { id: clientId, municipalityId },
    });
    if (!client) throw this.access.notFound('client');
    const catalogue = (await this.partsQuery(this.db.manager).where('mp.region_id = :r AND mp.active', { r: scope.regionId }).getRawMany<PartRow>()).map(toPart);
    const choiceRows = await this.db
      .getRepository(MapPartChoiceEntity)
      .createQueryBuilder('c')
      .innerJoin(MapPartEntity, 'mp', 'mp.id = c.map_part_id')
      .innerJoin(OrganisationEntity, 'o', 'o.id = c.provider_id')
      .select(['c.id AS "id"', 'c.map_part_id AS "mapPartId"', 'mp.name AS "partName"', 'o.name AS "providerName"', 'mp.minutes AS "minutes"', 'mp.themes AS "themes"'])
      .addSelect(['mp.practical AS "practical"', 'c.status AS "status"', `to_char(c.chosen_on, 'YYYY-MM-DD') AS "chosenOn"`, `to_char(c.completed_on, 'YYYY-MM-DD') AS "completedOn"`])
      .where('c.client_id = :clientId AND c.municipality_id = :municipalityId', { clientId, municipalityId })
      .orderBy('c.chosen_on')
      .addOrderBy('mp.name')
      .addOrderBy('c.id')
      .getRawMany<Omit<MapPartChoiceType, 'themes' | 'status'> & { themes: string[]; status: string }>();
    const choices: MapPartChoiceType[] = choiceRows.map((row) => ({ ...row, minutes: Number(row.minutes), themes: row.themes as MapTheme[], status: row.status as MapPartChoiceStatus }));
    const progress = mapCafeteriaProgress(choices.map((c) => ({ minutes: c.minutes, themes: c.themes, practical: c.practical, completedOn: c.completedOn })));
    const route = isRoute(client.route) ? client.route : null;
    const mapApplies = route !== null && route !== 'ONDERWIJS';
    const termStart = integrationTermStart(client.targetGroup as TargetGroup, client.firstPipSignedOn ?? client.pipSignedOn, client.brpRegistrationDate);
    const mapDueOn = mapApplies && termStart ? mapDueDate(termStart) : null;
    await logProcessing(this.db.manager, actor, 'READ', 'client', [clientId], PURPOSE.CASELOAD);
    return {
      clientId,
      mapApplies,
      catalogue,
      choices,
      progress,
      mapDueOn,
      mapDueStatus: mapDueOn ? deadlineStatus(mapDueOn, this.clock.today(), { completedOn: progress.completedOn }) : null,
    };
  }

  /** The consultant records the parts a client chose from the catalogue (all at once, once per idempotency key). */
  async choose(actor: Actor, input: ChooseMapPartsInput): Promise<ClientMapPartsType> {
    const municipalityId = municipalityScopeOf(actor);
    const clientId = await this.access.requireOne(actor, 'client', input.clientId);
    await this.access.require(actor, 'mapPart', input.mapPartIds);
    await this.db.transaction(async (manager) => {
      const choices = manager.getRepository(MapPartChoiceEntity);
      const earlier = await choices.find({ select: { id: true, clientId: true, municipalityId: true }, where: { idempotencyKey: input.idempotencyKey } });
      if (earlier.length > 0) {
        if (earlier.every((c) => c.clientId === clientId && c.municipalityId === municipalityId)) return;
        throw new ConflictAppError('Deze invoer is al eerder gebruikt voor een andere inburgeraar. Laad de pagina opnieuw.');
      }
      const client = await lockClient(manager, municipalityId, clientId, () => this.access.notFound('client'));
      const already = await choices.find({ select: { mapPartId: true }, where: { clientId } });
      const parts = input.mapPartIds.length > 0 ? await manager.getRepository(MapPartEntity).find({ select: { id: true, providerId: true, active: true }, where: { id: In(input.mapPartIds) } }) : [];
      throwIfViolations(
        checkMapPartChoice({
          route: isRoute(client.route) ? client.route : null,
          partIds: input.mapPartIds,
          alreadyChosenIds: already.map((c) => c.mapPartId),
          inactiveIds: parts.filter((p) => !p.active).map((p) => p.id),
        }),
      );
      const chosenOn = this.clock.today();
      await choices.insert(
        parts.map((part) => ({ clientId, municipalityId, mapPartId: part.id, providerId: part.providerId, status: 'CHOSEN', chosenOn, chosenByUserId: actor.userId, idempotencyKey: input.idempotencyKey })),
      );
      await logProcessing(manager, actor, 'UPDATE', 'client', [clientId], PURPOSE.CASELOAD);
    });
    return this.forClient(actor, clientId);
  }

  /** The offering party's participants: the clients who chose its parts (number, name, municipality), a page at a time. */
  async participants(actor: Actor, status: MapPartChoiceStatus | null, limit: number, offset: number): Promise<MapPartParticipantPageType> {
    const providerId = providerScopeOf(actor);
    requirePage(limit, offset, 200, 'deelnemers');
    const query = this.participantQuery().where('c.provider_id = :providerId', { providerId });
    if (status) query.andWhere('c.status = :status', { status });
    const total = await query.getCount();
    const rows = await query
      .select(PARTICIPANT_COLUMNS)
      .orderBy(`CASE WHEN c.status = 'CHOSEN' THEN 0 ELSE 1 END`)
      .addOrderBy('c.chosen_on')
      .addOrderBy('cl.last_name')
      .addOrderBy('c.id')
      .limit(limit)
      .offset(offset)
      .getRawMany<ParticipantRow>();
    const clientIds = [...new Set(await this.clientIdsOf(rows.map((r) => r.id)))];
    await logProcessing(this.db.manager, actor, 'READ', 'client', clientIds, PURPOSE.MAP_PARTS);
    return { items: rows.map(toParticipant), total };
  }

  private participantQuery() {
    return this.db
      .getRepository(MapPartChoiceEntity)
      .createQueryBuilder('c')
      .innerJoin(ClientEntity, 'cl', 'cl.id = c.client_id')
      .innerJoin(OrganisationEntity, 'm', 'm.id = c.municipality_id')
      .innerJoin(MapPartEntity, 'mp', 'mp.id = c.map_part_id');
  }

  private async clientIdsOf(choiceIds: string[]): Promise<string[]> {
    if (choiceIds.length === 0) return [];
    const rows = await this.db.getRepository(MapPartChoiceEntity).find({ select: { clientId: true }, where: { id: In(choiceIds) } });
    return rows.map((r) => r.clientId);
  }

  /** The offering party marks a chosen part completed on a date; marking it again on the same date changes nothing. */
  async complete(actor: Actor, input: CompleteMapPartChoiceInput): Promise<MapPartParticipantType> {
    const providerId = providerScopeOf(actor);
    const choiceId = await this.access.requireOne(actor, 'mapPartChoice', input.choiceId);
    const clientId = await this.db.transaction(async (manager) => {
      const choices = manager.getRepository(MapPartChoiceEntity);
      const choice = await choices.findOne({ where: { id: choiceId, providerId }, lock: { mode: 'pessimistic_write' } });
      if (!choice) throw this.access.notFound('mapPartChoice');
      if (choice.status === 'COMPLETED') {
        if (choice.completedOn === input.completedOn) return choice.clientId;
        throw new ConflictAppError(`Dit onderdeel is al afgerond op ${formatDateNl(choice.completedOn as string)}.`, [
          { field: 'completedOn', message: `Dit onderdeel is al afgerond op ${formatDateNl(choice.completedOn as string)}.` },
        ]);
      }
      throwIfViolations(checkMapPartCompletion({ completedOn: input.completedOn, chosenOn: choice.chosenOn, today: this.clock.today() }));
      await choices.update({ id: choiceId }, { status: 'COMPLETED', completedOn: input.completedOn, completedByUserId: actor.userId });
      await logProcessing(manager, actor, 'UPDATE', 'client', [choice.clientId], PURPOSE.MAP_PARTS);
      return choice.clientId;
    });
    const [row] = await this.participantQuery().select(PARTICIPANT_COLUMNS).where('c.id = :choiceId', { choiceId }).getRawMany<ParticipantRow>();
    await logProcessing(this.db.manager, actor, 'READ', 'client', [clientId], PURPOSE.MAP_PARTS);
    return toParticipant(row);
  }
}

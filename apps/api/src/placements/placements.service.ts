import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  checkIndividualPlacement,
  checkInstroomklasPlacement,
  checkLotAgeBand,
  checkPlacementEndReason,
  ACTIVE_PLACEMENT_STATUSES,
  checkPlacementEnd,
  checkMapAllowed,
  checkPlacementMatchesClient,
  MODULES,
  PLACEABLE_CONTRACT_STATUSES,
  placementTrackOf,
  type LotSubject,
  type PlacementStatus,
  type Route,
  type RuleViolation,
  routeLabel,
} from '@inburgering/domain';
import { DataSource, type EntityManager, In } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { ConflictAppError, throwIfViolations } from '../common';
import { ClientEntity, ClientHistoryEntity, ContractEntity, LotEntity, LotMunicipalityEntity, OrganisationEntity, PlacementEntity, PlacementEventEntity } from '../database';
import { raiseSignals } from '../signals';
import { type Actor, municipalityScopeOf, type MunicipalityId } from '../tenancy';
import type { EndPlacementInput, PlaceInInstroomklasInput, PlacementChangeInput, RequestIndividualPlacementInput, RequestPlacementInput } from './placement-inputs';
import {
  eventsOf,
  freeOf,
  futureSlotsOfLots,
  joined,
  lockLotSeats,
  placementBaseFields,
  placementQuery,
  queuePositions,
  REQUESTED,
  slotsOfPlacements,
  toSlotType,
  WAITING,
  type Db,
} from './placement-queries';
import { lockPlacement, offerFreedSeats, transitionPlacement } from './placement-transitions';
import { ClientHistoryEntryType, PlacementLotType, PlacementOptionType, PlacementOrganisationType, PlacementProviderOptionType, PlacementType } from './placement.types';

/** Waiting placements per contract: the aggregate behind "n wachtenden" at a provider. */
interface ContractWaitingCount {
  contractId: string;
  waiting: number;
}

const MOVED = 'MOVED';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The municipality's side of placements: where a client can go, requesting, withdrawing, ending, and the history. */
@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /**
   * Lots that cover the client's municipality for its PIP route and for the modules beside it (PVT, KNM, MAP where the
   * route has one), with each contracted provider's coming start moments.
   */
  async options(actor: Actor, clientId: string): Promise<PlacementOptionType[]> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', clientId);
    const client = await this.db.getRepository(ClientEntity).findOne({ select: { id: true, route: true }, where: { id: clientId } });
    if (!client) throw this.access.notFound('client');
    if (!client.route) return [];
    const lots = await this.db
      .getRepository(LotEntity)
      .createQueryBuilder('l')
      .innerJoin(LotMunicipalityEntity, 'lm', 'lm.lotId = l.id AND lm.municipalityId = :municipalityId', { municipalityId })
      .where('l.subject IN (:...subjects)', { subjects: [client.route, ...MODULES.filter((m) => m !== 'MAP' || checkMapAllowed(client.route as Route).length === 0)] })
      .orderBy('l.name')
      .getMany()
      // The route's own lots first, then the modules.
      .then((found) => [...found.filter((l) => l.subject === client.route), ...found.filter((l) => l.subject !== client.route)]);
    const lotIds = lots.map((l) => l.id);
    if (lotIds.length === 0) return [];
    const slots = await futureSlotsOfLots(this.db.manager, lotIds, this.clock.today());
    const contracts = await this.db
      .getRepository(ContractEntity)
      .createQueryBuilder('k')
      .innerJoinAndSelect('k.provider', 'o')
      .where('k.lotId IN (:...lotIds)', { lotIds })
      .andWhere('k.status IN (:...running)', { running: [...PLACEABLE_CONTRACT_STATUSES] })
      .orderBy('o.name')
      .getMany();
    const waiting = await this.waitingPerContract(contracts.map((k) => k.id));
    return lots.map((lot) =>
      Object.assign(new PlacementOptionType(), {
        lot: Object.assign(new PlacementLotType(), { id: lot.id, name: lot.name, subject: lot.subject }),
        providers: contracts
          .filter((k) => k.lotId === lot.id)
          .map((k) => {
            const provider = joined(k.provider, 'contract.provider');
            const own = slots.filter((s) => s.contract.lotId === lot.id && s.contract.providerId === k.providerId);
            return Object.assign(new PlacementProviderOptionType(), {
              provider: Object.assign(new PlacementOrganisationType(), { id: provider.id, name: provider.name }),
              startMoments: own.map(toSlotType),
              freeSeats: own.reduce((sum, s) => sum + freeOf(s), 0),
              waiting: waiting.get(k.id) ?? 0,
            });
          }),
      }),
    );
  }

  private async waitingPerContract(contractIds: string[]): Promise<Map<string, number>> {
    if (contractIds.length === 0) return new Map();
    const rows = await this.db
      .getRepository(PlacementEntity)
      .createQueryBuilder('p')
      .select('p.contract_id', 'contractId')
      .addSelect('count(*)::int', 'waiting')
      .where('p.contractId IN (:...contractIds)', { contractIds })
      .andWhere('p.status = :waiting', { waiting: WAITING })
      .groupBy('p.contract_id')
      .getRawMany<ContractWaitingCount>();
    return new Map(rows.map((row) => [row.contractId, row.waiting]));
  }

  /**
   * Requests a seat for the client with the chosen provider. With a free seat on the start moment (or, without a chosen
   * one, on the first start moment that has one) the request goes to the provider; otherwise it waits in the queue of
   * the lot and start moment, in order of request. A repeated submission with the same idempotency key returns the first.
   */
  async request(actor: Actor, input: RequestPlacementInput): Promise<PlacementType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = this.clock.today();
    await this.access.requireOne(actor, 'client', input.clientId);
    // A lot that does not cover the municipality and an unknown lot answer alike.
    const lotVisible = (await this.access.allowed(actor, 'lot', [input.lotId])).has(input.lotId);
    const startMomentVisible = !input.startMomentId || (await this.access.allowed(actor, 'startMoment', [input.startMomentId])).has(input.startMomentId);
    const id = await this.db.transaction(async (manager) => {
      const client = await manager
        .getRepository(ClientEntity)
        .createQueryBuilder('c')
        .select(['c.id', 'c.clientNumber', 'c.route', 'c.pipSignedOn', 'c.dateOfBirth'])
        .where('c.id = :clientId', { clientId: input.clientId })
        .setLock('pessimistic_write')
        .getOne();
      if (!client) throw this.access.notFound('client');
      const existing = await manager.getRepository(PlacementEntity).findOne({
        select: { id: true, clientId: true, municipalityId: true },
        where: { idempotencyKey: input.idempotencyKey },
      });
      if (existing) {
        if (existing.clientId !== client.id || existing.municipalityId !== municipalityId) throw new ConflictAppError('Deze aanvraag is al gebruikt; vernieuw het formulier.');
        return existing.id;
      }
      const lot = lotVisible ? await manager.getRepository(LotEntity).findOne({ select: { id: true, subject: true, minAge: true, maxAge: true }, where: { id: input.lotId } }) : null;
      const clientRoute = client.route as Route | null;
      const violations: RuleViolation[] = lot
        ? checkPlacementMatchesClient({ lotSubject: lot.subject as LotSubject, lotCoversMunicipality: true, clientRoute, pipSignedOn: client.pipSignedOn })
        : [{ field: 'lotId', code: 'PLACEMENT_LOT_NOT_FOR_MUNICIPALITY', message: 'Dit perceel dekt de gemeente van de inburgeraar niet; kies een perceel voor uw gemeente.' }];
      const contract = await manager.getRepository(ContractEntity).findOne({
        select: { id: true },
        where: { lotId: input.lotId, providerId: input.providerId, status: In([...PLACEABLE_CONTRACT_STATUSES]) },
      });
      // A lot with an age band (Oss: the entree/inburgering track for 18–30) takes clients of that age only.
      if (lot) violations.push(...checkLotAgeBand({ minAge: lot.minAge, maxAge: lot.maxAge }, client.dateOfBirth, today));
      if (lot && !contract) violations.push({ field: 'providerId', code: 'PLACEMENT_PROVIDER_NOT_CONTRACTED', message: 'Deze aanbieder heeft geen lopend contract op dit perceel; kies een andere aanbieder.' });
      // One running placement per track: a PVT placement may run next to the B1 placement, not next to another PVT one.
      const runningSubjects = lot
        ? (await manager.getRepository(PlacementEntity).createQueryBuilder('p').innerJoin('p.lot', 'rl').select('rl.subject', 'subject')
          .where('p.clientId = :clientId AND p.status IN (:...active)', { clientId: client.id, active: [...ACTIVE_PLACEMENT_STATUSES] })
          .getRawMany<{ subject: LotSubject }>())
        : [];
      const running = lot && runningSubjects.some((r) => placementTrackOf(r.subject) === placementTrackOf(lot.subject as LotSubject));
      if (running) {
        violations.push({ field: 'clientId', code: 'PLACEMENT_ALREADY_ACTIVE', message: 'Deze inburgeraar heeft al een lopende aanmelding of plaatsing. Trek die eerst in of beëindig hem.' });
      }
      throwIfViolations(violations);
      if (!contract || !clientRoute) throw new Error('Aanmelding zonder contract of route na de controles.');
      await lockLotSeats(manager, input.lotId);
      const slots = (await futureSlotsOfLots(manager, [input.lotId], today)).filter((s) => s.contract.id === contract.id);
      const slot = input.startMomentId ? slots.find((s) => s.moment.id === input.startMomentId) : slots.find((s) => freeOf(s) > 0);
      if (input.startMomentId && (!slot || !startMomentVisible)) {
        throwIfViolations([{ field: 'startMomentId', code: 'PLACEMENT_START_MOMENT_UNKNOWN', message: 'Dit instroommoment hoort niet bij deze aanbieder of ligt in het verleden; kies een ander instroommoment.' }]);
      }
      const status: PlacementStatus = slot && freeOf(slot) > 0 ? REQUESTED : WAITING;
      const placementId = randomUUID();
      await manager.getRepository(PlacementEntity).insert({
        id: placementId,
        clientId: client.id,
        municipalityId,
        lotId: input.lotId,
        contractId: contract.id,
        providerId: input.providerId,
        startMomentId: slot?.moment.id ?? null,
        route: clientRoute,
        status,
        // The database's clock: the waiting queue is ordered by it, also when a test clock stands still.
        requestedAt: () => 'now()',
        requestedByUserId: actor.userId,
        idempotencyKey: input.idempotencyKey,
      });
      await manager.getRepository(PlacementEventEntity).insert({
        placementId, fromStatus: null, toStatus: status, actorUserId: actor.userId,
        note: status === WAITING ? 'Geen vrije plaats: op de wachtlijst gezet.' : 'Aangemeld bij de aanbieder.',
      });
      if (status === REQUESTED) {
        // Client numbers are per municipality: the provider's message names the municipality, so two clients never read alike.
        const municipality = await manager.getRepository(OrganisationEntity).findOneOrFail({ select: { id: true, name: true }, where: { id: municipalityId } });
        await raiseSignals(manager, [{
          kind: 'PLACEMENT_REQUESTED', organisationId: input.providerId, subjectType: 'placement', subjectId: placementId, occurrenceKey: `${placementId}:requested`,
          message: `Nieuwe aanmelding van klantnummer ${client.clientNumber} van ${municipality.name} voor de ${routeLabel(clientRoute)}.`,
        }]);
      }
      await logProcessing(manager, actor, 'CREATE', 'placement', [placementId], PURPOSE.PLACEMENT);
      return placementId;
    });
    return this.one(municipalityId, id);
  }

  /** Whether an Onderwijsroute lot covers the municipality (then the consultant places on the lot, not individually). */
  private async onderwijsLotCovers(db: Db, municipalityId: MunicipalityId): Promise<boolean> {
    return db.getRepository(LotEntity).createQueryBuilder('l')
      .innerJoin(LotMunicipalityEntity, 'lm', 'lm.lotId = l.id AND lm.municipalityId = :municipalityId', { municipalityId })
      .where(`l.subject = 'ONDERWIJS'`).getExists();
  }

  /**
   * The institutions a consultant may place an Onderwijsroute client with individually: only when no lot for the
   * Onderwijsroute covers the municipality (Kerkrade); the providers its region contracts or registered.
   */
  async individualInstitutions(actor: Actor, clientId: string): Promise<PlacementOrganisationType[]> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', clientId);
    const client = await this.db.getRepository(ClientEntity).findOne({ select: { id: true, route: true }, where: { id: clientId } });
    if (!client) throw this.access.notFound('client');
    if (client.route !== 'ONDERWIJS' || (await this.onderwijsLotCovers(this.db.manager, municipalityId))) return [];
    return this.regionProviders(actor, municipalityId);
  }

  /** The providers the municipality's region contracts or registered (the 'institution' kind of the AccessService). */
  private async regionProviders(actor: Actor, municipalityId: MunicipalityId): Promise<PlacementOrganisationType[]> {
    const candidates = await this.db.getRepository(OrganisationEntity).createQueryBuilder('o').select(['o.id', 'o.name'])
      .innerJoin(OrganisationEntity, 'm', 'm.id = :municipalityId', { municipalityId })
      .where(`o.kind = 'PROVIDER'`)
      .andWhere(`(o.created_by_region_id = m.region_id OR EXISTS (SELECT 1 FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.provider_id = o.id AND l.region_id = m.region_id))`)
      .orderBy('o.name').getMany();
    const allowed = await this.access.allowed(actor, 'institution', candidates.map((o) => o.id));
    return candidates.filter((o) => allowed.has(o.id)).map((o) => Object.assign(new PlacementOrganisationType(), { id: o.id, name: o.name }));
  }

  /** The providers that can run the client's instroomklas: those of the municipality's region. */
  async instroomklasProviders(actor: Actor, clientId: string): Promise<PlacementOrganisationType[]> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', clientId);
    return this.regionProviders(actor, municipalityId);
  }

  /**
   * Places the client in the instroomklas of a provider of the region until the route starts (beleidsplan Oss §2.10):
   * a placement of its own kind, running from the first day, outside a lot (no seats or waiting list), in which the
   * provider registers hours as in any placement; the consultant ends it when the route starts.
   */
  async placeInInstroomklas(actor: Actor, input: PlaceInInstroomklasInput): Promise<PlacementType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = this.clock.today();
    await this.access.requireOne(actor, 'client', input.clientId);
    const providerVisible = (await this.access.allowed(actor, 'institution', [input.providerId])).has(input.providerId);
    const id = await this.db.transaction(async (manager) => {
      const { client, earlier } = await this.lockClientForRequest(manager, input.clientId, input.idempotencyKey, municipalityId);
      if (earlier) return earlier;
      const running = await manager.getRepository(PlacementEntity).createQueryBuilder('p').leftJoin('p.lot', 'rl').select(['p.kind', 'p.status'])
        .where('p.clientId = :clientId AND p.status IN (:...active)', { clientId: client.id, active: [...ACTIVE_PLACEMENT_STATUSES] })
        .andWhere(`(p.kind = 'INSTROOMKLAS' OR p.status = 'STARTED' AND (p.lotId IS NULL OR rl.subject NOT IN (:...modules)))`, { modules: [...MODULES] })
        .getMany();
      const violations = checkInstroomklasPlacement({
        clientRoute: client.route, pipSignedOn: client.pipSignedOn, startsOn: input.startsOn, today,
        alreadyInInstroomklas: running.some((p) => p.kind === 'INSTROOMKLAS'), routeStarted: running.some((p) => p.kind === 'REGULAR'),
      });
      if (!providerVisible) violations.push({ field: 'providerId', code: 'INSTROOMKLAS_PROVIDER_UNKNOWN', message: 'Kies de aanbieder van de instroomklas uit de lijst.' });
      throwIfViolations(violations);
      if (!client.route) throw new Error('Instroomklas zonder route na de controles.');
      const placementId = randomUUID();
      await manager.getRepository(PlacementEntity).insert({
        id: placementId, clientId: client.id, municipalityId, lotId: null, contractId: null, providerId: input.providerId, startMomentId: null,
        kind: 'INSTROOMKLAS', route: client.route, status: 'STARTED', requestedAt: () => 'now()', requestedByUserId: actor.userId, idempotencyKey: input.idempotencyKey,
        startDate: input.startsOn, location: input.location?.trim() || null, groupName: 'Instroomklas',
      });
      await manager.getRepository(PlacementEventEntity).insert({ placementId, fromStatus: null, toStatus: 'STARTED', actorUserId: actor.userId, note: 'In de instroomklas geplaatst tot de route start.' });
      const municipality = await manager.getRepository(OrganisationEntity).findOneOrFail({ select: { id: true, name: true }, where: { id: municipalityId } });
      await raiseSignals(manager, [{
        kind: 'PLACEMENT_REQUESTED', organisationId: input.providerId, subjectType: 'placement', subjectId: placementId, occurrenceKey: `${placementId}:instroomklas`,
        message: `Klantnummer ${client.clientNumber} van ${municipality.name} is in de instroomklas geplaatst (wacht op de ${routeLabel(client.route as Route)}).`,
      }]);
      await logProcessing(manager, actor, 'CREATE', 'placement', [placementId], PURPOSE.PLACEMENT);
      return placementId;
    });
    return this.one(municipalityId, id);
  }

  /**
   * Places an Onderwijsroute client individually with an institution, outside a lot: no contract, no seats or waiting
   * list; the placement carries the price and period agreed for this client and goes straight to the institution.
   */
  async requestIndividual(actor: Actor, input: RequestIndividualPlacementInput): Promise<PlacementType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = this.clock.today();
    await this.access.requireOne(actor, 'client', input.clientId);
    const institutionVisible = (await this.access.allowed(actor, 'institution', [input.providerId])).has(input.providerId);
    const id = await this.db.transaction(async (manager) => {
      const { client, earlier } = await this.lockClientForRequest(manager, input.clientId, input.idempotencyKey, municipalityId);
      if (earlier) return earlier;
      const violations = checkIndividualPlacement({
        clientRoute: client.route, pipSignedOn: client.pipSignedOn, onderwijsLotCoversMunicipality: await this.onderwijsLotCovers(manager, municipalityId),
        priceCents: input.priceCents, startsOn: input.startsOn, endsOn: input.endsOn, today,
      });
      if (!institutionVisible) violations.push({ field: 'providerId', code: 'INDIVIDUAL_PLACEMENT_INSTITUTION_UNKNOWN', message: 'Kies een onderwijsinstelling uit de lijst.' });
      // One running placement on the route: an individual placement is the route's placement.
      const running = await manager.getRepository(PlacementEntity).createQueryBuilder('p').leftJoin('p.lot', 'rl')
        .where('p.clientId = :clientId AND p.status IN (:...active)', { clientId: client.id, active: [...ACTIVE_PLACEMENT_STATUSES] })
        .andWhere(`p.kind = 'REGULAR' AND (p.lotId IS NULL OR rl.subject NOT IN (:...modules))`, { modules: [...MODULES] }).getExists();
      if (running) violations.push({ field: 'clientId', code: 'PLACEMENT_ALREADY_ACTIVE', message: 'Deze inburgeraar heeft al een lopende aanmelding of plaatsing. Trek die eerst in of beëindig hem.' });
      throwIfViolations(violations);
      const placementId = randomUUID();
      await manager.getRepository(PlacementEntity).insert({
        id: placementId, clientId: client.id, municipalityId, lotId: null, contractId: null, providerId: input.providerId, startMomentId: null,
        route: 'ONDERWIJS', status: REQUESTED, requestedAt: () => 'now()', requestedByUserId: actor.userId, idempotencyKey: input.idempotencyKey,
        agreedPriceCents: input.priceCents, agreedStartsOn: input.startsOn, agreedEndsOn: input.endsOn,
      });
      await manager.getRepository(PlacementEventEntity).insert({ placementId, fromStatus: null, toStatus: REQUESTED, actorUserId: actor.userId, note: 'Individueel aangemeld bij de onderwijsinstelling (buiten een perceel).' });
      const municipality = await manager.getRepository(OrganisationEntity).findOneOrFail({ select: { id: true, name: true }, where: { id: municipalityId } });
      await raiseSignals(manager, [{
        kind: 'PLACEMENT_REQUESTED', organisationId: input.providerId, subjectType: 'placement', subjectId: placementId, occurrenceKey: `${placementId}:requested`,
        message: `Nieuwe individuele aanmelding van klantnummer ${client.clientNumber} van ${municipality.name} voor de ${routeLabel('ONDERWIJS')} (taalschakeltraject).`,
      }]);
      await logProcessing(manager, actor, 'CREATE', 'placement', [placementId], PURPOSE.PLACEMENT);
      return placementId;
    });
    return this.one(municipalityId, id);
  }

  /**
   * The client of a new placement outside a lot, locked so two requests cannot both pass the checks, and the id of the
   * placement an earlier request with the same key already made (a retry), if any.
   */
  private async lockClientForRequest(
    manager: EntityManager, clientId: string, idempotencyKey: string, municipalityId: MunicipalityId,
  ): Promise<{ client: Pick<ClientEntity, 'id' | 'clientNumber' | 'route' | 'pipSignedOn'>; earlier: string | null }> {
    const client = await manager.getRepository(ClientEntity).createQueryBuilder('c')
      .select(['c.id', 'c.clientNumber', 'c.route', 'c.pipSignedOn'])
      .where('c.id = :clientId', { clientId }).setLock('pessimistic_write').getOne();
    if (!client) throw this.access.notFound('client');
    const existing = await manager.getRepository(PlacementEntity).findOne({ select: { id: true, clientId: true, municipalityId: true }, where: { idempotencyKey } });
    if (existing && (existing.clientId !== client.id || existing.municipalityId !== municipalityId)) {
      throw new ConflictAppError('Deze aanvraag is al gebruikt; vernieuw het formulier.');
    }
    return { client, earlier: existing?.id ?? null };
  }

  /** The consultant withdraws a request or an accepted placement before it starts; a freed seat goes to the queue. */
  async withdraw(actor: Actor, input: PlacementChangeInput): Promise<PlacementType> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'placement', input.placementId);
    await this.db.transaction(async (manager) => {
      const placement = await lockPlacement(manager, input.placementId, input.version, () => this.access.notFound('placement'));
      await transitionPlacement(manager, placement, 'WITHDRAWN', actor.userId, input.note?.trim() || 'Ingetrokken door de gemeente.');
      await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PLACEMENT);
      await offerFreedSeats(manager, [placement.lotId], actor);
    });
    return this.one(municipalityId, input.placementId);
  }

  /** Ends an accepted or started placement with a reason; the seat goes to the first waiting client. */
  async end(actor: Actor, input: EndPlacementInput): Promise<PlacementType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = this.clock.today();
    await this.access.requireOne(actor, 'placement', input.placementId);
    await this.db.transaction(async (manager) => {
      const placement = await lockPlacement(manager, input.placementId, input.version, () => this.access.notFound('placement'));
      throwIfViolations([
        ...checkPlacementEnd({ endedOn: input.endedOn, startDate: placement.status === 'STARTED' ? placement.startDate : null, today }),
        ...checkPlacementEndReason(placement.kind, input.endReason),
      ]);
      await transitionPlacement(manager, placement, 'ENDED', actor.userId, input.note?.trim() || null, { endReason: input.endReason, endedOn: input.endedOn });
      await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PLACEMENT);
      await offerFreedSeats(manager, [placement.lotId], actor);
    });
    return this.one(municipalityId, input.placementId);
  }

  /** All placements of these clients of the municipality, newest first (batched for the Client.placements field). */
  async ofClients(municipalityId: MunicipalityId, clientIds: readonly string[]): Promise<Map<string, PlacementType[]>> {
    const byClient = new Map<string, PlacementType[]>();
    if (clientIds.length === 0) return byClient;
    const placements = await placementQuery(this.db.manager)
      .where('p.clientId IN (:...clientIds)', { clientIds: [...clientIds] })
      .andWhere('p.municipalityId = :municipalityId', { municipalityId })
      .orderBy('p.requestedAt', 'DESC')
      .getMany();
    for (const placement of await toPlacementTypes(this.db.manager, placements)) {
      byClient.set(placement.clientId, [...(byClient.get(placement.clientId) ?? []), placement]);
    }
    return byClient;
  }

  /** Route switches and moves of these clients of the municipality, newest first; moves show municipality names. */
  async historyOfClients(municipalityId: MunicipalityId, clientIds: readonly string[]): Promise<Map<string, ClientHistoryEntryType[]>> {
    const byClient = new Map<string, ClientHistoryEntryType[]>();
    if (clientIds.length === 0) return byClient;
    const entries = await this.db
      .getRepository(ClientHistoryEntity)
      .createQueryBuilder('h')
      .innerJoin(ClientEntity, 'c', 'c.id = h.clientId')
      .where('h.clientId IN (:...clientIds)', { clientIds: [...clientIds] })
      .andWhere('c.municipalityId = :municipalityId', { municipalityId })
      .orderBy('h.recordedAt', 'DESC')
      .getMany();
    // A move records organisation ids; the consultant sees the municipalities' names.
    const organisationIds = [...new Set(entries.filter((e) => e.kind === MOVED).flatMap((e) => [e.fromValue, e.toValue]).filter((v): v is string => v !== null && UUID.test(v)))];
    const organisations = organisationIds.length
      ? await this.db.getRepository(OrganisationEntity).find({ select: { id: true, name: true }, where: { id: In(organisationIds) } })
      : [];
    const nameOf = new Map(organisations.map((o) => [o.id, o.name]));
    const shown = (kind: string, value: string | null) => (kind === MOVED && value !== null ? nameOf.get(value) ?? null : value);
    for (const entry of entries) {
      const type = Object.assign(new ClientHistoryEntryType(), {
        id: entry.id, kind: entry.kind, fromValue: shown(entry.kind, entry.fromValue), toValue: shown(entry.kind, entry.toValue),
        effectiveOn: entry.effectiveOn, reason: entry.reason, recordedAt: entry.recordedAt,
      });
      byClient.set(entry.clientId, [...(byClient.get(entry.clientId) ?? []), type]);
    }
    return byClient;
  }

  private async one(municipalityId: MunicipalityId, placementId: string): Promise<PlacementType> {
    const placement = await placementQuery(this.db.manager)
      .where('p.id = :placementId', { placementId })
      .andWhere('p.municipalityId = :municipalityId', { municipalityId })
      .getOne();
    if (!placement) throw this.access.notFound('placement');
    const [type] = await toPlacementTypes(this.db.manager, [placement]);
    return type;
  }
}

async function toPlacementTypes(db: Db, placements: PlacementEntity[]): Promise<PlacementType[]> {
  const [slots, events, positions] = await Promise.all([
    slotsOfPlacements(db, placements),
    eventsOf(db, placements.map((p) => p.id)),
    queuePositions(db, placements),
  ]);
  return placements.map((placement) =>
    Object.assign(new PlacementType(), {
      ...placementBaseFields(placement, slots),
      clientId: placement.clientId,
      queuePosition: positions.get(placement.id) ?? null,
      events: events.get(placement.id) ?? [],
    }),
  );
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkMove, checkPipLevel, checkRouteSwitch, isRoute, routeLabel, type RuleViolation } from '@inburgering/domain';
import { DataSource, In, Not } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { throwIfViolations, ValidationAppError, BSN_CRYPTO, BsnCrypto } from '../common';
import { ClientEntity, ClientHistoryEntity, DeadlineSignalEntity, LotMunicipalityEntity, OrganisationEntity, PlacementEntity, SignalEntity } from '../database';
import { OrganisationKindGql, OrganisationType } from '../organisations';
import { enqueueInOutbox } from '../outbox';
import { closeActivePlacements, offerFreedSeats } from './placement-transitions';
import { ClientMovedType, PlacementOrganisationType } from './placement.types';
import { raiseSignals } from '../signals';
import { type Actor, municipalityScopeOf, type MunicipalityId } from '../tenancy';
import { type MoveClientInput, type SwitchRouteInput, type ClientType, clientsRepository, lockClient, ClientsService } from '../clients';

/** Changes in a client's course that touch the placements: a route switch and a move to another municipality. */
@Injectable()
export class ClientChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BSN_CRYPTO) private readonly crypto: BsnCrypto,
    private readonly clients: ClientsService,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /**
   * Switches the route within 18 months of the FIRST PIP with a written reason (a changed PIP does not reopen that window);
   * the new level must suit the new route (a changed PIP, so not a first one). Running placements on the old route end
   * or are withdrawn.
   */
  async switchRoute(actor: Actor, input: SwitchRouteInput): Promise<ClientType> {
    await this.access.requireOne(actor, 'client', input.clientId);
    const municipalityId = municipalityScopeOf(actor);
    const today = this.clock.today();
    await this.db.transaction(async (manager) => {
      const client = await lockClient(manager, municipalityId, input.clientId, () => this.access.notFound('client'));
      const firstPipSignedOn = client.firstPipSignedOn ?? client.pipSignedOn;
      if (!firstPipSignedOn || !isRoute(client.route)) {
        throw new ValidationAppError([{ field: 'toRoute', code: 'ROUTE_SWITCH_NO_PIP', message: 'Er is nog geen PIP met een leerroute; leg eerst het PIP vast.' }]);
      }
      throwIfViolations([
        ...checkRouteSwitch({ pipSignedOn: firstPipSignedOn, switchDate: today, reason: input.reason, fromRoute: client.route, toRoute: input.toRoute }),
        ...checkPipLevel({ route: input.toRoute, level: input.toLevel, isFirstPip: false }),
      ]);
      // The instroomklas goes on: the client now waits in it for the new route.
      const freed = await closeActivePlacements(manager, client.id, 'SWITCHED_ROUTE', today, actor.userId, `Routewissel naar de ${routeLabel(input.toRoute)}.`, (p) => p.kind === 'INSTROOMKLAS');
      await manager.getRepository(PlacementEntity).update({ clientId: client.id, kind: 'INSTROOMKLAS', status: 'STARTED' }, { route: input.toRoute });
      await manager
        .createQueryBuilder()
        .update(ClientEntity)
        .set({ route: input.toRoute, level: input.toLevel, firstPipSignedOn, pipCount: () => 'pip_count + 1' })
        .where('id = :id AND municipality_id = :municipalityId', { id: client.id, municipalityId })
        .execute();
      await manager.getRepository(ClientHistoryEntity).insert({
        clientId: client.id, kind: 'ROUTE_SWITCH', fromValue: client.route, toValue: input.toRoute, effectiveOn: today, reason: input.reason.trim(), actorUserId: actor.userId,
      });
      await logProcessing(manager, actor, 'UPDATE', 'client', [client.id], PURPOSE.CASELOAD);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId: client.id, municipalityId }, actor);
      await offerFreedSeats(manager, freed, actor);
    });
    return this.clients.get(actor, input.clientId);
  }

  /**
   * Transfers the client to the new municipality with the PIP, the placement history and the hours (DOMAIN brief §2, §7),
   * nothing more: the client gets a number there, placements on lots that do not cover the new municipality end, the
   * intake notes do not go along, and the old municipality keeps no access.
   */
  async move(actor: Actor, input: MoveClientInput): Promise<ClientMovedType> {
    await this.access.requireOne(actor, 'client', input.clientId);
    const municipalityId = municipalityScopeOf(actor);
    const today = this.clock.today();
    return this.db.transaction(async (manager) => {
      const client = await lockClient(manager, municipalityId, input.clientId, () => this.access.notFound('client'));
      const organisations = manager.getRepository(OrganisationEntity);
      const target = await organisations.findOne({ select: { id: true, name: true }, where: { id: input.toMunicipalityId, kind: 'MUNICIPALITY' } });
      const violations: RuleViolation[] = target
        ? checkMove({ fromMunicipalityId: municipalityId, toMunicipalityId: target.id, movedOn: input.movedOn, brpRegistrationDate: client.brpRegistrationDate, today })
        : [{ field: 'toMunicipalityId', code: 'MOVE_MUNICIPALITY_UNKNOWN', message: 'Kies de gemeente waar de inburgeraar naartoe verhuist.' }];
      throwIfViolations(violations);
      if (!target) return new ClientMovedType();
      // A verified municipality (looked up above): the tenant the client moves into, branded from here on.
      const targetId = target.id as MunicipalityId;
      // The same lock as a registration in the new municipality: client numbers and BSN uniqueness stay right.
      await clientsRepository.lockMunicipalityNumbering(manager, targetId);
      if (client.bsnEncrypted === null) throw new ValidationAppError([{ field: 'clientId', code: 'CLIENT_ANONYMISED', message: 'Deze inburgeraar is geanonimiseerd en kan niet meer verhuizen.' }]);
      const bsnHash = this.crypto.hash(target.id, this.crypto.decrypt(client.bsnEncrypted));
      if (await clientsRepository.bsnTaken(manager, targetId, bsnHash)) {
        throwIfViolations([{ field: 'toMunicipalityId', code: 'MOVE_ALREADY_REGISTERED', message: `Deze inburgeraar is al geregistreerd bij ${target.name}; neem contact op met die gemeente.` }]);
      }
      const covering = new Set(
        (await manager.getRepository(LotMunicipalityEntity).find({ select: { lotId: true }, where: { municipalityId: target.id } })).map((row) => row.lotId),
      );
      const freed = await closeActivePlacements(manager, client.id, 'MOVED_AWAY', input.movedOn, actor.userId, `Verhuisd naar ${target.name}.`, (p) => p.lotId !== null && covering.has(p.lotId));
      const placements = manager.getRepository(PlacementEntity);
      const placementIds = (await placements.find({ select: { id: true }, where: { clientId: client.id } })).map((p) => p.id);
      await placements.update({ clientId: client.id }, { municipalityId: target.id });
      await manager.getRepository(DeadlineSignalEntity).update({ clientId: client.id }, { municipalityId: target.id });
      const subjects = [client.id, ...placementIds];
      await manager
        .createQueryBuilder()
        .update(SignalEntity)
        .set({ organisationId: target.id })
        .where('organisation_id = :from AND subject_id IN (:...subjects)', { from: municipalityId, subjects })
        .andWhere('NOT EXISTS (SELECT 1 FROM signal s2 WHERE s2.kind = signal.kind AND s2.organisation_id = :to AND s2.occurrence_key = signal.occurrence_key)', { to: target.id })
        .execute();
      await manager.getRepository(SignalEntity).delete({ organisationId: municipalityId, subjectId: In(subjects) });
      const clientNumber = await clientsRepository.takeClientNumber(manager, targetId);
      // The PIP and progress move; the intake notes (health, family) stay behind with the old municipality, which
      // loses access: so they are removed (issue 14).
      await manager.getRepository(ClientEntity).update({ id: client.id }, { municipalityId: target.id, bsnHash, clientNumber, intakeNotes: null });
      await manager.getRepository(ClientHistoryEntity).insert({
        clientId: client.id, kind: 'MOVED', fromValue: municipalityId, toValue: target.id, effectiveOn: input.movedOn, reason: input.note?.trim() || null, actorUserId: actor.userId,
      });
      const from = await organisations.findOneOrFail({ select: { id: true, name: true }, where: { id: municipalityId } });
      await raiseSignals(manager, [{
        kind: 'CLIENT_MOVED_IN', organisationId: target.id, subjectType: 'client', subjectId: client.id, occurrenceKey: `${client.id}:moved:${input.movedOn}`,
        message: `Een inburgeraar is vanuit ${from.name} naar uw gemeente verhuisd (klantnummer ${clientNumber}); PIP en plaatsingsgeschiedenis zijn overgedragen.`,
      }]);
      await logProcessing(manager, actor, 'UPDATE', 'client', [client.id], PURPOSE.TRANSFER);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId: client.id, municipalityId: target.id }, actor);
      await offerFreedSeats(manager, freed, actor);
      return Object.assign(new ClientMovedType(), {
        toMunicipality: Object.assign(new PlacementOrganisationType(), { id: target.id, name: target.name }),
        clientNumber,
        movedOn: input.movedOn,
      });
    });
  }

  /** Every other municipality, to choose where a client moved to. */
  async moveTargets(actor: Actor): Promise<OrganisationType[]> {
    const municipalityId = municipalityScopeOf(actor);
    const rows = await this.db.getRepository(OrganisationEntity).find({ where: { kind: 'MUNICIPALITY', id: Not(municipalityId) }, order: { name: 'ASC' } });
    return rows.map((row) =>
      Object.assign(new OrganisationType(), { id: row.id, name: row.name, kind: OrganisationKindGql.MUNICIPALITY, cbsCode: row.cbsCode, kvkNumber: row.kvkNumber }),
    );
  }
}

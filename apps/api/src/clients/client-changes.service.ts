import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { calendarDateInAmsterdam, checkMove, checkPipLevel, checkRouteSwitch, routeLabel, type Level, type Route, type RuleViolation } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit/processing-log';
import { throwIfViolations, ValidationAppError } from '../common/app-errors';
import type { OrganisationRow } from '../graphql/loaders';
import { OrganisationType } from '../organisations/organisation.types';
import { enqueueInOutbox } from '../outbox/outbox';
import { closeActivePlacements, offerFreedSeats } from '../placements/placement-transitions';
import { ClientMovedType, PlacementOrganisationType } from '../placements/placement.types';
import { raiseSignals } from '../signals/raise-signal';
import type { Actor } from '../tenancy/actor';
import { municipalityScopeOf } from '../tenancy/tenant-scope';
import { BSN_CRYPTO, BsnCrypto } from './bsn-crypto';
import type { MoveClientInput, SwitchRouteInput } from './client-inputs';
import type { ClientType } from './client.types';
import { ClientsService, lockClient } from './clients.service';

/** Changes in a client's course that touch the placements: a route switch and a move to another municipality. */
@Injectable()
export class ClientChangesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(BSN_CRYPTO) private readonly crypto: BsnCrypto,
    private readonly clients: ClientsService,
  ) {}

  /**
   * Switches the route within 18 months of the PIP with a written reason (art. 17 Wi2021); the new level must suit the
   * new route (a changed PIP, so not a first one). Running placements on the old route end or are withdrawn.
   */
  async switchRoute(actor: Actor, input: SwitchRouteInput): Promise<ClientType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = calendarDateInAmsterdam(new Date());
    await this.db.transaction(async (manager) => {
      const client = await lockClient(manager, municipalityId, input.clientId);
      if (!client.pip_signed_on || !client.route) {
        throw new ValidationAppError([{ field: 'toRoute', code: 'ROUTE_SWITCH_NO_PIP', message: 'Er is nog geen PIP met een leerroute; leg eerst het PIP vast.' }]);
      }
      throwIfViolations([
        ...checkRouteSwitch({ pipSignedOn: client.pip_signed_on, switchDate: today, reason: input.reason, fromRoute: client.route as Route, toRoute: input.toRoute as Route }),
        ...checkPipLevel({ route: input.toRoute as Route, level: input.toLevel as Level, isFirstPip: false }),
      ]);
      const freed = await closeActivePlacements(manager, client.id, 'SWITCHED_ROUTE', today, actor.userId, `Routewissel naar de ${routeLabel(input.toRoute as Route)}.`);
      await manager.query(`UPDATE client SET route = $2, level = $3, pip_count = pip_count + 1, updated_at = now() WHERE id = $1`, [client.id, input.toRoute, input.toLevel]);
      await manager.query(
        `INSERT INTO client_history (client_id, kind, from_value, to_value, effective_on, reason, actor_user_id) VALUES ($1, 'ROUTE_SWITCH', $2, $3, $4, $5, $6)`,
        [client.id, client.route, input.toRoute, today, input.reason.trim(), actor.userId],
      );
      await logProcessing(manager, actor, 'UPDATE', 'client', [client.id], PURPOSE.CASELOAD);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId: client.id, municipalityId });
      await offerFreedSeats(manager, freed);
    });
    return this.clients.get(actor, input.clientId);
  }

  /**
   * Transfers the client to the new municipality with the PIP, the placement history and the hours (DOMAIN brief §2, §7):
   * the client gets a number there, placements on lots that do not cover the new municipality end, and the old
   * municipality keeps no access.
   */
  async move(actor: Actor, input: MoveClientInput): Promise<ClientMovedType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = calendarDateInAmsterdam(new Date());
    return this.db.transaction(async (manager) => {
      const client = await lockClient(manager, municipalityId, input.clientId);
      const [target]: { id: string; name: string }[] = await manager.query(`SELECT id, name FROM organisation WHERE id = $1 AND kind = 'MUNICIPALITY'`, [input.toMunicipalityId]);
      const violations: RuleViolation[] = target
        ? checkMove({ fromMunicipalityId: municipalityId, toMunicipalityId: target.id, movedOn: input.movedOn, brpRegistrationDate: client.brp_registration_date, today })
        : [{ field: 'toMunicipalityId', code: 'MOVE_MUNICIPALITY_UNKNOWN', message: 'Kies de gemeente waar de inburgeraar naartoe verhuist.' }];
      throwIfViolations(violations);
      // The same lock as a registration in the new municipality: client numbers and BSN uniqueness stay right.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [target.id]);
      const bsnHash = this.crypto.hash(target.id, this.crypto.decrypt(client.bsn_encrypted));
      const [duplicate] = await manager.query(`SELECT 1 FROM client WHERE municipality_id = $1 AND bsn_hash = $2`, [target.id, bsnHash]);
      if (duplicate) {
        throwIfViolations([{ field: 'toMunicipalityId', code: 'MOVE_ALREADY_REGISTERED', message: `Deze inburgeraar is al geregistreerd bij ${target.name}; neem contact op met die gemeente.` }]);
      }
      const covering = new Set<string>(
        (await manager.query(`SELECT lot_id FROM lot_municipality WHERE municipality_id = $1`, [target.id])).map((row: { lot_id: string }) => row.lot_id),
      );
      const freed = await closeActivePlacements(manager, client.id, 'MOVED_AWAY', input.movedOn, actor.userId, `Verhuisd naar ${target.name}.`, (p) => covering.has(p.lotId));
      const placementIds: string[] = (await manager.query(`UPDATE placement SET municipality_id = $2 WHERE client_id = $1 RETURNING id`, [client.id, target.id]))[0]
        .map((row: { id: string }) => row.id);
      await manager.query(`UPDATE deadline_signal SET municipality_id = $2 WHERE client_id = $1`, [client.id, target.id]);
      await manager.query(
        `UPDATE signal SET organisation_id = $3 WHERE organisation_id = $2 AND subject_id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM signal s2 WHERE s2.kind = signal.kind AND s2.organisation_id = $3 AND s2.occurrence_key = signal.occurrence_key)`,
        [[client.id, ...placementIds], municipalityId, target.id],
      );
      await manager.query(`DELETE FROM signal WHERE organisation_id = $2 AND subject_id = ANY($1::uuid[])`, [[client.id, ...placementIds], municipalityId]);
      const [[{ client_number: clientNumber }]] = await manager.query(
        `UPDATE client SET municipality_id = $2, bsn_hash = $3, updated_at = now(),
                client_number = (SELECT coalesce(max(client_number), 1000) + 1 FROM client WHERE municipality_id = $2)
          WHERE id = $1 RETURNING client_number`,
        [client.id, target.id, bsnHash],
      );
      await manager.query(
        `INSERT INTO client_history (client_id, kind, from_value, to_value, effective_on, reason, actor_user_id) VALUES ($1, 'MOVED', $2, $3, $4, $5, $6)`,
        [client.id, municipalityId, target.id, input.movedOn, input.note?.trim() || null, actor.userId],
      );
      const [from]: { name: string }[] = await manager.query(`SELECT name FROM organisation WHERE id = $1`, [municipalityId]);
      await raiseSignals(manager, [{
        kind: 'CLIENT_MOVED_IN', organisationId: target.id, subjectType: 'client', subjectId: client.id, occurrenceKey: `${client.id}:moved:${input.movedOn}`,
        message: `Een inburgeraar is vanuit ${from.name} naar uw gemeente verhuisd (klantnummer ${clientNumber}); PIP en plaatsingsgeschiedenis zijn overgedragen.`,
      }]);
      await logProcessing(manager, actor, 'UPDATE', 'client', [client.id], PURPOSE.TRANSFER);
      await enqueueInOutbox(manager, 'deadlines.scan-client', { clientId: client.id, municipalityId: target.id });
      await offerFreedSeats(manager, freed);
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
    const rows: OrganisationRow[] = await this.db.query(`SELECT * FROM organisation WHERE kind = 'MUNICIPALITY' AND id <> $1 ORDER BY name`, [municipalityId]);
    return rows.map(OrganisationType.from);
  }
}

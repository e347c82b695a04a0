import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  calendarDateInAmsterdam,
  checkPlacementEnd,
  checkPlacementMatchesClient,
  type LotSubject,
  type PlacementEndReason,
  type Route,
  type RuleViolation,
  routeLabel,
} from '@inburgering/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { logProcessing, PURPOSE } from '../audit/processing-log';
import { ConflictAppError, NotFoundAppError, throwIfViolations } from '../common/app-errors';
import { lockClient } from '../clients/clients.service';
import { raiseSignals } from '../signals/raise-signal';
import type { Actor } from '../tenancy/actor';
import { municipalityScopeOf, type MunicipalityId } from '../tenancy/tenant-scope';
import type { EndPlacementInput, PlacementChangeInput, RequestPlacementInput } from './placement-inputs';
import {
  eventsOf,
  freeOf,
  futureSlotsOfLots,
  lockLotSeats,
  PLACEMENT_SELECT,
  placementBaseFields,
  queuePositions,
  slotsByIds,
  toSlotType,
  type PlacementRow,
} from './placement-queries';
import { lockPlacement, offerFreedSeats, transitionPlacement } from './placement-transitions';
import { ClientHistoryEntryType, PlacementLotType, PlacementOptionType, PlacementOrganisationType, PlacementProviderOptionType, PlacementType } from './placement.types';

type Db = Pick<EntityManager, 'query'>;

interface HistoryRow {
  id: string;
  client_id: string;
  kind: string;
  from_value: string | null;
  to_value: string | null;
  effective_on: string;
  reason: string | null;
  recorded_at: Date;
}

/** The municipality's side of placements: where a client can go, requesting, withdrawing, ending, and the history. */
@Injectable()
export class PlacementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** Lots of the client's PIP route that cover its municipality, with each contracted provider's coming start moments. */
  async options(actor: Actor, clientId: string): Promise<PlacementOptionType[]> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'client', clientId);
    const client = await clientRoute(this.db, municipalityId, clientId);
    if (!client.route) return [];
    const lots: { id: string; name: string; subject: string }[] = await this.db.query(
      `SELECT l.id, l.name, l.subject FROM lot l JOIN lot_municipality lm ON lm.lot_id = l.id WHERE lm.municipality_id = $1 AND l.subject = $2 ORDER BY l.name`,
      [municipalityId, client.route],
    );
    const today = calendarDateInAmsterdam(new Date());
    const slots = await futureSlotsOfLots(this.db, lots.map((l) => l.id), today);
    const contracts: { lot_id: string; provider_id: string; provider_name: string; waiting: number }[] = await this.db.query(
      `SELECT c.lot_id, c.provider_id, o.name AS provider_name,
              (SELECT count(*)::int FROM placement p WHERE p.contract_id = c.id AND p.status = 'WAITING') AS waiting
         FROM contract c JOIN organisation o ON o.id = c.provider_id
        WHERE c.lot_id = ANY($1::uuid[]) AND c.status IN ('ACTIVE', 'EXTENDED') ORDER BY o.name`,
      [lots.map((l) => l.id)],
    );
    return lots.map((lot) =>
      Object.assign(new PlacementOptionType(), {
        lot: Object.assign(new PlacementLotType(), { id: lot.id, name: lot.name, subject: lot.subject }),
        providers: contracts
          .filter((c) => c.lot_id === lot.id)
          .map((c) => {
            const own = slots.filter((s) => s.lot_id === lot.id && s.provider_id === c.provider_id);
            return Object.assign(new PlacementProviderOptionType(), {
              provider: Object.assign(new PlacementOrganisationType(), { id: c.provider_id, name: c.provider_name }),
              startMoments: own.map(toSlotType),
              freeSeats: own.reduce((sum, s) => sum + freeOf(s), 0),
              waiting: c.waiting,
            });
          }),
      }),
    );
  }

  /**
   * Requests a seat for the client with the chosen provider. With a free seat on the start moment (or, without a chosen
   * one, on the first start moment that has one) the request goes to the provider; otherwise it waits in the queue of
   * the lot and start moment, in order of request. A repeated submission with the same idempotency key returns the first.
   */
  async request(actor: Actor, input: RequestPlacementInput): Promise<PlacementType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = calendarDateInAmsterdam(new Date());
    await this.access.requireOne(actor, 'client', input.clientId);
    const id = await this.db.transaction(async (manager) => {
      const client = await lockClient(manager, municipalityId, input.clientId);
      const [existing] = await manager.query(`SELECT id, client_id, municipality_id FROM placement WHERE idempotency_key = $1`, [input.idempotencyKey]);
      if (existing) {
        if (existing.client_id !== client.id || existing.municipality_id !== municipalityId) throw new ConflictAppError('Deze aanvraag is al gebruikt; vernieuw het formulier.');
        return existing.id as string;
      }
      const [lot]: { subject: LotSubject; covers: boolean }[] = await manager.query(
        `SELECT l.subject, EXISTS (SELECT 1 FROM lot_municipality lm WHERE lm.lot_id = l.id AND lm.municipality_id = $2) AS covers FROM lot l WHERE l.id = $1`,
        [input.lotId, municipalityId],
      );
      const violations: RuleViolation[] = lot
        ? checkPlacementMatchesClient({ lotSubject: lot.subject, lotCoversMunicipality: lot.covers, clientRoute: client.route as Route | null, pipSignedOn: client.pip_signed_on })
        : [{ field: 'lotId', code: 'PLACEMENT_LOT_UNKNOWN', message: 'Dit perceel bestaat niet; kies een perceel voor uw gemeente.' }];
      const [contract]: { id: string }[] = await manager.query(
        `SELECT id FROM contract WHERE lot_id = $1 AND provider_id = $2 AND status IN ('ACTIVE', 'EXTENDED')`,
        [input.lotId, input.providerId],
      );
      if (lot && !contract) violations.push({ field: 'providerId', code: 'PLACEMENT_PROVIDER_NOT_CONTRACTED', message: 'Deze aanbieder heeft geen lopend contract op dit perceel; kies een andere aanbieder.' });
      if (client.placement_status) {
        violations.push({ field: 'clientId', code: 'PLACEMENT_ALREADY_ACTIVE', message: 'Deze inburgeraar heeft al een lopende aanmelding of plaatsing. Trek die eerst in of beëindig hem.' });
      }
      throwIfViolations(violations);
      await lockLotSeats(manager, input.lotId);
      const slots = (await futureSlotsOfLots(manager, [input.lotId], today)).filter((s) => s.contract_id === contract.id);
      const slot = input.startMomentId ? slots.find((s) => s.id === input.startMomentId) : slots.find((s) => freeOf(s) > 0);
      if (input.startMomentId && !slot) {
        throwIfViolations([{ field: 'startMomentId', code: 'PLACEMENT_START_MOMENT_UNKNOWN', message: 'Dit instroommoment hoort niet bij deze aanbieder of ligt in het verleden; kies een ander instroommoment.' }]);
      }
      const status = slot && freeOf(slot) > 0 ? 'REQUESTED' : 'WAITING';
      const [{ id: placementId }] = await manager.query(
        `INSERT INTO placement (client_id, municipality_id, lot_id, contract_id, provider_id, start_moment_id, route, status, requested_at, requested_by_user_id, idempotency_key)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, now(), $9, $10) RETURNING id`,
        [client.id, municipalityId, input.lotId, contract.id, input.providerId, slot?.id ?? null, client.route, status, actor.userId, input.idempotencyKey],
      );
      await manager.query(`INSERT INTO placement_event (placement_id, from_status, to_status, actor_user_id, note) VALUES ($1, NULL, $2, $3, $4)`, [
        placementId, status, actor.userId, status === 'WAITING' ? 'Geen vrije plaats: op de wachtlijst gezet.' : 'Aangemeld bij de aanbieder.',
      ]);
      if (status === 'REQUESTED') {
        await raiseSignals(manager, [{
          kind: 'PLACEMENT_REQUESTED', organisationId: input.providerId, subjectType: 'placement', subjectId: placementId, occurrenceKey: `${placementId}:requested`,
          message: `Nieuwe aanmelding van klantnummer ${client.client_number} voor de ${routeLabel(client.route as Route)}.`,
        }]);
      }
      await logProcessing(manager, actor, 'CREATE', 'placement', [placementId], PURPOSE.PLACEMENT);
      return placementId as string;
    });
    return this.one(municipalityId, id);
  }

  /** The consultant withdraws a request or an accepted placement before it starts; a freed seat goes to the queue. */
  async withdraw(actor: Actor, input: PlacementChangeInput): Promise<PlacementType> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'placement', input.placementId);
    await this.db.transaction(async (manager) => {
      const placement = await lockPlacement(manager, input.placementId, input.version, () => this.access.notFound('placement'));
      await transitionPlacement(manager, placement, 'WITHDRAWN', actor.userId, input.note?.trim() || 'Ingetrokken door de gemeente.');
      await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PLACEMENT);
      await offerFreedSeats(manager, [placement.lot_id]);
    });
    return this.one(municipalityId, input.placementId);
  }

  /** Ends an accepted or started placement with a reason; the seat goes to the first waiting client. */
  async end(actor: Actor, input: EndPlacementInput): Promise<PlacementType> {
    const municipalityId = municipalityScopeOf(actor);
    const today = calendarDateInAmsterdam(new Date());
    await this.access.requireOne(actor, 'placement', input.placementId);
    await this.db.transaction(async (manager) => {
      const placement = await lockPlacement(manager, input.placementId, input.version, () => this.access.notFound('placement'));
      throwIfViolations(checkPlacementEnd({ endedOn: input.endedOn, startDate: placement.status === 'STARTED' ? placement.start_date : null, today }));
      await transitionPlacement(manager, placement, 'ENDED', actor.userId, input.note?.trim() || null, {
        end_reason: input.endReason as PlacementEndReason,
        ended_on: input.endedOn,
      });
      await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PLACEMENT);
      await offerFreedSeats(manager, [placement.lot_id]);
    });
    return this.one(municipalityId, input.placementId);
  }

  /** All placements of these clients of the municipality, newest first (batched for the Client.placements field). */
  async ofClients(municipalityId: MunicipalityId, clientIds: readonly string[]): Promise<Map<string, PlacementType[]>> {
    const rows: PlacementRow[] = await this.db.query(`${PLACEMENT_SELECT} WHERE p.client_id = ANY($1::uuid[]) AND p.municipality_id = $2 ORDER BY p.requested_at DESC`, [
      clientIds, municipalityId,
    ]);
    const types = await toPlacementTypes(this.db, rows);
    const byClient = new Map<string, PlacementType[]>();
    for (const placement of types) byClient.set(placement.clientId, [...(byClient.get(placement.clientId) ?? []), placement]);
    return byClient;
  }

  /** Route switches and moves of these clients of the municipality, newest first; moves show municipality names. */
  async historyOfClients(municipalityId: MunicipalityId, clientIds: readonly string[]): Promise<Map<string, ClientHistoryEntryType[]>> {
    const rows: HistoryRow[] = await this.db.query(
      `SELECT h.id, h.client_id, h.kind, h.effective_on, h.reason, h.recorded_at,
              CASE WHEN h.kind = 'MOVED' THEN (SELECT name FROM organisation WHERE id::text = h.from_value) ELSE h.from_value END AS from_value,
              CASE WHEN h.kind = 'MOVED' THEN (SELECT name FROM organisation WHERE id::text = h.to_value) ELSE h.to_value END AS to_value
         FROM client_history h JOIN client c ON c.id = h.client_id
        WHERE h.client_id = ANY($1::uuid[]) AND c.municipality_id = $2 ORDER BY h.recorded_at DESC`,
      [clientIds, municipalityId],
    );
    const byClient = new Map<string, ClientHistoryEntryType[]>();
    for (const row of rows) {
      const entry = Object.assign(new ClientHistoryEntryType(), {
        id: row.id, kind: row.kind, fromValue: row.from_value, toValue: row.to_value, effectiveOn: row.effective_on, reason: row.reason, recordedAt: row.recorded_at,
      });
      byClient.set(row.client_id, [...(byClient.get(row.client_id) ?? []), entry]);
    }
    return byClient;
  }

  private async one(municipalityId: MunicipalityId, placementId: string): Promise<PlacementType> {
    const rows: PlacementRow[] = await this.db.query(`${PLACEMENT_SELECT} WHERE p.id = $1 AND p.municipality_id = $2`, [placementId, municipalityId]);
    const [placement] = await toPlacementTypes(this.db, rows);
    return placement;
  }
}

async function clientRoute(db: Db, municipalityId: MunicipalityId, clientId: string): Promise<{ id: string; route: string | null }> {
  const [row]: { id: string; route: string | null }[] = await db.query(`SELECT id, route FROM client WHERE id = $1 AND municipality_id = $2`, [clientId, municipalityId]);
  if (!row) throw new NotFoundAppError('Deze inburgeraar bestaat niet of hoort niet bij uw gemeente.');
  return row;
}

async function toPlacementTypes(db: Db, rows: PlacementRow[]): Promise<PlacementType[]> {
  const ids = rows.map((r) => r.id);
  const [slots, events, positions] = await Promise.all([
    slotsByIds(db, [...new Set(rows.flatMap((r) => (r.start_moment_id ? [r.start_moment_id] : [])))]),
    eventsOf(db, ids),
    queuePositions(db, rows),
  ]);
  const slotById = new Map(slots.map((s) => [s.id, s]));
  return rows.map((row) =>
    Object.assign(new PlacementType(), {
      ...placementBaseFields(row, row.start_moment_id ? slotById.get(row.start_moment_id) : undefined),
      clientId: row.client_id,
      queuePosition: positions.get(row.id) ?? null,
      events: events.get(row.id) ?? [],
    }),
  );
}

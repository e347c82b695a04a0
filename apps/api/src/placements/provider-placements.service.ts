import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { calendarDateInAmsterdam, checkPlacementAcceptance, checkPlacementRejection, checkPlacementStart, formatDateNl, seatsFree } from '@inburgering/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access/access.service';
import { logProcessing, PURPOSE } from '../audit/processing-log';
import { throwIfViolations, ValidationAppError } from '../common/app-errors';
import { LevelGql, RouteGql } from '../clients/client.types';
import { raiseSignals } from '../signals/raise-signal';
import type { Actor } from '../tenancy/actor';
import { providerScopeOf, type ProviderId } from '../tenancy/tenant-scope';
import type { AcceptPlacementInput, PlacementChangeInput, ProviderPlacementFilterInput, RejectPlacementInput } from './placement-inputs';
import { lockLotSeats, PLACEMENT_COLUMNS, PLACEMENT_FROM, placementBaseFields, slotsByIds, type PlacementRow } from './placement-queries';
import { lockPlacement, offerFreedSeats, transitionPlacement, type LockedPlacement } from './placement-transitions';
import { PlacedClientType, PlacementOrganisationType, ProviderPlacementType } from './placement.types';

type Db = Pick<EntityManager, 'query'>;

/** What a provider may know of a placed client: no BSN, intake notes, learnability or deadlines are ever selected. */
interface ProviderPlacementRow extends PlacementRow {
  client_number: number;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  client_route: string | null;
  client_level: string | null;
  pip_minutes_per_week: number | null;
  pip_lesson_pattern: string | null;
  municipality_name: string;
}

const PROVIDER_SELECT = `SELECT ${PLACEMENT_COLUMNS}, c.client_number, c.first_name, c.last_name, c.date_of_birth, c.route AS client_route,
    c.level AS client_level, c.pip_minutes_per_week, c.pip_lesson_pattern, m.name AS municipality_name
  FROM ${PLACEMENT_FROM} JOIN client c ON c.id = p.client_id JOIN organisation m ON m.id = p.municipality_id`;

const DEFAULT_STATUSES = ['REQUESTED', 'ACCEPTED', 'STARTED'];

/** The provider's side: its inbox of requests, its placed clients, and accepting, rejecting and starting placements. */
@Injectable()
export class ProviderPlacementsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  /** The provider's own placements (never waiting ones: those were not offered to it); every client read is logged. */
  async list(actor: Actor, filter: ProviderPlacementFilterInput | null): Promise<ProviderPlacementType[]> {
    const providerId = providerScopeOf(actor);
    const statuses = (filter?.statuses?.length ? filter.statuses : DEFAULT_STATUSES).filter((s) => s !== 'WAITING');
    const candidates: ProviderPlacementRow[] = await this.db.query(
      `${PROVIDER_SELECT} WHERE p.provider_id = $1 AND p.status = ANY($2::text[])
        ORDER BY CASE p.status WHEN 'REQUESTED' THEN 0 ELSE 1 END, p.start_date NULLS FIRST, p.requested_at LIMIT 1000`,
      [providerId, statuses],
    );
    // A placement withdrawn while it was still waiting was never offered to this provider: the access rule drops it.
    const allowed = await this.access.allowed(actor, 'placement', candidates.map((r) => r.id));
    const rows = candidates.filter((r) => allowed.has(r.id));
    await logProcessing(this.db.manager, actor, 'READ', 'client', [...new Set(rows.map((r) => r.client_id))], PURPOSE.PROVIDER_EXECUTION);
    return toProviderTypes(this.db, rows);
  }

  async get(actor: Actor, placementId: string): Promise<ProviderPlacementType> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'placement', placementId);
    const [placement] = await this.load(this.db, providerId, placementId);
    await logProcessing(this.db.manager, actor, 'READ', 'client', [placement.client_id], PURPOSE.PROVIDER_EXECUTION);
    return (await toProviderTypes(this.db, [placement]))[0];
  }

  /** Accepts a request on a start moment with a free seat, with a start date, location and group; the consultant is told. */
  async accept(actor: Actor, input: AcceptPlacementInput): Promise<ProviderPlacementType> {
    providerScopeOf(actor);
    const today = calendarDateInAmsterdam(new Date());
    await this.access.requireOne(actor, 'placement', input.placementId);
    await this.db.transaction(async (manager) => {
      const placement = await lockPlacement(manager, input.placementId, input.version, () => this.access.notFound('placement'));
      await lockLotSeats(manager, placement.lot_id);
      const startMomentId = input.startMomentId ?? placement.start_moment_id;
      const [slot] = startMomentId ? await slotsByIds(manager, [startMomentId]) : [];
      if (!slot || slot.contract_id !== placement.contract_id) {
        throw new ValidationAppError([{ field: 'startMomentId', code: 'PLACEMENT_START_MOMENT_UNKNOWN', message: 'Kies een instroommoment van uw contract op dit perceel.' }]);
      }
      if (seatsFree(slot.seats, slot.taken) === 0) {
        throwIfViolations([{ field: 'startMomentId', code: 'PLACEMENT_START_MOMENT_FULL',
          message: `Het instroommoment van ${formatDateNl(slot.starts_on)} is vol (${slot.taken} van ${slot.seats} plaatsen bezet). Kies een ander instroommoment, voeg plaatsen toe of wijs de aanmelding af.` }]);
      }
      throwIfViolations(checkPlacementAcceptance({ startDate: input.startDate, location: input.location, startMomentStartsOn: slot.starts_on, today }));
      await transitionPlacement(manager, placement, 'ACCEPTED', actor.userId, null, {
        start_moment_id: slot.id,
        start_date: input.startDate,
        location: input.location.trim(),
        group_name: input.groupName?.trim() || null,
      });
      await this.tellMunicipality(manager, placement, 'PLACEMENT_ACCEPTED', (n, provider) =>
        `Klantnummer ${n} is geaccepteerd door ${provider}: start op ${formatDateNl(input.startDate)} in ${input.location.trim()}.`);
      await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PROVIDER_EXECUTION);
      if (slot.id !== placement.start_moment_id) await offerFreedSeats(manager, [placement.lot_id]);
    });
    return this.get(actor, input.placementId);
  }

  /** Rejects a request with a reason; the consultant is told and the offer goes to the next waiting client. */
  async reject(actor: Actor, input: RejectPlacementInput): Promise<ProviderPlacementType> {
    providerScopeOf(actor);
    await this.access.requireOne(actor, 'placement', input.placementId);
    await this.db.transaction(async (manager) => {
      const placement = await lockPlacement(manager, input.placementId, input.version, () => this.access.notFound('placement'));
      throwIfViolations(checkPlacementRejection(input.reason));
      await transitionPlacement(manager, placement, 'REJECTED', actor.userId, input.reason.trim(), { rejection_reason: input.reason.trim() });
      await this.tellMunicipality(manager, placement, 'PLACEMENT_REJECTED', (n, provider) => `Klantnummer ${n} is afgewezen door ${provider}: ${input.reason.trim()}`);
      await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PROVIDER_EXECUTION);
      await offerFreedSeats(manager, [placement.lot_id]);
    });
    return this.get(actor, input.placementId);
  }

  /** Marks an accepted placement as started, on or after its start date. */
  async start(actor: Actor, input: PlacementChangeInput): Promise<ProviderPlacementType> {
    providerScopeOf(actor);
    await this.access.requireOne(actor, 'placement', input.placementId);
    await this.db.transaction(async (manager) => {
      const placement = await lockPlacement(manager, input.placementId, input.version, () => this.access.notFound('placement'));
      throwIfViolations(checkPlacementStart(placement.start_date, calendarDateInAmsterdam(new Date())));
      await transitionPlacement(manager, placement, 'STARTED', actor.userId, input.note?.trim() || null);
      await logProcessing(manager, actor, 'UPDATE', 'placement', [placement.id], PURPOSE.PROVIDER_EXECUTION);
    });
    return this.get(actor, input.placementId);
  }

  private async tellMunicipality(db: Db, placement: LockedPlacement, kind: string, message: (clientNumber: number, provider: string) => string): Promise<void> {
    const [row]: { client_number: number; provider_name: string; version: number }[] = await db.query(
      `SELECT c.client_number, o.name AS provider_name, p.version FROM placement p JOIN client c ON c.id = p.client_id JOIN organisation o ON o.id = p.provider_id WHERE p.id = $1`,
      [placement.id],
    );
    await raiseSignals(db, [{
      kind, organisationId: placement.municipality_id, subjectType: 'placement', subjectId: placement.id,
      occurrenceKey: `${placement.id}:${row.version}`, message: message(row.client_number, row.provider_name),
    }]);
  }

  private async load(db: Db, providerId: ProviderId, placementId: string): Promise<ProviderPlacementRow[]> {
    const rows: ProviderPlacementRow[] = await db.query(`${PROVIDER_SELECT} WHERE p.id = $1 AND p.provider_id = $2 AND p.status <> 'WAITING'`, [placementId, providerId]);
    if (rows.length === 0) throw this.access.notFound('placement');
    return rows;
  }
}

async function toProviderTypes(db: Db, rows: ProviderPlacementRow[]): Promise<ProviderPlacementType[]> {
  const slots = await slotsByIds(db, [...new Set(rows.flatMap((r) => (r.start_moment_id ? [r.start_moment_id] : [])))]);
  const slotById = new Map(slots.map((s) => [s.id, s]));
  return rows.map((row) =>
    Object.assign(new ProviderPlacementType(), {
      ...placementBaseFields(row, row.start_moment_id ? slotById.get(row.start_moment_id) : undefined),
      client: Object.assign(new PlacedClientType(), {
        clientNumber: row.client_number,
        firstName: row.first_name,
        lastName: row.last_name,
        dateOfBirth: row.date_of_birth,
        route: row.client_route as RouteGql | null,
        level: row.client_level as LevelGql | null,
        pipMinutesPerWeek: row.pip_minutes_per_week,
        pipLessonPattern: row.pip_lesson_pattern,
        municipality: Object.assign(new PlacementOrganisationType(), { id: row.municipality_id, name: row.municipality_name }),
      }),
    }),
  );
}

// SQL shared by the consultant's and the provider's side of placements: placement rows, start-moment seats, events.
import { seatsOpenForOffer } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import type { RouteGql } from '../clients/client.types';
import type { LotSubjectGql } from '../lots/lot.types';
import {
  PlacementEndReasonGql,
  PlacementEventType,
  PlacementLotType,
  PlacementOrganisationType,
  PlacementStatusGql,
  StartMomentSlotType,
  type PlacementBase,
} from './placement.types';

type Db = Pick<EntityManager, 'query'>;

export interface PlacementRow {
  id: string;
  client_id: string;
  municipality_id: string;
  lot_id: string;
  contract_id: string;
  provider_id: string;
  start_moment_id: string | null;
  route: string;
  status: string;
  requested_at: Date;
  start_date: string | null;
  location: string | null;
  group_name: string | null;
  rejection_reason: string | null;
  end_reason: string | null;
  ended_on: string | null;
  version: number;
  lot_name: string;
  lot_subject: string;
  provider_name: string;
}

/** Placement columns with the lot and provider names; never any client column. */
export const PLACEMENT_COLUMNS = `p.id, p.client_id, p.municipality_id, p.lot_id, p.contract_id, p.provider_id, p.start_moment_id, p.route, p.status,
    p.requested_at, p.start_date, p.location, p.group_name, p.rejection_reason, p.end_reason, p.ended_on, p.version,
    l.name AS lot_name, l.subject AS lot_subject, o.name AS provider_name`;
export const PLACEMENT_FROM = `placement p JOIN lot l ON l.id = p.lot_id JOIN organisation o ON o.id = p.provider_id`;
/** Use with `WHERE` on `p.`. */
export const PLACEMENT_SELECT = `SELECT ${PLACEMENT_COLUMNS} FROM ${PLACEMENT_FROM}`;

export interface SlotRow {
  id: string;
  contract_id: string;
  provider_id: string;
  provider_name: string;
  lot_id: string;
  location: string;
  starts_on: string;
  seats: number;
  lesson_days: number[];
  minutes_per_week: number;
  daypart: string;
  taken: number;
  pending: number;
  waiting: number;
}

const SLOT_SELECT = `SELECT sm.id, sm.contract_id, c.provider_id, o.name AS provider_name, c.lot_id, sm.location, sm.starts_on, sm.seats, sm.lesson_days,
    sm.minutes_per_week, sm.daypart,
    count(p.id) FILTER (WHERE p.status IN ('ACCEPTED', 'STARTED'))::int AS taken,
    count(p.id) FILTER (WHERE p.status = 'REQUESTED')::int AS pending,
    count(p.id) FILTER (WHERE p.status = 'WAITING')::int AS waiting
  FROM start_moment sm JOIN contract c ON c.id = sm.contract_id JOIN organisation o ON o.id = c.provider_id
  LEFT JOIN placement p ON p.start_moment_id = sm.id`;
const SLOT_GROUP = `GROUP BY sm.id, c.provider_id, o.name, c.lot_id ORDER BY sm.starts_on, sm.location, sm.id`;

/** Start moments from `today` on, on running contracts (ACTIVE or EXTENDED) of these lots, with their seats. */
export function futureSlotsOfLots(db: Db, lotIds: string[], today: string): Promise<SlotRow[]> {
  return db.query(`${SLOT_SELECT} WHERE c.lot_id = ANY($1::uuid[]) AND c.status IN ('ACTIVE', 'EXTENDED') AND sm.starts_on >= $2 ${SLOT_GROUP}`, [lotIds, today]);
}

export function slotsByIds(db: Db, ids: string[]): Promise<SlotRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.query(`${SLOT_SELECT} WHERE sm.id = ANY($1::uuid[]) ${SLOT_GROUP}`, [ids]);
}

export function freeOf(slot: SlotRow): number {
  return seatsOpenForOffer(slot.seats, slot.taken, slot.pending);
}

export function toSlotType(slot: SlotRow): StartMomentSlotType {
  return Object.assign(new StartMomentSlotType(), {
    id: slot.id,
    location: slot.location,
    startsOn: slot.starts_on,
    seats: slot.seats,
    taken: slot.taken,
    pendingOffers: slot.pending,
    free: freeOf(slot),
    waiting: slot.waiting,
    lessonDays: slot.lesson_days,
    minutesPerWeek: slot.minutes_per_week,
    daypart: slot.daypart,
  });
}

/** Serialises everything that hands out seats on one lot (requests, acceptances, the waiting queue). */
export async function lockLotSeats(db: Db, lotId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext('placement-lot:' || $1))`, [lotId]);
}

interface EventRow {
  id: string;
  placement_id: string;
  from_status: string | null;
  to_status: string;
  occurred_at: Date;
  note: string | null;
}

export async function eventsOf(db: Db, placementIds: string[]): Promise<Map<string, PlacementEventType[]>> {
  const byPlacement = new Map<string, PlacementEventType[]>();
  if (placementIds.length === 0) return byPlacement;
  const rows: EventRow[] = await db.query(
    `SELECT id, placement_id, from_status, to_status, occurred_at, note FROM placement_event WHERE placement_id = ANY($1::uuid[]) ORDER BY occurred_at, id`,
    [placementIds],
  );
  for (const row of rows) {
    const event = Object.assign(new PlacementEventType(), {
      id: row.id,
      fromStatus: row.from_status as PlacementStatusGql | null,
      toStatus: row.to_status as PlacementStatusGql,
      occurredAt: row.occurred_at,
      note: row.note,
    });
    byPlacement.set(row.placement_id, [...(byPlacement.get(row.placement_id) ?? []), event]);
  }
  return byPlacement;
}

/** Position in the waiting queue of the same contract (1 = first), for WAITING placements. */
export async function queuePositions(db: Db, placements: PlacementRow[]): Promise<Map<string, number>> {
  const waiting = placements.filter((p) => p.status === 'WAITING');
  if (waiting.length === 0) return new Map();
  const rows: { id: string; position: number }[] = await db.query(
    `SELECT id, position FROM (
        SELECT id, row_number() OVER (PARTITION BY contract_id ORDER BY requested_at, id)::int AS position
          FROM placement WHERE status = 'WAITING' AND contract_id = ANY($1::uuid[])) q
      WHERE id = ANY($2::uuid[])`,
    [[...new Set(waiting.map((p) => p.contract_id))], waiting.map((p) => p.id)],
  );
  return new Map(rows.map((row) => [row.id, row.position]));
}

/** The fields both sides see, from a placement row and its start moment. */
export function placementBaseFields(row: PlacementRow, slot: SlotRow | undefined): Omit<PlacementBase, never> {
  return {
    id: row.id,
    status: row.status as PlacementStatusGql,
    route: row.route as RouteGql,
    requestedAt: row.requested_at,
    lot: Object.assign(new PlacementLotType(), { id: row.lot_id, name: row.lot_name, subject: row.lot_subject as LotSubjectGql }),
    provider: Object.assign(new PlacementOrganisationType(), { id: row.provider_id, name: row.provider_name }),
    startMoment: slot ? toSlotType(slot) : null,
    startDate: row.start_date,
    location: row.location,
    groupName: row.group_name,
    rejectionReason: row.rejection_reason,
    endReason: row.end_reason as PlacementEndReasonGql | null,
    endedOn: row.ended_on,
    version: row.version,
  };
}

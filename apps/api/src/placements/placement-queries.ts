// Typed data access shared by the consultant's and the provider's side of placements: placements with their lot and
// provider, start moments with their seat counts (the one aggregate), events and waiting-queue positions.
import {
  PLACEABLE_CONTRACT_STATUSES,
  SEAT_TAKING_PLACEMENT_STATUSES,
  seatsOpenForOffer,
  type CalendarDate,
  type PlacementStatus,
} from '@inburgering/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { RouteGql } from '../clients';
import { ContractEntity, LotEntity, OrganisationEntity, PlacementEntity, PlacementEventEntity, StartMomentEntity } from '../database';
import type { LotSubjectGql } from '../lots';
import {
  PlacementEventType,
  PlacementLotType,
  PlacementOrganisationType,
  StartMomentSlotType,
  IndividualAgreementType,
  type PlacementBase,
  type PlacementEndReasonGql,
  type PlacementKindGql,
  type PlacementStatusGql,
} from './placement.types';

export type Db = Pick<EntityManager, 'getRepository' | 'query'>;

export const WAITING: PlacementStatus = 'WAITING';
export const REQUESTED: PlacementStatus = 'REQUESTED';

/** A relation the query joined; a missing one is a programming error, not a user's. */
export function joined<T>(value: T | undefined | null, relation: string): T {
  if (value === undefined || value === null) throw new Error(`Relatie ${relation} is niet geladen.`);
  return value;
}

/** Placements with their lot and provider (never any client column); add `where` on `p`. */
export function placementQuery(db: Db): SelectQueryBuilder<PlacementEntity> {
  return db.getRepository(PlacementEntity).createQueryBuilder('p').leftJoinAndSelect('p.lot', 'l').innerJoinAndSelect('p.provider', 'o');
}

/** Seats of one start moment as the placements use them: the aggregate over its placements. */
export interface StartMomentSeatCounts {
  startMomentId: string;
  taken: number;
  pending: number;
  waiting: number;
}

/** A start moment with its contract, the contract's provider, and the seat counts. */
export interface Slot {
  moment: StartMomentEntity;
  contract: ContractEntity;
  provider: OrganisationEntity;
  counts: StartMomentSeatCounts;
}

async function seatCounts(db: Db, startMomentIds: string[]): Promise<Map<string, StartMomentSeatCounts>> {
  if (startMomentIds.length === 0) return new Map();
  const rows = await db
    .getRepository(PlacementEntity)
    .createQueryBuilder('p')
    .select('p.start_moment_id', 'startMomentId')
    .addSelect('(count(*) FILTER (WHERE p.status IN (:...seatTaking)))::int', 'taken')
    .addSelect('(count(*) FILTER (WHERE p.status = :requested))::int', 'pending')
    .addSelect('(count(*) FILTER (WHERE p.status = :waiting))::int', 'waiting')
    .where('p.start_moment_id IN (:...startMomentIds)', { startMomentIds })
    .setParameters({ seatTaking: [...SEAT_TAKING_PLACEMENT_STATUSES], requested: REQUESTED, waiting: WAITING })
    .groupBy('p.start_moment_id')
    .getRawMany<StartMomentSeatCounts>();
  return new Map(rows.map((row) => [row.startMomentId, row]));
}

function slotQuery(db: Db): SelectQueryBuilder<StartMomentEntity> {
  return db
    .getRepository(StartMomentEntity)
    .createQueryBuilder('sm')
    .innerJoinAndSelect('sm.contract', 'k')
    .innerJoinAndSelect('k.provider', 'pr')
    .orderBy('sm.startsOn')
    .addOrderBy('sm.location')
    .addOrderBy('sm.id');
}

async function withCounts(db: Db, moments: StartMomentEntity[]): Promise<Slot[]> {
  const counts = await seatCounts(db, moments.map((m) => m.id));
  return moments.map((moment) => {
    const contract = joined(moment.contract, 'startMoment.contract');
    return {
      moment,
      contract,
      provider: joined(contract.provider, 'contract.provider'),
      counts: counts.get(moment.id) ?? { startMomentId: moment.id, taken: 0, pending: 0, waiting: 0 },
    };
  });
}

/** Start moments from `today` on, on running contracts of these lots, with their seats. */
export async function futureSlotsOfLots(db: Db, lotIds: string[], today: CalendarDate): Promise<Slot[]> {
  if (lotIds.length === 0) return [];
  const moments = await slotQuery(db)
    .where('k.lotId IN (:...lotIds)', { lotIds })
    .andWhere('k.status IN (:...running)', { running: [...PLACEABLE_CONTRACT_STATUSES] })
    .andWhere('sm.startsOn >= :today', { today })
    .getMany();
  return withCounts(db, moments);
}

export async function slotsByIds(db: Db, ids: string[]): Promise<Slot[]> {
  if (ids.length === 0) return [];
  return withCounts(db, await slotQuery(db).where('sm.id IN (:...ids)', { ids }).getMany());
}

export function freeOf(slot: Slot): number {
  return seatsOpenForOffer(slot.moment.seats, slot.counts.taken, slot.counts.pending);
}

export function toSlotType(slot: Slot): StartMomentSlotType {
  const { moment, counts } = slot;
  return Object.assign(new StartMomentSlotType(), {
    id: moment.id,
    location: moment.location,
    startsOn: moment.startsOn,
    seats: moment.seats,
    taken: counts.taken,
    pendingOffers: counts.pending,
    free: freeOf(slot),
    waiting: counts.waiting,
    lessonDays: moment.lessonDays,
    minutesPerWeek: moment.minutesPerWeek,
    daypart: moment.daypart,
  });
}

/** Serialises everything that hands out seats on one lot (requests, acceptances, the waiting queue). */
export async function lockLotSeats(db: Db, lotId: string): Promise<void> {
  await db.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`placement-lot:${lotId}`]);
}

export async function eventsOf(db: Db, placementIds: string[]): Promise<Map<string, PlacementEventType[]>> {
  const byPlacement = new Map<string, PlacementEventType[]>();
  if (placementIds.length === 0) return byPlacement;
  const events = await db
    .getRepository(PlacementEventEntity)
    .createQueryBuilder('e')
    .where('e.placementId IN (:...placementIds)', { placementIds })
    .orderBy('e.occurredAt')
    .addOrderBy('e.id')
    .getMany();
  for (const event of events) {
    const type = Object.assign(new PlacementEventType(), {
      id: event.id,
      fromStatus: event.fromStatus as PlacementStatusGql | null,
      toStatus: event.toStatus as PlacementStatusGql,
      occurredAt: event.occurredAt,
      note: event.note,
    });
    byPlacement.set(event.placementId, [...(byPlacement.get(event.placementId) ?? []), type]);
  }
  return byPlacement;
}

/** A waiting placement's place in the queue of its contract (1 = first). */
interface QueuePosition {
  id: string;
  position: number;
}

/** Position in the waiting queue of the same contract (1 = first), for WAITING placements. */
export async function queuePositions(db: Db, placements: PlacementEntity[]): Promise<Map<string, number>> {
  const waiting = placements.filter((p) => p.status === WAITING);
  if (waiting.length === 0) return new Map();
  const wanted = new Set(waiting.map((p) => p.id));
  const rows = await db
    .getRepository(PlacementEntity)
    .createQueryBuilder('p')
    .select('p.id', 'id')
    .addSelect('(row_number() OVER (PARTITION BY p.contract_id ORDER BY p.requested_at, p.id))::int', 'position')
    .where('p.status = :waiting', { waiting: WAITING })
    .andWhere('p.contractId IN (:...contractIds)', { contractIds: [...new Set(waiting.map((p) => p.contractId))] })
    .getRawMany<QueuePosition>();
  return new Map(rows.filter((row) => wanted.has(row.id)).map((row) => [row.id, row.position]));
}

/** The start moments of these placements, by id. */
export async function slotsOfPlacements(db: Db, placements: PlacementEntity[]): Promise<Map<string, Slot>> {
  const slots = await slotsByIds(db, [...new Set(placements.flatMap((p) => (p.startMomentId ? [p.startMomentId] : [])))]);
  return new Map(slots.map((s) => [s.moment.id, s]));
}

/** The fields both sides see, from a placement (with its lot and provider joined) and its start moment. */
export function placementBaseFields(placement: PlacementEntity, slots: Map<string, Slot>): PlacementBase {
  // An individual placement has no lot; then it carries its agreed price and period.
  const lot: LotEntity | null = placement.lotId ? joined(placement.lot, 'placement.lot') : null;
  const provider: OrganisationEntity = joined(placement.provider, 'placement.provider');
  const slot = placement.startMomentId ? slots.get(placement.startMomentId) : undefined;
  return {
    id: placement.id,
    status: placement.status as PlacementStatusGql,
    kind: placement.kind as PlacementKindGql,
    route: placement.route as RouteGql,
    requestedAt: placement.requestedAt,
    lot: lot ? Object.assign(new PlacementLotType(), { id: lot.id, name: lot.name, subject: lot.subject as LotSubjectGql }) : null,
    agreement: lot || placement.kind === 'INSTROOMKLAS' ? null : Object.assign(new IndividualAgreementType(), {
      priceCents: placement.agreedPriceCents ?? 0, startsOn: placement.agreedStartsOn ?? '', endsOn: placement.agreedEndsOn ?? '',
    }),
    provider: Object.assign(new PlacementOrganisationType(), { id: provider.id, name: provider.name }),
    startMoment: slot ? toSlotType(slot) : null,
    startDate: placement.startDate,
    location: placement.location,
    groupName: placement.groupName,
    rejectionReason: placement.rejectionReason,
    endReason: placement.endReason as PlacementEndReasonGql | null,
    endedOn: placement.endedOn,
    version: placement.version,
  };
}

// Moving a placement from one state to the next: lock, check the version and the transition rule, update, record the event.
import {
  ACTIVE_PLACEMENT_STATUSES,
  checkPlacementTransition,
  isPlacementKind,
  SEAT_TAKING_PLACEMENT_STATUSES,
  type PlacementEndReason,
  type PlacementKind,
  type PlacementStatus,
} from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { ConflictAppError, throwIfViolations } from '../common';
import { PlacementEntity, PlacementEventEntity } from '../database';
import { enqueueInOutbox, type JobCause } from '../outbox';

type Db = Pick<EntityManager, 'getRepository' | 'query'>;

/** The columns a transition reads, from the placement entity; the status narrowed to the domain vocabulary. */
export type LockedPlacement = Pick<
  PlacementEntity,
  'id' | 'clientId' | 'municipalityId' | 'lotId' | 'contractId' | 'providerId' | 'startMomentId' | 'startDate' | 'version' | 'agreedStartsOn' | 'agreedEndsOn'
> & { status: PlacementStatus; kind: PlacementKind };

const LOCKED_COLUMNS = ['p.id', 'p.clientId', 'p.municipalityId', 'p.lotId', 'p.contractId', 'p.providerId', 'p.startMomentId', 'p.status', 'p.startDate', 'p.version', 'p.agreedStartsOn', 'p.agreedEndsOn', 'p.kind'];

const STALE = 'Deze plaatsing is intussen door iemand anders gewijzigd. Laad de pagina opnieuw en probeer het nog eens.';

function locked(placement: PlacementEntity): LockedPlacement {
  return { ...placement, status: placement.status as PlacementStatus, kind: isPlacementKind(placement.kind) ? placement.kind : 'REGULAR' };
}

/**
 * Locks one placement the AccessService already allowed the actor to change (`notFound` when it is gone); refuses when
 * someone changed it since `version`.
 */
export async function lockPlacement(db: Db, placementId: string, version: number | null, notFound: () => Error): Promise<LockedPlacement> {
  const row = await db
    .getRepository(PlacementEntity)
    .createQueryBuilder('p')
    .select(LOCKED_COLUMNS)
    .where('p.id = :placementId', { placementId })
    .setLock('pessimistic_write')
    .getOne();
  if (!row) throw notFound();
  if (version !== null && row.version !== version) throw new ConflictAppError(STALE);
  return locked(row);
}

/** What a transition may change besides the status. */
export type TransitionChanges = Partial<Pick<PlacementEntity, 'startMomentId' | 'startDate' | 'location' | 'groupName' | 'rejectionReason' | 'endedOn'>> & {
  endReason?: PlacementEndReason | null;
};

/** Applies the transition when the domain rule allows it, bumps the version and writes the placement event. */
export async function transitionPlacement(
  db: Db,
  placement: LockedPlacement,
  to: PlacementStatus,
  actorUserId: string | null,
  note: string | null,
  changes: TransitionChanges = {},
): Promise<void> {
  throwIfViolations(checkPlacementTransition(placement.status, to));
  await db
    .getRepository(PlacementEntity)
    .createQueryBuilder()
    .update()
    .set({ ...changes, status: to, version: () => 'version + 1', updatedAt: () => 'now()' })
    .where('id = :id', { id: placement.id })
    .execute();
  await db.getRepository(PlacementEventEntity).insert({ placementId: placement.id, fromStatus: placement.status, toStatus: to, actorUserId, note });
}

/** A seat or an offer came free on these lots: let the worker offer it to the first waiting client. */
export async function offerFreedSeats(db: Pick<EntityManager, 'query'>, lotIds: Iterable<string | null>, cause: JobCause): Promise<void> {
  // An individual placement (no lot) frees no seat.
  for (const lotId of new Set(lotIds)) if (lotId) await enqueueInOutbox(db, 'placements.offer-waiting', { lotId }, cause);
}

/**
 * Ends the client's running placements for a route switch or a move: a started or accepted one ENDS with the reason, a
 * waiting or requested one is WITHDRAWN. `keep` leaves placements alone (a lot that also covers the new municipality).
 * Returns the lots where seats came free.
 */
export async function closeActivePlacements(
  db: Db,
  clientId: string,
  reason: PlacementEndReason,
  endedOn: string,
  actorUserId: string,
  note: string,
  keep: (placement: LockedPlacement) => boolean = () => false,
): Promise<string[]> {
  const active = await db
    .getRepository(PlacementEntity)
    .createQueryBuilder('p')
    .select(LOCKED_COLUMNS)
    .where('p.clientId = :clientId', { clientId })
    .andWhere('p.status IN (:...active)', { active: [...ACTIVE_PLACEMENT_STATUSES] })
    .setLock('pessimistic_write')
    .getMany();
  const freed: string[] = [];
  for (const placement of active.map(locked).filter((p) => !keep(p))) {
    if (SEAT_TAKING_PLACEMENT_STATUSES.includes(placement.status)) {
      await transitionPlacement(db, placement, 'ENDED', actorUserId, note, { endReason: reason, endedOn });
    } else {
      await transitionPlacement(db, placement, 'WITHDRAWN', actorUserId, note);
    }
    if (placement.lotId) freed.push(placement.lotId);
  }
  return freed;
}

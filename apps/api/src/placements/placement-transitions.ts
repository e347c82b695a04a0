// Moving a placement from one state to the next: lock, check the version and the transition rule, update, record the event.
import { checkPlacementTransition, type PlacementEndReason, type PlacementStatus } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { ConflictAppError, throwIfViolations } from '../common/app-errors';
import { enqueueInOutbox } from '../outbox/outbox';

type Db = Pick<EntityManager, 'query'>;

export interface LockedPlacement {
  id: string;
  client_id: string;
  municipality_id: string;
  lot_id: string;
  contract_id: string;
  provider_id: string;
  start_moment_id: string | null;
  status: PlacementStatus;
  start_date: string | null;
  version: number;
}

const STALE = 'Deze plaatsing is intussen door iemand anders gewijzigd. Laad de pagina opnieuw en probeer het nog eens.';

/**
 * Locks one placement the AccessService already allowed the actor to change (`notFound` when it is gone); refuses when
 * someone changed it since `version`.
 */
export async function lockPlacement(db: Db, placementId: string, version: number | null, notFound: () => Error): Promise<LockedPlacement> {
  const [row]: LockedPlacement[] = await db.query(
    `SELECT id, client_id, municipality_id, lot_id, contract_id, provider_id, start_moment_id, status, start_date, version
       FROM placement WHERE id = $1 FOR UPDATE`,
    [placementId],
  );
  if (!row) throw notFound();
  if (version !== null && row.version !== version) throw new ConflictAppError(STALE);
  return row;
}

export interface TransitionChanges {
  start_moment_id?: string | null;
  start_date?: string | null;
  location?: string | null;
  group_name?: string | null;
  rejection_reason?: string | null;
  end_reason?: PlacementEndReason | null;
  ended_on?: string | null;
}

const CHANGEABLE: readonly (keyof TransitionChanges)[] = ['start_moment_id', 'start_date', 'location', 'group_name', 'rejection_reason', 'end_reason', 'ended_on'];

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
  const columns = CHANGEABLE.filter((column) => column in changes);
  const sets = columns.map((column, i) => `${column} = $${i + 3}`);
  await db.query(
    `UPDATE placement SET status = $2, version = version + 1, updated_at = now()${sets.map((s) => `, ${s}`).join('')} WHERE id = $1`,
    [placement.id, to, ...columns.map((column) => changes[column] ?? null)],
  );
  await db.query(`INSERT INTO placement_event (placement_id, from_status, to_status, actor_user_id, note) VALUES ($1, $2, $3, $4, $5)`, [
    placement.id, placement.status, to, actorUserId, note,
  ]);
}

/** A seat or an offer came free on these lots: let the worker offer it to the first waiting client. */
export async function offerFreedSeats(db: Db, lotIds: Iterable<string>): Promise<void> {
  for (const lotId of new Set(lotIds)) await enqueueInOutbox(db, 'placements.offer-waiting', { lotId });
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
  const active: LockedPlacement[] = await db.query(
    `SELECT id, client_id, municipality_id, lot_id, contract_id, provider_id, start_moment_id, status, start_date, version
       FROM placement WHERE client_id = $1 AND status IN ('WAITING', 'REQUESTED', 'ACCEPTED', 'STARTED') FOR UPDATE`,
    [clientId],
  );
  const freed: string[] = [];
  for (const placement of active.filter((p) => !keep(p))) {
    if (placement.status === 'ACCEPTED' || placement.status === 'STARTED') {
      await transitionPlacement(db, placement, 'ENDED', actorUserId, note, { end_reason: reason, ended_on: endedOn });
    } else {
      await transitionPlacement(db, placement, 'WITHDRAWN', actorUserId, note);
    }
    freed.push(placement.lot_id);
  }
  return freed;
}

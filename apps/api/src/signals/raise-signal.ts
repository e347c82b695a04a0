import type { EntityManager } from 'typeorm';
import type { SignalEntity } from '../database';

export interface NewSignal {
  kind: string;
  /** The organisation that will see it (municipality, provider or region). */
  organisationId: string;
  subjectType: string;
  subjectId: string;
  /** Same occurrence, same key: raising it again is a no-op ("once per occurrence"). */
  occurrenceKey: string;
  /** Dutch, and only what the receiving organisation may see (never a BSN). */
  message: string;
}

/** Raises signals in the caller's transaction, set-based; returns how many were new. */
export async function raiseSignals(manager: Pick<EntityManager, 'query'>, signals: NewSignal[]): Promise<number> {
  if (signals.length === 0) return 0;
  const inserted = await manager.query<Pick<SignalEntity, 'id'>[]>(
    `INSERT INTO signal (kind, organisation_id, subject_type, subject_id, occurrence_key, message)
     SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[])
     ON CONFLICT (kind, organisation_id, occurrence_key) DO NOTHING RETURNING id`,
    [signals.map((s) => s.kind), signals.map((s) => s.organisationId), signals.map((s) => s.subjectType), signals.map((s) => s.subjectId), signals.map((s) => s.occurrenceKey), signals.map((s) => s.message)],
  );
  return inserted.length;
}

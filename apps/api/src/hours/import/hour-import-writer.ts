import type { EntityManager } from 'typeorm';
import type { ImportRow } from './hour-row-validator';

/** Writes all rows of one file in one set-based statement (unnest arrays: no bind-parameter limit); a day already there is replaced. */
export async function writeImportRows(manager: Pick<EntityManager, 'query'>, batchId: string, userId: string | null, rows: ImportRow[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const written: { placement_id: string }[] = await manager.query(
    `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason,
                             import_batch_id, entered_by_user_id)
     SELECT t.pid, p.client_id, p.provider_id, p.municipality_id, t.d, t.cat, t.planned, t.attended, t.reason, $7, $8
       FROM unnest($1::uuid[], $2::date[], $3::text[], $4::int[], $5::int[], $6::text[]) t(pid, d, cat, planned, attended, reason)
       JOIN placement p ON p.id = t.pid
     ON CONFLICT (placement_id, lesson_date, category, revision) DO UPDATE
        SET planned_minutes = EXCLUDED.planned_minutes, attended_minutes = EXCLUDED.attended_minutes, absence_reason = EXCLUDED.absence_reason,
            import_batch_id = EXCLUDED.import_batch_id, entered_by_user_id = EXCLUDED.entered_by_user_id, version = hour_entry.version + 1, updated_at = now()
     RETURNING placement_id`,
    [rows.map((r) => r.placementId), rows.map((r) => r.date), rows.map((r) => r.category), rows.map((r) => r.plannedMinutes),
      rows.map((r) => r.attendedMinutes), rows.map((r) => r.absenceReason), batchId, userId],
  );
  return [...new Set(written.map((w) => w.placement_id))];
}

import type { EntityManager } from 'typeorm';
import { upsertCells } from '../hour-entry.repository';
import type { ImportRow } from './hour-row-validator';

/** Writes all rows of one file in one set-based statement; a day already there is replaced. Returns the placements written. */
export async function writeImportRows(manager: EntityManager, batchId: string, userId: string | null, rows: readonly ImportRow[]): Promise<string[]> {
  const written = await upsertCells(manager, rows.map((r) => ({ ...r, absenceReason: r.absenceReason })), userId, batchId);
  return [...new Set(written.map((w) => w.placementId))];
}

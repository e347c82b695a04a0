import type { AbsenceReason, HourCategory, Route } from '@inburgering/domain';
import { AbsenceReasonGql, HourCategoryGql, HourEntryType } from './hour.types';

/** One hour_entry row as PostgreSQL returns it. */
export interface HourEntryRow {
  id: string;
  placement_id: string;
  client_id: string;
  provider_id: string;
  municipality_id: string;
  lesson_date: string;
  category: HourCategory;
  planned_minutes: number;
  attended_minutes: number;
  absence_reason: AbsenceReason | null;
  revision: number;
  corrects_entry_id: string | null;
  correction_reason: string | null;
  version: number;
  import_batch_id: string | null;
  entered_at: Date;
}

/** What the hour services need of a placement (never a BSN or intake detail). */
export interface HourPlacementRow {
  id: string;
  client_id: string;
  provider_id: string;
  municipality_id: string;
  route: Route;
  start_date: string | null;
  ended_on: string | null;
}

/** Statuses of a placement in which hours may be registered. */
export const HOUR_PLACEMENT_STATUSES = ['ACCEPTED', 'STARTED', 'ENDED'];

/** The current value of each (placement, day, category): the highest revision. Filter with the WHERE clause given. */
export function currentEntriesSql(where: string): string {
  return `SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM hour_entry WHERE ${where}
           ORDER BY placement_id, lesson_date, category, revision DESC`;
}

export function toHourEntry(row: HourEntryRow): HourEntryType {
  return Object.assign(new HourEntryType(), {
    id: row.id,
    placementId: row.placement_id,
    date: row.lesson_date,
    category: row.category as HourCategoryGql,
    plannedMinutes: row.planned_minutes,
    attendedMinutes: row.attended_minutes,
    absenceReason: row.absence_reason as AbsenceReasonGql | null,
    revision: row.revision,
    correctsEntryId: row.corrects_entry_id,
    correctionReason: row.correction_reason,
    version: row.version,
    imported: row.import_batch_id !== null,
    enteredAt: row.entered_at,
  });
}

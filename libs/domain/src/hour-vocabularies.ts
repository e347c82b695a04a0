import type { PlacementStatus } from './placement-rules';

/**
 * Placement statuses in which a provider registers hours: from acceptance (intake and first lessons) through the end
 * (the last month's hours may still be entered after the placement ended).
 */
export const HOUR_REGISTRATION_PLACEMENT_STATUSES: readonly PlacementStatus[] = ['ACCEPTED', 'STARTED', 'ENDED'];

/** An hours file is only checked (dry run) or checked and written. */
export const IMPORT_MODES = ['DRY_RUN', 'APPLY'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/** Queued, running, approved (dry run), rejected, applied, applied before (same file) or failed (a fault, nothing written). */
export const IMPORT_BATCH_STATUSES = ['QUEUED', 'RUNNING', 'VALID', 'INVALID', 'APPLIED', 'DUPLICATE', 'FAILED'] as const;
export type ImportBatchStatus = (typeof IMPORT_BATCH_STATUSES)[number];

/** Outcomes of a completed check: running the job again changes nothing (FAILED is not among them: a retry may still run). */
export const DECIDED_IMPORT_BATCH_STATUSES: readonly ImportBatchStatus[] = ['VALID', 'INVALID', 'APPLIED', 'DUPLICATE'];

export const HOUR_FILE_FORMATS = ['CSV', 'XLSX'] as const;
export type HourFileFormat = (typeof HOUR_FILE_FORMATS)[number];

/**
 * Dates the hours screens accept: the Wet inburgering 2021 applies from 2022, so 2000–2100 leaves ample room while a
 * typo like year 1 or 9999 is refused before any date arithmetic.
 */
export const HOUR_DATE_MIN = '2000-01-01';
export const HOUR_DATE_MAX = '2100-12-31';

/** Whether an ISO calendar date lies in the range the hours screens accept (string order is date order for YYYY-MM-DD). */
export function isHourDateInRange(date: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && date >= HOUR_DATE_MIN && date <= HOUR_DATE_MAX;
}

import { addMonths, HOUR_REGISTRATION_PLACEMENT_STATUSES, type AbsenceReason, type CalendarDate, type HourCategory, type HourPeriodStatus } from '@inburgering/domain';
import { QueryFailedError, type EntityManager } from 'typeorm';
import { ConflictAppError } from '../common';
import type { HourEntryEntity, HourPeriodEntity } from '../database';
import type { MunicipalityId, ProviderId } from '../tenancy';

// The set-based writes and the aggregates of the hours feature: SQL where one statement beats a loop, each with a typed result.

const OPEN: HourPeriodStatus = 'OPEN';
const UNEXCUSED: AbsenceReason = 'UNEXCUSED';

/** One cell to write (revision 0): the day's hours of one category for one placement. */
export type CellWrite = Pick<HourEntryEntity, 'placementId' | 'plannedMinutes' | 'attendedMinutes'> & {
  date: CalendarDate;
  category: HourCategory;
  absenceReason: AbsenceReason | null;
};

/** A written hour row as the grid answers it, straight from the write's RETURNING (no second read while its locks are held). */
export type WrittenCell = Pick<HourEntryEntity, 'id' | 'placementId' | 'lessonDate' | 'category' | 'plannedMinutes' | 'attendedMinutes' | 'absenceReason'
  | 'revision' | 'correctsEntryId' | 'correctionReason' | 'version' | 'importBatchId' | 'source' | 'enteredAt'>;
const WRITTEN_COLUMNS = `id, placement_id AS "placementId", lesson_date AS "lessonDate", category, planned_minutes AS "plannedMinutes",
       attended_minutes AS "attendedMinutes", absence_reason AS "absenceReason", revision, corrects_entry_id AS "correctsEntryId",
       correction_reason AS "correctionReason", version, import_batch_id AS "importBatchId", source, entered_at AS "enteredAt"`;

/**
 * Writes cells in one statement (unnest arrays: no bind-parameter limit); a day already there is replaced and its version
 * goes up. `importBatchId` marks imported rows (null for the grid, which also clears an earlier import's mark).
 * Only a presence list replaces a presence list's day: callers check that first, but a list closed between their check
 * and this write would otherwise be overwritten, so the write itself refuses and the caller's transaction rolls back.
 */
export async function upsertCells(
  manager: EntityManager, cells: readonly CellWrite[], userId: string | null, importBatchId: string | null, source: HourEntrySource | null = null,
): Promise<WrittenCell[]> {
  const written = await writeCellsReturning<WrittenCell>(manager, cells, userId, importBatchId, source, WRITTEN_COLUMNS);
  // Cells are unique per statement (PostgreSQL refuses a row twice), so fewer rows back means a presence list's day was kept.
  if (written.length < cells.length) {
    throw new ConflictAppError('Een deel van deze uren is intussen uit een afgesloten presentielijst gekomen en wordt niet overschreven. Laad de week opnieuw; corrigeer zulke uren via de presentielijst.');
  }
  return written;
}

/**
 * The statement of `upsertCells` without its refusal: the rows written, fewer than the cells when a presence list's day
 * was left alone (the caller then takes its writes back, e.g. to a savepoint, and says which days).
 */
export function writeCells(
  manager: EntityManager, cells: readonly CellWrite[], userId: string | null, importBatchId: string | null, source: HourEntrySource | null = null,
): Promise<Pick<HourEntryEntity, 'id' | 'placementId'>[]> {
  // An import's chunks only count the rows: no need to send thousands of whole rows back.
  return writeCellsReturning(manager, cells, userId, importBatchId, source, `id, placement_id AS "placementId"`);
}

async function writeCellsReturning<T>(
  manager: EntityManager, cells: readonly CellWrite[], userId: string | null, importBatchId: string | null, source: HourEntrySource | null, returning: string,
): Promise<T[]> {
  if (cells.length === 0) return [];
  return manager.query<T[]>(
    `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason,
                             import_batch_id, entered_by_user_id, source)
     SELECT t.pid, p.client_id, p.provider_id, p.municipality_id, t.d, t.cat, t.planned, t.attended, t.reason, $7, $8, $9
       FROM unnest($1::uuid[], $2::date[], $3::text[], $4::int[], $5::int[], $6::text[]) t(pid, d, cat, planned, attended, reason)
       JOIN placement p ON p.id = t.pid
     ON CONFLICT (placement_id, lesson_date, category, revision) DO UPDATE
        SET planned_minutes = EXCLUDED.planned_minutes, attended_minutes = EXCLUDED.attended_minutes, absence_reason = EXCLUDED.absence_reason,
            import_batch_id = EXCLUDED.import_batch_id, entered_by_user_id = EXCLUDED.entered_by_user_id, source = EXCLUDED.source,
            version = hour_entry.version + 1, updated_at = now()
      WHERE hour_entry.source IS DISTINCT FROM $10 OR EXCLUDED.source = $10
     RETURNING ${returning}`,
    [cells.map((c) => c.placementId), cells.map((c) => c.date), cells.map((c) => c.category), cells.map((c) => c.plannedMinutes),
      cells.map((c) => c.attendedMinutes), cells.map((c) => c.absenceReason), importBatchId, userId, source, PRESENCE_LIST_SOURCE],
  );
}

/** The placement columns hour_entry repeats: its client and organisations. */
export type CellPlacement = Pick<HourEntryEntity, 'clientId' | 'providerId' | 'municipalityId'>;

/** The unique index of a cell's revisions (placement, day, category, revision). */
const CELL_INDEX = 'IDX_4ffbb42a53b2d11c2eec703c09';

/**
 * Inserts cells that are not there yet (revision 0) in one plain statement, with their placements' columns given: no
 * join, no conflict handling, so a row costs what it costs in COPY. A cell that is there already fails the whole
 * statement (isCellConflict); the caller then takes it back (a savepoint) and writes those cells with writeCells.
 */
export async function insertNewCells(
  manager: EntityManager, cells: readonly CellWrite[], placementOf: (placementId: string) => CellPlacement, userId: string | null, importBatchId: string | null,
): Promise<void> {
  if (cells.length === 0) return;
  // Thousands of values per column: written as array literals here, in one pass, rather than escaped one by one by pg.
  const [pid, cid, prid, mid, d, cat, planned, attended, reason]: (string | number | null)[][] = [[], [], [], [], [], [], [], [], []];
  for (const c of cells) {
    const placement = placementOf(c.placementId);
    pid.push(c.placementId); cid.push(placement.clientId); prid.push(placement.providerId); mid.push(placement.municipalityId);
    d.push(c.date); cat.push(c.category); planned.push(c.plannedMinutes); attended.push(c.attendedMinutes); reason.push(c.absenceReason);
  }
  await manager.query<unknown>(
    `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason,
                             import_batch_id, entered_by_user_id)
     SELECT t.pid, t.cid, t.prid, t.mid, t.d, t.cat, t.planned, t.attended, t.reason, $10, $11
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::date[], $6::text[], $7::int[], $8::int[], $9::text[]) t(pid, cid, prid, mid, d, cat, planned, attended, reason)`,
    [...[pid, cid, prid, mid, d, cat, planned, attended, reason].map(wordArrayLiteral), importBatchId, userId],
  );
}

/** Array elements that need no quotes: ids, ISO dates, whole numbers and codes (letters, digits, '-' and '_'). */
const WORD = /^[\w-]+$/;

/** A PostgreSQL array literal of such words (and NULLs); anything else is refused rather than quoted. */
function wordArrayLiteral(values: readonly (string | number | null)[]): string {
  const parts = values.map((value) => {
    if (value === null) return 'NULL';
    const text = String(value);
    if (!WORD.test(text) || (text.length === 4 && text.toUpperCase() === 'NULL')) throw new Error(`Geen woord voor een array-literal: ${text.slice(0, 40)}`);
    return text;
  });
  return `{${parts.join(',')}}`;
}

/** True for the error of insertNewCells when one of its cells was there already. */
export function isCellConflict(err: unknown): boolean {
  const driverError = err instanceof QueryFailedError ? (err.driverError as { code?: string; constraint?: string }) : null;
  return driverError?.code === '23505' && driverError.constraint === CELL_INDEX;
}

/** Where hours came from when not typed in the grid or imported: a closed presence list (read-only in the grid). */
export type HourEntrySource = 'PRESENCE_LIST';
export const PRESENCE_LIST_SOURCE: HourEntrySource = 'PRESENCE_LIST';

/** Of these cells, the ones whose current hours come from a closed presence list (an import must not overwrite them). */
export async function presenceListCells(
  manager: EntityManager, providerId: ProviderId, cells: readonly Pick<CellWrite, 'placementId' | 'date' | 'category'>[],
): Promise<Pick<CellWrite, 'placementId' | 'date' | 'category'>[]> {
  if (cells.length === 0) return [];
  return manager.query<Pick<CellWrite, 'placementId' | 'date' | 'category'>[]>(
    // One probe of the (placement, day, category, revision) index per cell for its current revision: a join of all cells
    // with the provider's rows made PostgreSQL read all of the provider's hours (436 ms for a 5,000-row file at the
    // bench's small scale, more at national scale).
    `SELECT t.pid AS "placementId", to_char(t.d, 'YYYY-MM-DD') AS "date", t.cat AS "category"
       FROM unnest($2::uuid[], $3::date[], $4::text[]) t(pid, d, cat)
       CROSS JOIN LATERAL (SELECT h.source FROM hour_entry h
                            WHERE h.placement_id = t.pid AND h.lesson_date = t.d AND h.category = t.cat AND h.provider_id = $1
                            ORDER BY h.revision DESC LIMIT 1) cur
      WHERE cur.source = $5`,
    [providerId, cells.map((c) => c.placementId), cells.map((c) => c.date), cells.map((c) => c.category), PRESENCE_LIST_SOURCE],
  );
}

/**
 * Copies last week's current planned hours of one category into this week's empty cells (attended = planned), up to
 * `lastDay`, for placements in which hours may be registered, skipping months that are submitted or approved.
 */
export function copyPlannedWeek(
  manager: EntityManager,
  week: { providerId: ProviderId; category: HourCategory; weekStart: CalendarDate; lastDay: CalendarDate; groupName: string | null; userId: string },
): Promise<Pick<HourEntryEntity, 'placementId' | 'clientId'>[]> {
  return manager.query<Pick<HourEntryEntity, 'placementId' | 'clientId'>[]>(
    `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, entered_by_user_id)
     SELECT prev.placement_id, prev.client_id, prev.provider_id, prev.municipality_id, prev.lesson_date + 7, prev.category, prev.planned_minutes, prev.planned_minutes, $6
       FROM (SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM hour_entry
              WHERE provider_id = $1 AND category = $2 AND lesson_date BETWEEN $3::date - 7 AND $4::date - 7
              ORDER BY placement_id, lesson_date, category, revision DESC) prev
       JOIN placement p ON p.id = prev.placement_id
      WHERE prev.planned_minutes > 0 AND p.status = ANY($7::text[])
        AND ($5::text IS NULL OR p.group_name = $5)
        AND (p.ended_on IS NULL OR p.ended_on >= prev.lesson_date + 7)
        AND NOT EXISTS (SELECT 1 FROM hour_period hp WHERE hp.provider_id = prev.provider_id AND hp.municipality_id = prev.municipality_id
                          AND hp.month = date_trunc('month', prev.lesson_date + 7)::date AND hp.status <> $8)
     ON CONFLICT (placement_id, lesson_date, category, revision) DO NOTHING
     RETURNING placement_id AS "placementId", client_id AS "clientId"`,
    [week.providerId, week.category, week.weekStart, week.lastDay, week.groupName, week.userId, [...HOUR_REGISTRATION_PLACEMENT_STATUSES], OPEN],
  );
}

/** A month of hours of one provider for one municipality: the totals of the current hours joined with the period row, if any. */
export type HourPeriodSummary = Pick<HourPeriodEntity, 'providerId' | 'municipalityId' | 'month' | 'submittedAt' | 'decidedAt' | 'rejectionReason'> & {
  /** Null while the month was never submitted. */
  id: string | null;
  status: HourPeriodStatus;
  providerName: string;
  municipalityName: string;
  plannedMinutes: number;
  attendedMinutes: number;
  entryCount: number;
  correctionCount: number;
};

/** The columns of a summary, from `hour_period hp` and `hour_month_total t` joined with the provider `p` and municipality `mu`. */
const SUMMARY_COLUMNS = `hp.id, coalesce(t.provider_id, hp.provider_id) AS "providerId", coalesce(t.municipality_id, hp.municipality_id) AS "municipalityId",
            to_char(coalesce(t.month, hp.month), 'YYYY-MM-DD') AS month, coalesce(hp.status, $1) AS status, p.name AS "providerName", mu.name AS "municipalityName",
            coalesce(t.planned_minutes, 0) AS "plannedMinutes", coalesce(t.attended_minutes, 0) AS "attendedMinutes",
            coalesce(t.entry_count, 0) AS "entryCount", coalesce(t.correction_count, 0) AS "correctionCount",
            hp.submitted_at AS "submittedAt", hp.decided_at AS "decidedAt", hp.rejection_reason AS "rejectionReason"`;

/** hour_month_total's slots of one provider, municipality and month summed (the rows that `where` selects). */
const MONTH_TOTALS = (where: string) => `(SELECT provider_id, municipality_id, month, sum(planned_minutes)::int AS planned_minutes,
              sum(attended_minutes)::int AS attended_minutes, sum(entry_count)::int AS entry_count, sum(correction_count)::int AS correction_count
         FROM hour_month_total WHERE ${where} GROUP BY provider_id, municipality_id, month)`;

/** The months of one provider or one municipality: the maintained monthly totals joined with the period rows, both narrowed to the tenant first. */
const SUMMARY_FROM = (column: 'provider_id' | 'municipality_id') => `
       FROM (SELECT * FROM ${MONTH_TOTALS(`${column} = $2 AND month >= $3`)} s WHERE entry_count > 0) t
       FULL JOIN (SELECT * FROM hour_period WHERE ${column} = $2 AND month >= $3) hp
         ON hp.provider_id = t.provider_id AND hp.municipality_id = t.municipality_id AND hp.month = t.month
       JOIN organisation p ON p.id = coalesce(t.provider_id, hp.provider_id) JOIN organisation mu ON mu.id = coalesce(t.municipality_id, hp.municipality_id)
      WHERE (t.provider_id IS NOT NULL OR hp.status <> $1 OR hp.submitted_at IS NOT NULL)
        AND ($4::text IS NULL OR coalesce(hp.status, $1) = $4)`;

/**
 * One page of the months from `from` on with hours or a period that was ever submitted, of one provider or one
 * municipality, newest first, with the number of such months over all pages. An OPEN period row that was never
 * submitted only marks a month hours were written to (see lockPeriodsForEntry).
 */
export async function periodSummaries(
  manager: EntityManager,
  filter: ({ providerId: ProviderId } | { municipalityId: MunicipalityId }) & { from: CalendarDate; status?: HourPeriodStatus | null },
  page: { limit: number; offset: number },
): Promise<{ items: HourPeriodSummary[]; total: number }> {
  const column = 'providerId' in filter ? 'provider_id' : 'municipality_id';
  const tenantId = 'providerId' in filter ? filter.providerId : filter.municipalityId;
  const params = [OPEN, tenantId, filter.from, filter.status ?? null];
  const [items, [{ total }]] = await Promise.all([
    manager.query<HourPeriodSummary[]>(
      `SELECT ${SUMMARY_COLUMNS} ${SUMMARY_FROM(column)}
        ORDER BY coalesce(t.month, hp.month) DESC, p.name, mu.name, p.id, mu.id
        LIMIT $5 OFFSET $6`,
      [...params, page.limit, page.offset],
    ),
    manager.query<{ total: number }[]>(`SELECT count(*)::int AS total ${SUMMARY_FROM(column)}`, params),
  ]);
  return { items, total };
}

/** One period with its totals, if it belongs to this provider or municipality: one row of each table, no hour rows read. */
export async function periodSummary(
  manager: EntityManager, periodId: string, tenant: { providerId: ProviderId } | { municipalityId: MunicipalityId },
): Promise<HourPeriodSummary | null> {
  const column = 'providerId' in tenant ? 'provider_id' : 'municipality_id';
  const tenantId = 'providerId' in tenant ? tenant.providerId : tenant.municipalityId;
  const [summary] = await manager.query<HourPeriodSummary[]>(
    `SELECT ${SUMMARY_COLUMNS}
       FROM hour_period hp
       LEFT JOIN LATERAL ${MONTH_TOTALS('provider_id = hp.provider_id AND municipality_id = hp.municipality_id AND month = hp.month')} t ON true
       JOIN organisation p ON p.id = hp.provider_id JOIN organisation mu ON mu.id = hp.municipality_id
      WHERE hp.id = $2 AND hp.${column} = $3`,
    [OPEN, periodId, tenantId],
  );
  return summary ?? null;
}

/** The provider's placements with hours (any revision) for one municipality in one month (its first day). */
export async function placementsWithHoursInMonth(manager: EntityManager, providerId: ProviderId, municipalityId: string, month: CalendarDate): Promise<string[]> {
  const rows = await manager.query<{ placementId: string }[]>(
    `SELECT DISTINCT placement_id AS "placementId" FROM hour_entry
      WHERE provider_id = $1 AND municipality_id = $2 AND lesson_date >= $3 AND lesson_date < $4`,
    [providerId, municipalityId, month, addMonths(month, 1)],
  );
  return rows.map((row) => row.placementId);
}

/** Per placement and lesson day: planned and attended over all categories; a day counts as unexcused when hours were missed unexcused. */
export interface LessonDayTotals {
  placementId: string;
  lessonDate: CalendarDate;
  planned: number;
  attended: number;
  reason: AbsenceReason | null;
}

export function lessonDayTotals(manager: EntityManager, placementIds: readonly string[], from: CalendarDate): Promise<LessonDayTotals[]> {
  return manager.query<LessonDayTotals[]>(
    `SELECT placement_id AS "placementId", to_char(lesson_date, 'YYYY-MM-DD') AS "lessonDate", sum(planned_minutes)::int AS planned,
            sum(attended_minutes)::int AS attended,
            CASE WHEN sum(attended_minutes) >= sum(planned_minutes) THEN NULL
                 WHEN bool_or(absence_reason = $3) THEN $3
                 ELSE min(absence_reason) END AS reason
       FROM (SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM hour_entry
              WHERE placement_id = ANY($1::uuid[]) AND lesson_date >= $2 ORDER BY placement_id, lesson_date, category, revision DESC) cur
      GROUP BY placement_id, lesson_date
      ORDER BY placement_id, lesson_date`,
    [placementIds, from, UNEXCUSED],
  );
}

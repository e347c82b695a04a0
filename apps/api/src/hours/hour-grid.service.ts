import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays, calendarDateInAmsterdam, checkHourRegistration, checkPeriodOpenForEntry, compareDates, periodMonthOf, startOfIsoWeek,
  type AbsenceReason, type RuleViolation,
} from '@inburgering/domain';
import { DataSource, EntityManager } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit/processing-log';
import { ConflictAppError, NotFoundAppError, throwIfViolations } from '../common/app-errors';
import { enqueueInOutbox } from '../outbox/outbox';
import type { Actor } from '../tenancy/actor';
import { providerScopeOf, type ProviderId } from '../tenancy/tenant-scope';
import { currentEntriesSql, HOUR_PLACEMENT_STATUSES, type HourEntryRow, type HourPlacementRow, toHourEntry } from './hour-rows';
import {
  CopyPreviousWeekInput, HourCellInput, HourEntryType, HourGridRowType, HourWeekType, SaveHourEntriesInput, SaveHourEntriesResultType,
} from './hour.types';
import { lockedPeriods, periodKey } from './period-status-lookup';
import { RouteGql } from '../clients/client.types';

interface GridPlacementRow extends HourPlacementRow {
  group_name: string | null;
  municipality_name: string;
  client_number: number;
  first_name: string;
  last_name: string;
  pip_minutes_per_week: number | null;
}

const cellKey = (placementId: string, date: string, category: string): string => `${placementId}|${date}|${category}`;

/** The provider's weekly grid: clients as rows, days as columns, autosaved with a version per cell. */
@Injectable()
export class HourGridService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async week(actor: Actor, anyDay: string, groupName: string | null): Promise<HourWeekType> {
    const providerId = providerScopeOf(actor);
    const weekStart = startOfIsoWeek(anyDay);
    const days = [0, 1, 2, 3, 4].map((i) => addDays(weekStart, i));
    const weekEnd = days[days.length - 1];
    const placements: GridPlacementRow[] = await this.db.query(
      `SELECT p.id, p.client_id, p.provider_id, p.municipality_id, p.route, p.start_date, p.ended_on, p.group_name,
              m.name AS municipality_name, c.client_number, c.first_name, c.last_name, c.pip_minutes_per_week
         FROM placement p JOIN client c ON c.id = p.client_id JOIN organisation m ON m.id = p.municipality_id
        WHERE p.provider_id = $1 AND p.status = ANY($2::text[])
          AND (p.start_date IS NULL OR p.start_date <= $4) AND (p.ended_on IS NULL OR p.ended_on >= $3)
        ORDER BY p.group_name NULLS LAST, c.last_name, c.first_name, p.id`,
      [providerId, HOUR_PLACEMENT_STATUSES, weekStart, weekEnd],
    );
    const groups = [...new Set(placements.map((p) => p.group_name).filter((g): g is string => !!g))].sort((a, b) => a.localeCompare(b, 'nl'));
    const shown = groupName ? placements.filter((p) => p.group_name === groupName) : placements;
    const ids = shown.map((p) => p.id);
    const entries: HourEntryRow[] = ids.length === 0 ? [] : await this.db.query(
      currentEntriesSql(`provider_id = $1 AND placement_id = ANY($2::uuid[]) AND lesson_date BETWEEN $3 AND $4`),
      [providerId, ids, weekStart, weekEnd],
    );
    const periods = await lockedPeriods(this.db.manager, providerId, shown.map((p) => p.municipality_id), days.map(periodMonthOf));
    const byPlacement = new Map<string, HourEntryType[]>();
    for (const entry of entries) byPlacement.set(entry.placement_id, [...(byPlacement.get(entry.placement_id) ?? []), toHourEntry(entry)]);
    await logProcessing(this.db.manager, actor, 'READ', 'client', [...new Set(shown.map((p) => p.client_id))], PURPOSE.PROVIDER_EXECUTION);
    return Object.assign(new HourWeekType(), {
      weekStart,
      days,
      groups,
      rows: shown.map((p) => Object.assign(new HourGridRowType(), {
        placementId: p.id,
        clientId: p.client_id,
        clientNumber: p.client_number,
        clientName: `${p.first_name} ${p.last_name}`,
        municipalityId: p.municipality_id,
        municipalityName: p.municipality_name,
        groupName: p.group_name,
        route: p.route as RouteGql,
        startDate: p.start_date,
        endedOn: p.ended_on,
        pipMinutesPerWeek: p.pip_minutes_per_week,
        lockedDates: days.filter((d) => periods.has(periodKey(p.municipality_id, periodMonthOf(d)))),
        entries: byPlacement.get(p.id) ?? [],
      })),
    });
  }

  /** Saves changed cells all or nothing; a cell changed by someone else since it was read is a conflict. */
  async save(actor: Actor, input: SaveHourEntriesInput): Promise<SaveHourEntriesResultType> {
    const providerId = providerScopeOf(actor);
    const cells = input.cells;
    if (cells.length === 0) return Object.assign(new SaveHourEntriesResultType(), { saved: [], deleted: 0 });
    const today = calendarDateInAmsterdam(new Date());
    return this.db.transaction(async (manager) => {
      const placements = await this.placementsOf(manager, providerId, cells.map((c) => c.placementId));
      const periods = await lockedPeriods(manager, providerId, [...placements.values()].map((p) => p.municipality_id), cells.map((c) => periodMonthOf(c.date)), true);
      const violations: RuleViolation[] = [];
      const seen = new Set<string>();
      cells.forEach((cell, index) => {
        const placement = placements.get(cell.placementId)!;
        const key = cellKey(cell.placementId, cell.date, cell.category);
        const prefix = `cells.${index}`;
        if (seen.has(key)) violations.push({ field: `${prefix}.date`, code: 'CELL_TWICE', message: 'Deze cel staat twee keer in de opdracht.' });
        seen.add(key);
        const status = periods.get(periodKey(placement.municipality_id, periodMonthOf(cell.date))) ?? 'OPEN';
        const locked = checkPeriodOpenForEntry(status, periodMonthOf(cell.date));
        const found = isEmpty(cell) ? [] : checkHourRegistration({
          date: cell.date, category: cell.category, route: placement.route, plannedMinutes: cell.plannedMinutes, attendedMinutes: cell.attendedMinutes,
          absenceReason: (cell.absenceReason ?? null) as AbsenceReason | null, today, placementStart: placement.start_date, placementEnd: placement.ended_on,
        });
        violations.push(...[...locked, ...found].map((v) => ({ ...v, field: `${prefix}.${v.field}` })));
      });
      throwIfViolations(violations);

      const existing: HourEntryRow[] = await manager.query(
        `SELECT h.* FROM hour_entry h JOIN unnest($1::uuid[], $2::date[], $3::text[]) t(pid, d, cat)
            ON h.placement_id = t.pid AND h.lesson_date = t.d AND h.category = t.cat
          WHERE h.provider_id = $4 AND h.revision = 0 FOR UPDATE OF h`,
        [cells.map((c) => c.placementId), cells.map((c) => c.date), cells.map((c) => c.category), providerId],
      );
      const current = new Map(existing.map((row) => [cellKey(row.placement_id, row.lesson_date, row.category), row]));
      const conflicts = cells.flatMap((cell, index) => {
        const row = current.get(cellKey(cell.placementId, cell.date, cell.category));
        const stale = row ? cell.version !== row.version : cell.version !== null && cell.version !== undefined;
        return stale ? [{ field: `cells.${index}`, code: 'STALE_VERSION', message: 'Deze uren zijn intussen door iemand anders gewijzigd.' }] : [];
      });
      if (conflicts.length > 0) {
        throw new ConflictAppError('Iemand anders heeft een deel van deze uren intussen gewijzigd. Laad de week opnieuw en vul uw wijziging daarna opnieuw in.', conflicts);
      }

      const toDelete = cells.filter((cell) => isEmpty(cell) && current.has(cellKey(cell.placementId, cell.date, cell.category)));
      const toWrite = cells.filter((cell) => !isEmpty(cell));
      if (toDelete.length > 0) {
        await manager.query(`DELETE FROM hour_entry WHERE id = ANY($1::uuid[])`, [toDelete.map((c) => current.get(cellKey(c.placementId, c.date, c.category))!.id)]);
      }
      const saved: HourEntryRow[] = toWrite.length === 0 ? [] : await manager.query(
        `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason, entered_by_user_id)
         SELECT t.pid, p.client_id, p.provider_id, p.municipality_id, t.d, t.cat, t.planned, t.attended, t.reason, $7
           FROM unnest($1::uuid[], $2::date[], $3::text[], $4::int[], $5::int[], $6::text[]) t(pid, d, cat, planned, attended, reason)
           JOIN placement p ON p.id = t.pid
         ON CONFLICT (placement_id, lesson_date, category, revision) DO UPDATE
            SET planned_minutes = EXCLUDED.planned_minutes, attended_minutes = EXCLUDED.attended_minutes, absence_reason = EXCLUDED.absence_reason,
                entered_by_user_id = EXCLUDED.entered_by_user_id, import_batch_id = NULL, version = hour_entry.version + 1, updated_at = now()
         RETURNING *`,
        [toWrite.map((c) => c.placementId), toWrite.map((c) => c.date), toWrite.map((c) => c.category), toWrite.map((c) => c.plannedMinutes),
          toWrite.map((c) => c.attendedMinutes), toWrite.map((c) => c.absenceReason ?? null), actor.userId],
      );
      const placementIds = [...new Set(cells.map((c) => c.placementId))];
      await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds });
      await logProcessing(manager, actor, 'UPDATE', 'client', [...new Set(placementIds.map((id) => placements.get(id)!.client_id))], PURPOSE.PROVIDER_EXECUTION);
      return Object.assign(new SaveHourEntriesResultType(), { saved: saved.map(toHourEntry), deleted: toDelete.length });
    });
  }

  /** Copies last week's planned hours of one category into this week's empty cells (attended = planned), up to today, open months only. */
  async copyPreviousWeek(actor: Actor, input: CopyPreviousWeekInput): Promise<number> {
    const providerId = providerScopeOf(actor);
    const weekStart = startOfIsoWeek(input.weekStart);
    const today = calendarDateInAmsterdam(new Date());
    const lastDay = compareDates(addDays(weekStart, 6), today) > 0 ? today : addDays(weekStart, 6);
    if (compareDates(lastDay, weekStart) < 0) return 0;
    return this.db.transaction(async (manager) => {
      const rows: { placement_id: string; client_id: string }[] = await manager.query(
        `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, entered_by_user_id)
         SELECT prev.placement_id, prev.client_id, prev.provider_id, prev.municipality_id, prev.lesson_date + 7, prev.category, prev.planned_minutes, prev.planned_minutes, $6
           FROM (${currentEntriesSql(`provider_id = $1 AND category = $2 AND lesson_date BETWEEN $3::date - 7 AND $4::date - 7`)}) prev
           JOIN placement p ON p.id = prev.placement_id
          WHERE prev.planned_minutes > 0 AND p.status = ANY($7::text[])
            AND ($5::text IS NULL OR p.group_name = $5)
            AND (p.ended_on IS NULL OR p.ended_on >= prev.lesson_date + 7)
            AND NOT EXISTS (SELECT 1 FROM hour_period hp WHERE hp.provider_id = prev.provider_id AND hp.municipality_id = prev.municipality_id
                              AND hp.month = date_trunc('month', prev.lesson_date + 7)::date AND hp.status <> 'OPEN')
         ON CONFLICT (placement_id, lesson_date, category, revision) DO NOTHING
         RETURNING placement_id, client_id`,
        [providerId, input.category, weekStart, lastDay, input.groupName ?? null, actor.userId, HOUR_PLACEMENT_STATUSES],
      );
      if (rows.length > 0) {
        await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds: [...new Set(rows.map((r) => r.placement_id))] });
        await logProcessing(manager, actor, 'CREATE', 'client', [...new Set(rows.map((r) => r.client_id))], PURPOSE.PROVIDER_EXECUTION);
      }
      return rows.length;
    });
  }

  private async placementsOf(manager: EntityManager, providerId: ProviderId, ids: string[]): Promise<Map<string, HourPlacementRow>> {
    const unique = [...new Set(ids)];
    const rows: HourPlacementRow[] = await manager.query(
      `SELECT id, client_id, provider_id, municipality_id, route, start_date, ended_on FROM placement
        WHERE provider_id = $1 AND id = ANY($2::uuid[]) AND status = ANY($3::text[])`,
      [providerId, unique, HOUR_PLACEMENT_STATUSES],
    );
    if (rows.length !== unique.length) throw new NotFoundAppError('Een van deze plaatsingen bestaat niet of hoort niet bij uw organisatie.');
    return new Map(rows.map((row) => [row.id, row]));
  }
}

function isEmpty(cell: HourCellInput): boolean {
  return cell.plannedMinutes === 0 && cell.attendedMinutes === 0;
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  addDays, checkHourRegistration, checkInstroomklasHourCategory, checkPeriodOpenForEntry, compareDates, HOUR_REGISTRATION_PLACEMENT_STATUSES, periodMonthOf, startOfIsoWeek,
  type AbsenceReason, type RuleViolation,
} from '@inburgering/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { AccessService } from '../access';
import { logProcessing, PURPOSE } from '../audit';
import { Clock } from '../clock';
import { ConflictAppError, requirePage, throwIfViolations } from '../common';
import { HourEntryEntity, PlacementEntity, PresenceLessonEntity } from '../database';
import { enqueueInOutbox } from '../outbox';
import { type Actor, providerScopeOf, type ProviderId } from '../tenancy';
import { currentEntries, HOUR_PLACEMENT_SELECT, requireHourDate, routeOf, toHourEntry, type HourPlacement } from './hour-entries';
import { copyPlannedWeek, PRESENCE_LIST_SOURCE, upsertCells } from './hour-entry.repository';
import {
  CopyPreviousWeekInput, HourCellInput, HourEntryType, HourGridRowType, HourWeekType, SaveHourEntriesInput, SaveHourEntriesResultType,
} from './hour.types';
import { lockedPeriods, lockPeriodsForEntry, periodKey } from './period-status-lookup';

/** At most this many clients per page of the hour week (an answer well under 200 KB). */
export const MAX_HOUR_WEEK_PAGE = 100;

const cellKey = (placementId: string, date: string, category: string): string => `${placementId}|${date}|${category}`;

/** The provider's weekly grid: clients as rows, days as columns, autosaved with a version per cell. */
@Injectable()
export class HourGridService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /**
   * One page of the week's rows (clients in group and name order), paged in SQL with the total over all pages, so the
   * answer stays small for the largest provider; the group list comes from SQL too.
   */
  async week(actor: Actor, anyDay: string, groupName: string | null, limit: number, offset: number): Promise<HourWeekType> {
    const providerId = providerScopeOf(actor);
    requireHourDate('weekStart', anyDay);
    requirePage(limit, offset, MAX_HOUR_WEEK_PAGE, 'inburgeraars');
    const weekStart = startOfIsoWeek(anyDay);
    const days = await this.weekDays(providerId, weekStart);
    const weekEnd = days[days.length - 1];
    const inWeek = () => this.db.getRepository(PlacementEntity).createQueryBuilder('p')
      .where('p.providerId = :providerId', { providerId })
      .andWhere('p.status IN (:...statuses)', { statuses: [...HOUR_REGISTRATION_PLACEMENT_STATUSES] })
      .andWhere('(p.startDate IS NULL OR p.startDate <= :weekEnd)', { weekEnd })
      .andWhere('(p.endedOn IS NULL OR p.endedOn >= :weekStart)', { weekStart });
    // The groups and the total in one read of the index IDX_placement_provider_pages (provider, group, status, dates): no
    // client is joined to count (every placement has its client and municipality), so no table page is read either.
    const perGroup = await inWeek().select('p.groupName', 'group_name').addSelect('count(*)::int', 'n').groupBy('p.groupName')
      .getRawMany<{ group_name: string | null; n: number }>();
    const groups = perGroup.flatMap((g) => (g.group_name === null ? [] : [g.group_name])).sort((a, b) => a.localeCompare(b, 'nl'));
    const total = perGroup.filter((g) => !groupName || g.group_name === groupName).reduce((sum, g) => sum + g.n, 0);
    // The page follows that index in group order, so only the first groups' clients are read to sort on name.
    const pageQuery = inWeek()
      .innerJoin('p.client', 'c')
      .innerJoin('p.municipality', 'm')
      .select([...HOUR_PLACEMENT_SELECT, 'p.groupName', 'c.id', 'c.clientNumber', 'c.firstName', 'c.lastName', 'c.pipMinutesPerWeek', 'm.id', 'm.name']);
    if (groupName) pageQuery.andWhere('p.groupName = :groupName', { groupName });
    const shown = await pageQuery
      .orderBy('p.groupName', 'ASC', 'NULLS LAST')
      .addOrderBy('c.lastName')
      .addOrderBy('c.firstName')
      .addOrderBy('p.id')
      .offset(offset)
      .limit(limit)
      .getMany();
    const ids = shown.map((p) => p.id);
    const entries = ids.length === 0 ? [] : await currentEntries(this.db.manager)
      .andWhere('h.providerId = :providerId', { providerId })
      .andWhere('h.placementId IN (:...ids)', { ids })
      .andWhere('h.lessonDate BETWEEN :weekStart AND :weekEnd', { weekStart, weekEnd })
      .getMany();
    const periods = await lockedPeriods(this.db.manager, providerId, shown.map((p) => p.municipalityId), days.map(periodMonthOf));
    const byPlacement = new Map<string, HourEntryType[]>();
    for (const entry of entries) byPlacement.set(entry.placementId, [...(byPlacement.get(entry.placementId) ?? []), toHourEntry(entry)]);
    await logProcessing(this.db.manager, actor, 'READ', 'client', [...new Set(shown.map((p) => p.clientId))], PURPOSE.PROVIDER_EXECUTION);
    return Object.assign(new HourWeekType(), {
      weekStart,
      days,
      groups,
      total,
      offset,
      limit,
      rows: shown.map((p) => Object.assign(new HourGridRowType(), {
        placementId: p.id,
        clientId: p.clientId,
        clientNumber: p.client!.clientNumber,
        clientName: `${p.client!.firstName} ${p.client!.lastName}`,
        municipalityId: p.municipalityId,
        municipalityName: p.municipality!.name,
        groupName: p.groupName,
        route: routeOf(p),
        startDate: p.startDate,
        endedOn: p.endedOn,
        pipMinutesPerWeek: p.client!.pipMinutesPerWeek,
        lockedDates: days.filter((d) => periods.has(periodKey(p.municipalityId, periodMonthOf(d)))),
        entries: byPlacement.get(p.id) ?? [],
      })),
    });
  }

  /** Saves changed cells all or nothing; a cell changed by someone else since it was read is a conflict. */
  async save(actor: Actor, input: SaveHourEntriesInput): Promise<SaveHourEntriesResultType> {
    const providerId = providerScopeOf(actor);
    const cells = input.cells;
    if (cells.length === 0) return Object.assign(new SaveHourEntriesResultType(), { saved: [], deleted: 0 });
    cells.forEach((cell, index) => requireHourDate(`cells.${index}.date`, cell.date));
    await this.access.require(actor, 'placement', cells.map((c) => c.placementId));
    const today = this.clock.today();
    return this.db.transaction(async (manager) => {
      const placements = await this.placementsOf(manager, providerId, cells.map((c) => c.placementId));
      const periods = await lockPeriodsForEntry(manager, providerId, cells.map((c) => ({ municipalityId: placements.get(c.placementId)!.municipalityId, month: periodMonthOf(c.date) })));
      const violations: RuleViolation[] = [];
      const seen = new Set<string>();
      cells.forEach((cell, index) => {
        const placement = placements.get(cell.placementId)!;
        const key = cellKey(cell.placementId, cell.date, cell.category);
        const prefix = `cells.${index}`;
        if (seen.has(key)) violations.push({ field: `${prefix}.date`, code: 'CELL_TWICE', message: 'Deze cel staat twee keer in de opdracht.' });
        seen.add(key);
        const status = periods.get(periodKey(placement.municipalityId, periodMonthOf(cell.date))) ?? 'OPEN';
        const locked = checkPeriodOpenForEntry(status, periodMonthOf(cell.date));
        const found = isEmpty(cell) ? [] : checkHourRegistration({
          date: cell.date, category: cell.category, route: routeOf(placement), plannedMinutes: cell.plannedMinutes, attendedMinutes: cell.attendedMinutes,
          absenceReason: (cell.absenceReason ?? null) as AbsenceReason | null, today, placementStart: placement.startDate, placementEnd: placement.endedOn,
        });
        // The instroomklas teaches Dutch (and KNM): its hours are language hours of the brede intake.
        if (!isEmpty(cell) && placement.kind === 'INSTROOMKLAS') found.push(...checkInstroomklasHourCategory(cell.category));
        violations.push(...[...locked, ...found].map((v) => ({ ...v, field: `${prefix}.${v.field}` })));
      });
      throwIfViolations(violations);

      const existing = await manager.getRepository(HourEntryEntity).createQueryBuilder('h')
        .where('h.providerId = :providerId', { providerId })
        .andWhere('h.revision = 0')
        .andWhere('(h.placement_id, h.lesson_date, h.category) IN (SELECT * FROM unnest(:pids::uuid[], :dates::date[], :categories::text[]))', {
          pids: cells.map((c) => c.placementId), dates: cells.map((c) => c.date), categories: cells.map((c) => c.category),
        })
        .setLock('pessimistic_write')
        .getMany();
      const current = new Map(existing.map((row) => [cellKey(row.placementId, row.lessonDate, row.category), row]));
      const conflicts = cells.flatMap((cell, index) => {
        const row = current.get(cellKey(cell.placementId, cell.date, cell.category));
        const stale = row ? cell.version !== row.version : cell.version !== null && cell.version !== undefined;
        return stale ? [{ field: `cells.${index}`, code: 'STALE_VERSION', message: 'Deze uren zijn intussen door iemand anders gewijzigd.' }] : [];
      });
      const fromPresence = cells.flatMap((cell, index) => current.get(cellKey(cell.placementId, cell.date, cell.category))?.source === PRESENCE_LIST_SOURCE
        ? [{ field: `cells.${index}`, code: 'FROM_PRESENCE_LIST', message: 'Deze uren komen uit een afgesloten presentielijst; corrigeer ze via die lijst.' }]
        : []);
      throwIfViolations(fromPresence);
      if (conflicts.length > 0) {
        throw new ConflictAppError('Iemand anders heeft een deel van deze uren intussen gewijzigd. Laad de week opnieuw en vul uw wijziging daarna opnieuw in.', conflicts);
      }

      const toDelete = cells.filter((cell) => isEmpty(cell) && current.has(cellKey(cell.placementId, cell.date, cell.category)));
      const toWrite = cells.filter((cell) => !isEmpty(cell));
      const placementIds = [...new Set(cells.map((c) => c.placementId))];
      await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds }, actor);
      await logProcessing(manager, actor, 'UPDATE', 'client', [...new Set(placementIds.map((id) => placements.get(id)!.clientId))], PURPOSE.PROVIDER_EXECUTION);
      // The hour writes come last: their triggers lock this connection's total row of the month (hour_month_total's slot),
      // which other saves of that month on this slot share, and it stays locked until the commit (no round trip in between).
      if (toDelete.length > 0) {
        await manager.getRepository(HourEntryEntity).delete({ id: In(toDelete.map((c) => current.get(cellKey(c.placementId, c.date, c.category))!.id)) });
      }
      const saved = await upsertCells(
        manager,
        toWrite.map((c) => ({ ...c, absenceReason: (c.absenceReason ?? null) as AbsenceReason | null })),
        actor.userId,
        null,
      );
      return Object.assign(new SaveHourEntriesResultType(), { saved: saved.map(toHourEntry), deleted: toDelete.length });
    });
  }

  /** Copies last week's planned hours of one category into this week's empty cells (attended = planned), up to today, open months only. */
  async copyPreviousWeek(actor: Actor, input: CopyPreviousWeekInput): Promise<number> {
    const providerId = providerScopeOf(actor);
    requireHourDate('weekStart', input.weekStart);
    const weekStart = startOfIsoWeek(input.weekStart);
    const today = this.clock.today();
    const lastDay = compareDates(addDays(weekStart, 6), today) > 0 ? today : addDays(weekStart, 6);
    if (compareDates(lastDay, weekStart) < 0) return 0;
    return this.db.transaction(async (manager) => {
      // Lock the months copied into, as a save does, so a submission cannot slip in between the check and the write.
      const sources = await manager.getRepository(HourEntryEntity).createQueryBuilder('h')
        .select('DISTINCT h.municipalityId', 'municipalityId')
        .where('h.providerId = :providerId AND h.category = :category', { providerId, category: input.category })
        .andWhere('h.lessonDate BETWEEN :from AND :to', { from: addDays(weekStart, -7), to: addDays(lastDay, -7) })
        .getRawMany<Pick<HourEntryEntity, 'municipalityId'>>();
      const months = [...new Set([periodMonthOf(weekStart), periodMonthOf(lastDay)])];
      await lockPeriodsForEntry(manager, providerId, sources.flatMap((s) => months.map((month) => ({ municipalityId: s.municipalityId, month }))));
      const rows = await copyPlannedWeek(manager, { providerId, category: input.category, weekStart, lastDay, groupName: input.groupName ?? null, userId: actor.userId });
      if (rows.length > 0) {
        await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds: [...new Set(rows.map((r) => r.placementId))] }, actor);
        await logProcessing(manager, actor, 'CREATE', 'client', [...new Set(rows.map((r) => r.clientId))], PURPOSE.PROVIDER_EXECUTION);
      }
      return rows.length;
    });
  }

  /**
   * Monday to Friday, plus Saturday and Sunday when the provider teaches on them that week (a lesson of a presence list
   * or registered hours on that day), so the grid shows what "copy last week" copies.
   */
  private async weekDays(providerId: ProviderId, weekStart: string): Promise<string[]> {
    const weekend = [addDays(weekStart, 5), addDays(weekStart, 6)];
    const [lessons, hours] = await Promise.all([
      this.db.getRepository(PresenceLessonEntity).createQueryBuilder('l').select('DISTINCT to_char(l.lesson_date, \'YYYY-MM-DD\')', 'day')
        .where('l.providerId = :providerId AND l.lessonDate IN (:...weekend) AND l.cancellation IS NULL', { providerId, weekend }).getRawMany<{ day: string }>(),
      this.db.getRepository(HourEntryEntity).createQueryBuilder('h').select('DISTINCT to_char(h.lesson_date, \'YYYY-MM-DD\')', 'day')
        .where('h.providerId = :providerId AND h.lessonDate IN (:...weekend)', { providerId, weekend }).getRawMany<{ day: string }>(),
    ]);
    const taught = new Set([...lessons, ...hours].map((r) => r.day));
    return [0, 1, 2, 3, 4].map((i) => addDays(weekStart, i)).concat(weekend.filter((d) => taught.has(d)));
  }

  /** The placements of these cells in which hours may be registered (access was checked; a placement not in such a status is refused the same way). */
  private async placementsOf(manager: EntityManager, providerId: ProviderId, ids: string[]): Promise<Map<string, HourPlacement>> {
    const unique = [...new Set(ids)];
    const rows = await manager.getRepository(PlacementEntity).createQueryBuilder('p')
      .select(HOUR_PLACEMENT_SELECT)
      .where('p.providerId = :providerId', { providerId })
      .andWhere('p.id IN (:...ids)', { ids: unique })
      .andWhere('p.status IN (:...statuses)', { statuses: [...HOUR_REGISTRATION_PLACEMENT_STATUSES] })
      .getMany();
    if (rows.length !== unique.length) throw this.access.notFound('placement');
    return new Map(rows.map((row) => [row.id, row]));
  }
}

function isEmpty(cell: HourCellInput): boolean {
  return cell.plannedMinutes === 0 && cell.attendedMinutes === 0;
}

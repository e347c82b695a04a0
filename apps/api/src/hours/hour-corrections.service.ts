import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { calendarDateInAmsterdam, checkCorrection, checkHourRegistration, periodMonthOf, type AbsenceReason, type HourPeriodStatus } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit/processing-log';
import { ConflictAppError, NotFoundAppError, throwIfViolations } from '../common/app-errors';
import { enqueueInOutbox } from '../outbox/outbox';
import type { Actor } from '../tenancy/actor';
import { providerScopeOf, tenantScopeOf } from '../tenancy/tenant-scope';
import { tenantKey } from '../lots/lots.service';
import { type HourEntryRow, type HourPlacementRow, toHourEntry } from './hour-rows';
import { CorrectHourEntryInput, HourCategoryGql, HourEntryType } from './hour.types';

/** Corrections of approved hours: a new revision pointing at the one it corrects, so the history stays. */
@Injectable()
export class HourCorrectionsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async correct(actor: Actor, input: CorrectHourEntryInput): Promise<HourEntryType> {
    const providerId = providerScopeOf(actor);
    return this.db.transaction(async (manager) => {
      const [entry]: (HourEntryRow & { latest_revision: number; route: HourPlacementRow['route']; start_date: string | null; ended_on: string | null; period_status: HourPeriodStatus | null })[] =
        await manager.query(
          `SELECT h.*, p.route, p.start_date, p.ended_on, hp.status AS period_status,
                  (SELECT max(revision) FROM hour_entry x WHERE x.placement_id = h.placement_id AND x.lesson_date = h.lesson_date AND x.category = h.category) AS latest_revision
             FROM hour_entry h JOIN placement p ON p.id = h.placement_id
             LEFT JOIN hour_period hp ON hp.provider_id = h.provider_id AND hp.municipality_id = h.municipality_id AND hp.month = date_trunc('month', h.lesson_date)::date
            WHERE h.id = $1 AND h.provider_id = $2 FOR UPDATE OF h`,
          [input.entryId, providerId],
        );
      if (!entry) throw new NotFoundAppError('Deze urenregistratie bestaat niet of hoort niet bij uw organisatie.');
      const month = periodMonthOf(entry.lesson_date);
      throwIfViolations([
        ...checkCorrection(entry.period_status ?? 'OPEN', month, input.reason),
        ...checkHourRegistration({
          date: entry.lesson_date, category: entry.category, route: entry.route, plannedMinutes: input.plannedMinutes, attendedMinutes: input.attendedMinutes,
          absenceReason: (input.absenceReason ?? null) as AbsenceReason | null, today: calendarDateInAmsterdam(new Date()),
          placementStart: entry.start_date, placementEnd: entry.ended_on,
        }).filter((v) => v.code !== 'HOURS_EMPTY'),
      ]);
      if (entry.revision !== entry.latest_revision) {
        throw new ConflictAppError('Deze registratie is intussen al gecorrigeerd. Laad de gegevens opnieuw en corrigeer de nieuwste versie.');
      }
      const [row]: HourEntryRow[] = await manager.query(
        `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, absence_reason,
                                 revision, corrects_entry_id, correction_reason, entered_by_user_id)
         SELECT placement_id, client_id, provider_id, municipality_id, lesson_date, category, $2, $3, $4, revision + 1, id, $5, $6 FROM hour_entry WHERE id = $1
         RETURNING *`,
        [entry.id, input.plannedMinutes, input.attendedMinutes, input.absenceReason ?? null, input.reason.trim(), actor.userId],
      );
      await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds: [entry.placement_id] });
      await logProcessing(manager, actor, 'UPDATE', 'client', [entry.client_id], PURPOSE.PROVIDER_EXECUTION);
      return toHourEntry(row);
    });
  }

  /** Every revision of one cell, oldest first: the original registration and its corrections with their reasons. */
  async history(actor: Actor, placementId: string, date: string, category: HourCategoryGql): Promise<HourEntryType[]> {
    const scope = tenantScopeOf(actor);
    const column = scope.kind === 'PROVIDER' ? 'provider_id' : scope.kind === 'MUNICIPALITY' ? 'municipality_id' : null;
    if (!column) throw new NotFoundAppError();
    const rows: HourEntryRow[] = await this.db.query(
      `SELECT * FROM hour_entry WHERE ${column} = $1 AND placement_id = $2 AND lesson_date = $3 AND category = $4 ORDER BY revision`,
      [tenantKey(scope), placementId, date, category],
    );
    if (rows.length > 0) await logProcessing(this.db.manager, actor, 'READ', 'client', [rows[0].client_id], scope.kind === 'PROVIDER' ? PURPOSE.PROVIDER_EXECUTION : PURPOSE.CASELOAD);
    return rows.map(toHourEntry);
  }
}

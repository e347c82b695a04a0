import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addMonths, calendarDateInAmsterdam, checkPeriodTransition, periodMonthOf, type HourPeriodStatus } from '@inburgering/domain';
import { DataSource, EntityManager } from 'typeorm';
import { NotFoundAppError, throwIfViolations } from '../common/app-errors';
import { enqueueInOutbox } from '../outbox/outbox';
import type { Actor } from '../tenancy/actor';
import { municipalityScopeOf, providerScopeOf, tenantScopeOf } from '../tenancy/tenant-scope';
import { tenantKey } from '../lots/lots.service';
import { HourPeriodStatusGql, HourPeriodType, RejectHourPeriodInput, SubmitHourPeriodInput } from './hour.types';

interface PeriodRow {
  id: string | null;
  provider_id: string;
  provider_name: string;
  municipality_id: string;
  municipality_name: string;
  month: string;
  status: HourPeriodStatus;
  planned: string | null;
  attended: string | null;
  entries: string | null;
  corrections: string | null;
  submitted_at: Date | null;
  decided_at: Date | null;
  rejection_reason: string | null;
}

const toType = (row: PeriodRow): HourPeriodType =>
  Object.assign(new HourPeriodType(), {
    id: row.id,
    month: row.month,
    providerId: row.provider_id,
    providerName: row.provider_name,
    municipalityId: row.municipality_id,
    municipalityName: row.municipality_name,
    status: row.status as HourPeriodStatusGql,
    plannedMinutes: Number(row.planned ?? 0),
    attendedMinutes: Number(row.attended ?? 0),
    entryCount: Number(row.entries ?? 0),
    correctionCount: Number(row.corrections ?? 0),
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    rejectionReason: row.rejection_reason,
  });

/** Months of hours per provider and municipality: submitted by the provider, approved (locked) or sent back by the municipality. */
@Injectable()
export class HourPeriodsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The last 12 months with hours or a period row, for the provider's own or the municipality's own side. */
  async list(actor: Actor, status: HourPeriodStatusGql | null): Promise<HourPeriodType[]> {
    const scope = tenantScopeOf(actor);
    if (scope.kind === 'REGION') return [];
    const column = scope.kind === 'PROVIDER' ? 'provider_id' : 'municipality_id';
    const from = addMonths(periodMonthOf(calendarDateInAmsterdam(new Date())), -12);
    const rows = await this.query(this.db.manager, `c.${column} = $1`, [tenantKey(scope), from, status]);
    return rows.map(toType);
  }

  async submit(actor: Actor, input: SubmitHourPeriodInput): Promise<HourPeriodType> {
    const providerId = providerScopeOf(actor);
    const month = periodMonthOf(input.month);
    return this.db.transaction(async (manager) => {
      const [known] = await manager.query(`SELECT 1 FROM placement WHERE provider_id = $1 AND municipality_id = $2 LIMIT 1`, [providerId, input.municipalityId]);
      if (!known) throw new NotFoundAppError('U heeft geen plaatsingen van deze gemeente.');
      await manager.query(
        `INSERT INTO hour_period (provider_id, municipality_id, month) VALUES ($1, $2, $3) ON CONFLICT (provider_id, municipality_id, month) DO NOTHING`,
        [providerId, input.municipalityId, month],
      );
      const [period]: { id: string; status: HourPeriodStatus }[] = await manager.query(
        `SELECT id, status FROM hour_period WHERE provider_id = $1 AND municipality_id = $2 AND month = $3 FOR UPDATE`,
        [providerId, input.municipalityId, month],
      );
      throwIfViolations(checkPeriodTransition(period.status, 'SUBMITTED', month));
      await manager.query(
        `UPDATE hour_period SET status = 'SUBMITTED', submitted_at = now(), submitted_by_user_id = $2, rejection_reason = NULL WHERE id = $1`,
        [period.id, actor.userId],
      );
      const placements: { placement_id: string }[] = await manager.query(
        `SELECT DISTINCT placement_id FROM hour_entry WHERE provider_id = $1 AND municipality_id = $2 AND lesson_date >= $3 AND lesson_date < $3::date + interval '1 month'`,
        [providerId, input.municipalityId, month],
      );
      if (placements.length > 0) await enqueueInOutbox(manager, 'hours.check-absence', { providerId, placementIds: placements.map((p) => p.placement_id) });
      return this.one(manager, period.id);
    });
  }

  approve(actor: Actor, periodId: string): Promise<HourPeriodType> {
    return this.decide(actor, periodId, 'APPROVED', null);
  }

  reject(actor: Actor, input: RejectHourPeriodInput): Promise<HourPeriodType> {
    return this.decide(actor, input.periodId, 'OPEN', input.reason);
  }

  private async decide(actor: Actor, periodId: string, to: HourPeriodStatus, reason: string | null): Promise<HourPeriodType> {
    const municipalityId = municipalityScopeOf(actor);
    return this.db.transaction(async (manager) => {
      const [period]: { id: string; status: HourPeriodStatus; month: string }[] = await manager.query(
        `SELECT id, status, month FROM hour_period WHERE id = $1 AND municipality_id = $2 FOR UPDATE`,
        [periodId, municipalityId],
      );
      if (!period) throw new NotFoundAppError('Deze urenperiode bestaat niet of hoort niet bij uw gemeente.');
      throwIfViolations(checkPeriodTransition(period.status, to, period.month, reason));
      await manager.query(
        `UPDATE hour_period SET status = $2, decided_at = now(), decided_by_user_id = $3, rejection_reason = $4 WHERE id = $1`,
        [period.id, to, actor.userId, reason?.trim() ?? null],
      );
      return this.one(manager, period.id);
    });
  }

  private async one(manager: EntityManager, periodId: string): Promise<HourPeriodType> {
    const [row] = await this.query(manager, `c.hp_id = $1`, [periodId, '1900-01-01', null]);
    return toType(row);
  }

  /** Months from the current hours joined with the period rows; `where` filters the combined rows, $2 is the first month, $3 a status or null. */
  private query(manager: Pick<EntityManager, 'query'>, where: string, params: unknown[]): Promise<PeriodRow[]> {
    return manager.query(
      `WITH current AS (
         SELECT DISTINCT ON (placement_id, lesson_date, category) provider_id, municipality_id, lesson_date, planned_minutes, attended_minutes, revision
           FROM hour_entry WHERE lesson_date >= $2 ORDER BY placement_id, lesson_date, category, revision DESC
       ), months AS (
         SELECT provider_id, municipality_id, date_trunc('month', lesson_date)::date AS month, sum(planned_minutes) AS planned, sum(attended_minutes) AS attended,
                count(*) AS entries, count(*) FILTER (WHERE revision > 0) AS corrections
           FROM current GROUP BY 1, 2, 3
       ), combined AS (
         SELECT hp.id AS hp_id, coalesce(m.provider_id, hp.provider_id) AS provider_id, coalesce(m.municipality_id, hp.municipality_id) AS municipality_id,
                coalesce(m.month, hp.month) AS month, coalesce(hp.status, 'OPEN') AS status, m.planned, m.attended, m.entries, m.corrections,
                hp.submitted_at, hp.decided_at, hp.rejection_reason
           FROM months m FULL JOIN hour_period hp ON hp.provider_id = m.provider_id AND hp.municipality_id = m.municipality_id AND hp.month = m.month
       )
       SELECT c.hp_id AS id, c.*, p.name AS provider_name, mu.name AS municipality_name
         FROM combined c JOIN organisation p ON p.id = c.provider_id JOIN organisation mu ON mu.id = c.municipality_id
        WHERE ${where} AND c.month >= $2 AND ($3::text IS NULL OR c.status = $3)
        ORDER BY c.month DESC, p.name, mu.name`,
      params,
    );
  }
}

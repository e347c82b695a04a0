import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  calendarDateInAmsterdam, checkExamResult, checkMapResult, checkPvtResult, checkResultFitsRoute, checkZCompletionResult, compareDates, formatDateNl,
  integrationTermEnd, integrationTermStart, violation, type ExamPart, type Level, type MapTheme, type Route, type RuleViolation, type TargetGroup,
} from '@inburgering/domain';
import { DataSource, EntityManager } from 'typeorm';
import { logProcessing, PURPOSE } from '../audit/processing-log';
import { ConflictAppError, throwIfViolations } from '../common/app-errors';
import type { Actor } from '../tenancy/actor';
import { tenantScopeOf } from '../tenancy/tenant-scope';
import { clientHours } from './client-hours';
import { IntegrationResultType, RecordResultInput, ResultKindGql } from './result.types';
import { findVisibleClient, type VisibleClient } from './visible-client';

export interface ResultRow {
  id: string;
  client_id: string;
  placement_id: string | null;
  kind: ResultKindGql;
  exam_part: string | null;
  level: string | null;
  attempt: number | null;
  passed: boolean | null;
  result_date: string;
  details: { mapThemes?: string[]; minutes?: number | null; excursionDone?: boolean | null; milestoneDate?: string | null };
  provider_name: string | null;
  recorded_at: Date;
}

export const toResult = (row: ResultRow): IntegrationResultType =>
  Object.assign(new IntegrationResultType(), {
    id: row.id,
    clientId: row.client_id,
    placementId: row.placement_id,
    kind: row.kind,
    examPart: row.exam_part,
    level: row.level,
    attempt: row.attempt,
    passed: row.passed,
    resultDate: row.result_date,
    mapThemes: row.details.mapThemes ?? [],
    minutes: row.details.minutes ?? null,
    excursionDone: row.details.excursionDone ?? null,
    milestoneDate: row.details.milestoneDate ?? null,
    providerName: row.provider_name,
    recordedAt: row.recorded_at,
  });

export const RESULT_SELECT = `SELECT r.*, o.name AS provider_name FROM integration_result r LEFT JOIN organisation o ON o.id = r.provider_id`;

/** Results of a client, checked against the rules of the law before they are recorded. */
@Injectable()
export class ResultsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(actor: Actor, input: RecordResultInput): Promise<IntegrationResultType> {
    const scope = tenantScopeOf(actor);
    return this.db.transaction(async (manager) => {
      const client = await findVisibleClient(manager, scope, input.clientId, input.placementId ?? null);
      const [earlier]: ResultRow[] = await manager.query(`${RESULT_SELECT} WHERE r.idempotency_key = $1`, [input.idempotencyKey]);
      if (earlier) {
        if (earlier.client_id !== client.id || earlier.kind !== input.kind) throw new ConflictAppError('Deze invoer is al eerder gebruikt voor een ander resultaat. Laad de pagina opnieuw.');
        return toResult(earlier);
      }
      throwIfViolations(await this.check(manager, client, input));
      const [{ id }] = await manager.query(
        `INSERT INTO integration_result (client_id, placement_id, municipality_id, provider_id, kind, exam_part, level, attempt, passed, result_date, details,
                                         idempotency_key, recorded_by_user_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12, $13) RETURNING id`,
        [client.id, client.placement_id, client.municipality_id, client.provider_id, input.kind, input.examPart ?? null, input.level ?? null,
          input.kind === ResultKindGql.EXAM ? input.attempt ?? 1 : input.attempt ?? null, input.passed ?? null, input.resultDate,
          JSON.stringify({ mapThemes: input.mapThemes ?? undefined, minutes: input.minutes ?? undefined, excursionDone: input.excursionDone ?? undefined, milestoneDate: input.milestoneDate ?? undefined }),
          input.idempotencyKey, actor.userId],
      );
      await logProcessing(manager, actor, 'CREATE', 'client', [client.id], scope.kind === 'PROVIDER' ? PURPOSE.PROVIDER_EXECUTION : PURPOSE.CASELOAD);
      const [row]: ResultRow[] = await manager.query(`${RESULT_SELECT} WHERE r.id = $1`, [id]);
      return toResult(row);
    });
  }

  private async check(manager: EntityManager, client: VisibleClient, input: RecordResultInput): Promise<RuleViolation[]> {
    const today = calendarDateInAmsterdam(new Date());
    const violations: RuleViolation[] = [];
    if (compareDates(input.resultDate, today) > 0) {
      violations.push(violation('resultDate', 'RESULT_DATE_IN_FUTURE', `De datum van het resultaat (${formatDateNl(input.resultDate)}) ligt in de toekomst.`));
    }
    const route = client.route as Route | null;
    if (!route) return [...violations, violation('clientId', 'CLIENT_WITHOUT_ROUTE', 'Deze inburgeraar heeft nog geen route in het PIP; leg eerst het PIP vast.')];
    violations.push(...checkResultFitsRoute(input.kind, route));
    if (violations.some((v) => v.field === 'kind')) return violations;
    const termStart = integrationTermStart(client.target_group as TargetGroup, client.pip_signed_on, client.brp_registration_date);
    const term = termStart ? { termStart, termEnd: integrationTermEnd(termStart), today } : null;
    const { totals } = await clientHours(manager, client.id);
    switch (input.kind) {
      case ResultKindGql.EXAM:
        violations.push(...checkExamResult({ route, part: input.examPart as ExamPart | null, level: input.level as Level | null, attempt: input.attempt ?? 1, languageMinutes: totals.languageMinutes }));
        break;
      case ResultKindGql.MAP:
        if (term) violations.push(...checkMapResult({ ...term, themesCovered: (input.mapThemes ?? []) as MapTheme[], practicalActivityMinutes: input.minutes ?? 0, eindgesprekOn: input.milestoneDate }));
        break;
      case ResultKindGql.PVT:
        if (term) violations.push(...checkPvtResult({ ...term, minutes: input.minutes ?? 0, excursionDone: input.excursionDone ?? false, signedOn: input.milestoneDate }));
        break;
      case ResultKindGql.Z_COMPLETION:
        violations.push(...checkZCompletionResult({ route, targetGroup: client.target_group as TargetGroup, courseMinutes: totals.courseMinutes, participationMinutes: totals.participationMinutes }));
        break;
      default:
        if (input.passed === null || input.passed === undefined) violations.push(violation('passed', 'RESULT_PASSED_REQUIRED', 'Geef aan of het resultaat is behaald.'));
    }
    if ((input.kind === ResultKindGql.MAP || input.kind === ResultKindGql.PVT) && !term) {
      violations.push(violation('clientId', 'TERM_NOT_STARTED', 'De inburgeringstermijn van deze inburgeraar is nog niet begonnen; leg eerst het PIP vast.'));
    }
    return violations;
  }
}


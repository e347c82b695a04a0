// The provider's exam-part figures drilled down to its own placements (issue #10): which cell a filter asks for, what may
// not go with it, the condition that picks one placement per client with such an attempt, and the attempts the cell counts.
import { checkFigurePeriod, figurePeriod, type ExamPart, type FigurePeriod, type Level, type RuleViolation } from '@inburgering/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { ExamOutcomeGql } from '../clients';
import { PlacementEntity } from '../database';
import { examAttemptOfCellSql } from '../figures';
import type { ProviderPlacementFilterInput } from './placement-inputs';

/** One cell of the exam-part figures: an attempt of this part, at this level, passed or failed, under the row's contracts and municipality. */
export interface ExamCell {
  part: ExamPart;
  level: Level;
  passed: boolean;
  contractId: string | null;
  municipalityId: string | null;
  period: FigurePeriod | null;
}

/**
 * The exam cell a filter asks for (examPart, examLevel and examOutcome together), or null, with the violations to throw:
 * an incomplete cell, another figure's filter asked for with it, the period's (in Dutch, on the field). The contract is
 * still to be asked of the AccessService.
 */
export function examCellOf(filter: ProviderPlacementFilterInput | null): { figure: ExamCell; violations: RuleViolation[] } | null {
  if (!filter?.examPart && !filter?.examLevel && !filter?.examOutcome) return null;
  const violations: RuleViolation[] = [...checkFigurePeriod(filter.periodFrom, filter.periodTo)];
  if (!filter.examPart) violations.push({ field: 'examPart', code: 'EXAM_PART_MISSING', message: 'Kies het examenonderdeel van het cijfer.' });
  if (!filter.examLevel) violations.push({ field: 'examLevel', code: 'EXAM_LEVEL_MISSING', message: 'Kies het niveau van het examencijfer.' });
  if (!filter.examOutcome) violations.push({ field: 'examOutcome', code: 'EXAM_OUTCOME_MISSING', message: 'Kies gehaald of niet gehaald.' });
  if (filter.intakeStage || filter.completed || filter.withHours || filter.waitCohort) {
    violations.push({ field: 'examPart', code: 'EXAM_WITH_OTHER_FIGURE', message: 'Kies het examencijfer of een ander cijfer, niet allebei.' });
  }
  return {
    figure: {
      part: filter.examPart!, level: filter.examLevel!, passed: filter.examOutcome === ExamOutcomeGql.PASSED,
      contractId: filter.contractId ?? null, municipalityId: filter.municipalityId ?? null, period: figurePeriod(filter.periodFrom, filter.periodTo),
    },
    violations,
  };
}

/**
 * That an integration_result row `er` of placement `ep` is an attempt the cell counts (figures.repository results, the same
 * examAttemptOfCellSql): `ep` under the figure's contracts (`under(alias)`: the provider's own, as the figures take them)
 * and the row's municipality, the result date in the period. Its parameters are set on the query.
 */
function examAttemptOfCell(query: SelectQueryBuilder<PlacementEntity>, cell: ExamCell, under: (alias: string) => string): string {
  query.setParameters({
    examLevel: cell.level, examPart: cell.part, examPassed: cell.passed, examMunicipalityId: cell.municipalityId,
    examFrom: cell.period?.from ?? null, examTo: cell.period?.to ?? null,
  });
  return `${under('ep')} AND (CAST(:examMunicipalityId AS uuid) IS NULL OR ep.municipality_id = CAST(:examMunicipalityId AS uuid))
          AND ${examAttemptOfCellSql('er', 'CAST(:examLevel AS text)', 'CAST(:examPart AS text)', 'CAST(:examPassed AS boolean)')}
          AND (CAST(:examFrom AS date) IS NULL OR er.result_date BETWEEN CAST(:examFrom AS date) AND CAST(:examTo AS date))`;
}

/** Keeps the placements (`p`) of the clients with an attempt the cell counts, one per client: the placement of the latest such attempt. */
export function whereExamAttemptOfCell(query: SelectQueryBuilder<PlacementEntity>, cell: ExamCell, under: (alias: string) => string): void {
  query.andWhere(
    `p.id IN (SELECT DISTINCT ON (ep.client_id) ep.id FROM integration_result er JOIN placement ep ON ep.id = er.placement_id
               WHERE ${examAttemptOfCell(query, cell, under)} ORDER BY ep.client_id, er.result_date DESC, ep.id)`,
  );
}

/**
 * How many attempts the cell counts (the number the figure shows; a retake counts again), where the list shows each client
 * once: `query` is a fresh query on the placements as `ep`.
 */
export async function countExamAttemptsOfCell(query: SelectQueryBuilder<PlacementEntity>, cell: ExamCell, under: (alias: string) => string): Promise<number> {
  const row = await query.innerJoin('integration_result', 'er', 'er.placement_id = ep.id')
    .where(examAttemptOfCell(query, cell, under))
    .select('count(*)::int', 'attempts')
    .getRawOne<{ attempts: number }>();
  return row?.attempts ?? 0;
}

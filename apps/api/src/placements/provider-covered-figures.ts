// The provider's hours figures and median wait drilled down to its own placements (issue #10): which figure a filter asks
// for, what may not go with it, and the condition that picks one placement per client the figure covers.
import { checkFigurePeriod, figurePeriod, INTAKE_STAGE_STATUSES, type FigurePeriod, type RuleViolation } from '@inburgering/domain';
import type { SelectQueryBuilder } from 'typeorm';
import { PlacementEntity } from '../database';
import { hourSourceSql, waitCohortSql } from '../figures';
import type { ProviderPlacementFilterInput } from './placement-inputs';

/** A figure that covers clients rather than counting placements: the hours (attended hours, attendance) or the median wait. */
export interface CoveredFigure {
  figure: 'HOURS' | 'WAITS';
  contractId: string | null;
  municipalityId: string | null;
  period: FigurePeriod | null;
}

/**
 * The covered figure a filter asks for (withHours or waitCohort), or null; throws the period's violations and another
 * figure's filter asked for with it (in Dutch, on the field). The contract is still to be asked of the AccessService.
 */
export function coveredFigureOf(filter: ProviderPlacementFilterInput | null): { figure: CoveredFigure; violations: RuleViolation[] } | null {
  if (!filter?.withHours && !filter?.waitCohort) return null;
  const violations: RuleViolation[] = [...checkFigurePeriod(filter.periodFrom, filter.periodTo)];
  const hours = Boolean(filter.withHours);
  if (filter.intakeStage) {
    violations.push({ field: 'intakeStage', code: 'COVERED_WITH_INTAKE_STAGE', message: `Kies een stand van de plaatsingen of ${hours ? 'de uren' : 'de wachttijd'}, niet allebei.` });
  }
  if (filter.completed) {
    violations.push({ field: hours ? 'withHours' : 'waitCohort', code: 'COVERED_WITH_COMPLETED', message: `Kies een voltooid onderdeel of ${hours ? 'de uren' : 'de wachttijd'}, niet allebei.` });
  }
  if (hours && filter.waitCohort) violations.push({ field: 'waitCohort', code: 'WAITS_WITH_HOURS', message: 'Kies de wachttijd of de uren, niet allebei.' });
  return {
    figure: { figure: hours ? 'HOURS' : 'WAITS', contractId: filter.contractId ?? null, municipalityId: filter.municipalityId ?? null, period: figurePeriod(filter.periodFrom, filter.periodTo) },
    violations,
  };
}

/**
 * Keeps the placements (`p`) of the clients a covered figure is computed over, one per client, with the figure's own
 * condition: `under(alias)` says a placement is under the figure's contracts (the provider's own, as the figures take them).
 * The hours: hour rows in the period by the figures' hour source (hourSourceSql), the placement of the client's latest
 * lesson day or month. The median wait: a placement started in the period on or after the signed PIP (waitCohortSql),
 * the client's latest start. A row per municipality keeps to that municipality's placements.
 */
export function whereCoveredByFigure(query: SelectQueryBuilder<PlacementEntity>, covered: CoveredFigure, under: (alias: string) => string): void {
  query.setParameter('coveredMunicipalityId', covered.municipalityId);
  const inMunicipality = (alias: string) => `(CAST(:coveredMunicipalityId AS uuid) IS NULL OR ${alias}.municipality_id = CAST(:coveredMunicipalityId AS uuid))`;
  if (covered.figure === 'HOURS') {
    let bound = 0;
    const source = hourSourceSql(covered.period, (value) => {
      bound += 1;
      query.setParameter(`coveredBound${bound}`, value);
      return `:coveredBound${bound}`;
    }, 'hp');
    query.andWhere(
      `p.id IN (SELECT DISTINCT ON (hp.client_id) hp.id FROM ${source.from}
                 WHERE ${under('hp')} AND ${inMunicipality('hp')} AND ${source.condition}
                 ORDER BY hp.client_id, ${source.day} DESC, hp.id)`,
    );
    return;
  }
  query.andWhere(
    `p.id IN (SELECT DISTINCT ON (wp.client_id) wp.id FROM placement wp JOIN client wc ON wc.id = wp.client_id
               WHERE ${under('wp')} AND ${inMunicipality('wp')} AND ${waitCohortSql('wp', 'wc', 'CAST(:coveredStarted AS text[])')}
                 AND (CAST(:coveredFrom AS date) IS NULL OR wp.start_date BETWEEN CAST(:coveredFrom AS date) AND CAST(:coveredTo AS date))
               ORDER BY wp.client_id, wp.start_date DESC, wp.id)`,
    { coveredStarted: [...INTAKE_STAGE_STATUSES.STARTED], coveredFrom: covered.period?.from ?? null, coveredTo: covered.period?.to ?? null },
  );
}

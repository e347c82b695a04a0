import { isExamPart, isResultKind } from '@inburgering/domain';
import { LevelGql } from '../clients';
import type { ResultWithProvider } from './results.repository';
import { IntegrationResultType, type ExamPartGql, type ResultKindGql } from './result.types';

/** What a result keeps in its `details` column (MAP, PVT, eindgesprek). */
export type ResultDetails = {
  mapThemes?: string[];
  minutes?: number;
  excursionDone?: boolean;
  milestoneDate?: string;
};

function detailsOf(details: Record<string, unknown>): ResultDetails {
  const { mapThemes, minutes, excursionDone, milestoneDate } = details;
  return {
    mapThemes: Array.isArray(mapThemes) ? mapThemes.filter((t): t is string => typeof t === 'string') : undefined,
    minutes: typeof minutes === 'number' ? minutes : undefined,
    excursionDone: typeof excursionDone === 'boolean' ? excursionDone : undefined,
    milestoneDate: typeof milestoneDate === 'string' ? milestoneDate : undefined,
  };
}

export const toResult = (result: ResultWithProvider): IntegrationResultType => {
  const details = detailsOf(result.details);
  if (!isResultKind(result.kind)) throw new Error(`Onbekende soort resultaat: ${result.kind}`);
  return Object.assign(new IntegrationResultType(), {
    id: result.id,
    clientId: result.clientId,
    placementId: result.placementId,
    kind: result.kind satisfies ResultKindGql,
    examPart: isExamPart(result.examPart) ? (result.examPart satisfies ExamPartGql) : null,
    level: result.level as LevelGql | null,
    attempt: result.attempt,
    passed: result.passed,
    resultDate: result.resultDate,
    mapThemes: details.mapThemes ?? [],
    minutes: details.minutes ?? null,
    excursionDone: details.excursionDone ?? null,
    milestoneDate: details.milestoneDate ?? null,
    providerName: result.providerName,
    recordedAt: result.recordedAt,
  });
};

// When a client met a deadline, derived from the recorded results (integration_result): the MAP eindgesprek, the PVT
// signing and the completion of the whole obligation (PVT, MAP and the route: LAW_CITATIONS.OBLIGATION).
import { CalendarDate, compareDates } from './calendar-date';
import type { ExamPart, ResultKind } from './result-rules';
import type { Level, Route } from './routes';

/** One recorded result as the deadline rules read it. */
export interface CompletionResult {
  kind: ResultKind;
  examPart: ExamPart | null;
  level: Level | null;
  passed: boolean | null;
  resultDate: CalendarDate;
  /** MAP: the eindgesprek; PVT: the signing. Falls back to `resultDate`. */
  milestoneDate?: CalendarDate | null;
}

export interface CompletionDates {
  mapEindgesprekOn: CalendarDate | null;
  pvtSignedOn: CalendarDate | null;
  /** The route is complete: every exam part passed (B1-route), the taalschakeltraject passed (Onderwijsroute) or the Z eindgesprek held. */
  routeCompletedOn: CalendarDate | null;
  /** The whole obligation is met: route, PVT and (except on the Onderwijsroute) MAP; the latest of those dates. */
  obligationMetOn: CalendarDate | null;
}

/** The exam parts of the B1-route: four language parts and KNM. */
export const B1_ROUTE_EXAM_PARTS: readonly ExamPart[] = ['LEZEN', 'LUISTEREN', 'SCHRIJVEN', 'SPREKEN', 'KNM'];

const LEVEL_ORDER: Record<Level, number> = { A1: 1, A2: 2, B1: 3, B2: 4 };

const earliest = (dates: readonly CalendarDate[]): CalendarDate | null => [...dates].sort(compareDates)[0] ?? null;
const latest = (dates: readonly CalendarDate[]): CalendarDate => [...dates].sort(compareDates)[dates.length - 1];

/**
 * Completion dates from the results: a MAP or PVT result counts unless recorded as not passed; a language exam part
 * counts when passed at the PIP level or higher (B1 without a PIP level; A2 only after afschalen, which the PIP level
 * then says); KNM counts as an exam part or a KNM result.
 */
export function completionDates(route: Route | null, pipLevel: Level | null, results: readonly CompletionResult[]): CompletionDates {
  const moduleDate = (kind: ResultKind) =>
    earliest(results.filter((r) => r.kind === kind && r.passed !== false).map((r) => r.milestoneDate ?? r.resultDate));
  const mapEindgesprekOn = moduleDate('MAP');
  const pvtSignedOn = moduleDate('PVT');
  let routeCompletedOn: CalendarDate | null = null;
  if (route === 'Z') routeCompletedOn = earliest(results.filter((r) => r.kind === 'Z_COMPLETION' && r.passed !== false).map((r) => r.milestoneDate ?? r.resultDate));
  if (route === 'ONDERWIJS') routeCompletedOn = earliest(results.filter((r) => r.kind === 'TAALSCHAKEL' && r.passed === true).map((r) => r.resultDate));
  if (route === 'B1') {
    const required = LEVEL_ORDER[pipLevel ?? 'B1'];
    const passedOn = B1_ROUTE_EXAM_PARTS.map((part) =>
      earliest(
        results
          .filter((r) => r.passed === true)
          .filter((r) =>
            part === 'KNM'
              ? r.kind === 'KNM' || (r.kind === 'EXAM' && r.examPart === 'KNM')
              : r.kind === 'EXAM' && r.examPart === part && r.level !== null && LEVEL_ORDER[r.level] >= required,
          )
          .map((r) => r.resultDate),
      ),
    );
    routeCompletedOn = passedOn.every((d): d is CalendarDate => d !== null) ? latest(passedOn) : null;
  }
  const parts = [routeCompletedOn, pvtSignedOn, ...(route === 'ONDERWIJS' ? [] : [mapEindgesprekOn])];
  const obligationMetOn = route && parts.every((d): d is CalendarDate => d !== null) ? latest(parts as CalendarDate[]) : null;
  return { mapEindgesprekOn, pvtSignedOn, routeCompletedOn, obligationMetOn };
}

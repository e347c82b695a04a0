// Which results a provider can record for a client, by route: what checkResultFitsRoute and checkExamResult accept,
// so the result form offers only these (Wet inburgering 2021; Besluit inburgering 2021).
import { checkMapAllowed } from './map-pvt-rules';
import type { ExamPart, ResultKind } from './result-rules';
import { LEVELS, type Level, type Route } from './routes';

const MAIN_RESULT: Record<Route, ResultKind> = { B1: 'EXAM', Z: 'Z_COMPLETION', ONDERWIJS: 'TAALSCHAKEL' };

/**
 * The result kinds of a route, the route's own result first: exams in the B1-route, the eindgesprek in the Z-route (exams
 * there are voluntary, so last), the taalschakel result in the Onderwijsroute (no MAP there: checkMapAllowed).
 */
export function resultKindsForRoute(route: Route): ResultKind[] {
  const modules: ResultKind[] = ['KNM', ...(checkMapAllowed(route).length === 0 ? (['MAP'] as const) : []), 'PVT'];
  if (route === 'B1') return ['EXAM', ...modules];
  if (route === 'Z') return [MAIN_RESULT.Z, ...modules, 'EXAM'];
  return [MAIN_RESULT.ONDERWIJS, 'EXAM', ...modules];
}

/**
 * The exam levels a route allows for a part, the usual one first: A2 only in the Z-route (voluntary, KNM at any level),
 * B1 first in the B1-route (A2 after 600 hours), never A2 in the Onderwijsroute.
 */
export function examLevelsForRoute(route: Route, part: ExamPart): Level[] {
  if (route === 'Z') return part === 'KNM' ? ['A2', ...LEVELS.filter((l) => l !== 'A2')] : ['A2'];
  if (route === 'ONDERWIJS') return part === 'KNM' ? ['B1', ...LEVELS.filter((l) => l !== 'B1')] : ['B1', 'B2'];
  return ['B1', ...LEVELS.filter((l) => l !== 'B1')];
}

// Results a provider records: exams per part, KNM, MAP, PVT, the taalschakel result and the Z-route eindgesprek;
// which results fit which route (Wet inburgering 2021, Besluit inburgering 2021).
import { checkA2Exam, checkZRouteCompletion } from './hour-rules';
import { cite } from './law-citations';
import { checkMapAllowed } from './map-pvt-rules';
import { Level, Route, TargetGroup } from './routes';
import { RuleViolation, violation } from './rule-violation';

export const RESULT_KINDS = ['KNM', 'MAP', 'PVT', 'EXAM', 'TAALSCHAKEL', 'Z_COMPLETION'] as const;
export type ResultKind = (typeof RESULT_KINDS)[number];

export const EXAM_PARTS = ['LEZEN', 'LUISTEREN', 'SCHRIJVEN', 'SPREKEN', 'KNM'] as const;
export type ExamPart = (typeof EXAM_PARTS)[number];

const RESULT_KIND_LABELS: Record<ResultKind, string> = {
  KNM: 'KNM',
  MAP: 'MAP',
  PVT: 'PVT',
  EXAM: 'Examen',
  TAALSCHAKEL: 'Taalschakeltraject',
  Z_COMPLETION: 'Eindgesprek Z-route',
};

const EXAM_PART_LABELS: Record<ExamPart, string> = {
  LEZEN: 'Lezen',
  LUISTEREN: 'Luisteren',
  SCHRIJVEN: 'Schrijven',
  SPREKEN: 'Spreken',
  KNM: 'KNM',
};

export function isResultKind(value: unknown): value is ResultKind {
  return typeof value === 'string' && (RESULT_KINDS as readonly string[]).includes(value);
}

export function isExamPart(value: unknown): value is ExamPart {
  return typeof value === 'string' && (EXAM_PARTS as readonly string[]).includes(value);
}

export function resultKindLabel(kind: ResultKind): string {
  return RESULT_KIND_LABELS[kind];
}

export function examPartLabel(part: ExamPart): string {
  return EXAM_PART_LABELS[part];
}

/**
 * Which results belong to which route: no MAP in the Onderwijsroute, taalschakel only in the Onderwijsroute, the Z eindgesprek
 * only in the Z-route. A Z-route client may take exams voluntarily; which parts and levels is checked in checkExamResult.
 */
export function checkResultFitsRoute(kind: ResultKind, route: Route): RuleViolation[] {
  if (kind === 'MAP') return checkMapAllowed(route);
  if (kind === 'TAALSCHAKEL' && route !== 'ONDERWIJS') {
    return [violation('kind', 'TAALSCHAKEL_ONLY_ONDERWIJSROUTE', 'Een taalschakelresultaat hoort alleen bij de Onderwijsroute.')];
  }
  if (kind === 'Z_COMPLETION' && route !== 'Z') {
    return [violation('kind', 'Z_COMPLETION_ONLY_Z_ROUTE', 'Het eindgesprek Z-route hoort alleen bij de Z-route.')];
  }
  return [];
}

export interface ExamResultInput {
  route: Route;
  part: ExamPart | null | undefined;
  level: Level | null | undefined;
  attempt: number;
  /** Attended language minutes so far (LANGUAGE + LITERACY). */
  languageMinutes: number;
}

/** An exam part: a part and level, attempt 1 or more, A2 only in the B1-route after 600 hours, never A2 in the Onderwijsroute. */
export function checkExamResult({ route, part, level, attempt, languageMinutes }: ExamResultInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!part) violations.push(violation('examPart', 'EXAM_PART_REQUIRED', 'Kies het examenonderdeel (lezen, luisteren, schrijven, spreken of KNM).'));
  if (!level) violations.push(violation('level', 'EXAM_LEVEL_REQUIRED', 'Kies het niveau van het examen.'));
  if (!Number.isInteger(attempt) || attempt < 1 || attempt > 10) {
    violations.push(violation('attempt', 'EXAM_ATTEMPT_INVALID', 'De poging is een geheel getal van 1 tot en met 10.'));
  }
  if (route === 'Z') {
    // Voluntary exams in the Z-route: A2 language parts and KNM; passing them does not complete the route (the eindgesprek does).
    if (part !== 'KNM' && level && level !== 'A2') {
      violations.push(violation('level', 'Z_ROUTE_EXAM_ONLY_A2', `In de Z-route kan de inburgeraar vrijwillig examen doen op niveau A2 en in KNM (${cite('Z_ROUTE_VOLUNTARY_EXAM')}).`));
    }
    return violations;
  }
  if (level === 'A2' && part !== 'KNM') {
    if (route === 'ONDERWIJS') {
      violations.push(violation('level', 'A2_NEVER_IN_ONDERWIJSROUTE', 'In de Onderwijsroute wordt nooit op niveau A2 geëxamineerd (Wet inburgering 2021).'));
    } else {
      violations.push(...checkA2Exam({ route, languageMinutes }));
    }
  }
  return violations;
}

export interface ZCompletionInput {
  route: Route;
  targetGroup: TargetGroup;
  courseMinutes: number;
  participationMinutes: number;
}

/** Marking the Z-route complete (eindgesprek): only in the Z-route, with 800 course hours and, for status holders, 800 participation hours. */
export function checkZCompletionResult(input: ZCompletionInput): RuleViolation[] {
  return [...checkResultFitsRoute('Z_COMPLETION', input.route), ...(input.route === 'Z' ? checkZRouteCompletion(input) : [])];
}

// Result figures: KNM, MAP, PVT completed, exam parts passed and failed per level, Z-route eindgesprekken
// (DOMAIN §2 step 6 and §5: pass rates per exam, route and module).
import type { ExamPart, ResultKind } from '../result-rules';
import type { Level } from '../routes';

/** The modules a client completes (DOMAIN §2 step 6); which result completes one is decided in SQL (figures.repository completedModuleSql). */
export const COMPLETED_MODULES = ['KNM', 'MAP', 'PVT', 'Z_COMPLETION'] as const;
export type CompletedModule = (typeof COMPLETED_MODULES)[number];

export function isCompletedModule(value: unknown): value is CompletedModule {
  return typeof value === 'string' && (COMPLETED_MODULES as readonly string[]).includes(value);
}

/** Exam results (attempts) of one level, part and outcome. */
export interface ResultCountRow {
  kind: ResultKind;
  examPart: ExamPart | null;
  level: Level | null;
  passed: boolean | null;
  count: number;
}

/** The distinct clients who completed a module. */
export interface CompletionCountRow {
  module: CompletedModule;
  clients: number;
}

export interface ExamPartFigure {
  level: Level;
  part: ExamPart;
  passed: number;
  failed: number;
}

export interface ResultFigures {
  /** Clients (not results) who completed KNM, MAP, PVT or the Z-route's eindgesprek: a retake does not count twice. */
  knmCompleted: number;
  mapCompleted: number;
  pvtCompleted: number;
  zCompletions: number;
  /** Attempts, not clients (pass-rate statistics): one row per level and part that has results, ordered by level then part. */
  examParts: ExamPartFigure[];
}

const LEVEL_ORDER: readonly Level[] = ['A1', 'A2', 'B1', 'B2'];
const PART_ORDER: readonly ExamPart[] = ['LEZEN', 'LUISTEREN', 'SCHRIJVEN', 'SPREKEN', 'KNM'];
const COMPLETED_KEY: Record<CompletedModule, 'knmCompleted' | 'mapCompleted' | 'pvtCompleted' | 'zCompletions'> = {
  KNM: 'knmCompleted', MAP: 'mapCompleted', PVT: 'pvtCompleted', Z_COMPLETION: 'zCompletions',
};

/**
 * Folds exam results and completions into figures. Completed modules are clients per module (counted distinct in SQL);
 * exam parts are attempts passed and failed per level and part; an exam result without a level or part, or of another
 * kind, is not counted per level.
 */
export function resultFigures(examRows: readonly ResultCountRow[], completions: readonly CompletionCountRow[] = []): ResultFigures {
  const figures: ResultFigures = { knmCompleted: 0, mapCompleted: 0, pvtCompleted: 0, zCompletions: 0, examParts: [] };
  for (const row of completions) figures[COMPLETED_KEY[row.module]] += row.clients;
  const exam = new Map<string, ExamPartFigure>();
  for (const row of examRows) {
    if (row.kind !== 'EXAM' || !row.level || !row.examPart) continue;
    const key = `${row.level}|${row.examPart}`;
    const figure = exam.get(key) ?? { level: row.level, part: row.examPart, passed: 0, failed: 0 };
    if (row.passed) figure.passed += row.count;
    else if (row.passed === false) figure.failed += row.count;
    exam.set(key, figure);
  }
  figures.examParts = [...exam.values()].sort(
    (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || PART_ORDER.indexOf(a.part) - PART_ORDER.indexOf(b.part),
  );
  return figures;
}

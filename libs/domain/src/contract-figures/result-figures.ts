// Result figures: KNM, MAP, PVT completed, exam parts passed and failed per level, Z-route eindgesprekken
// (DOMAIN §2 step 6 and §5: pass rates per exam, route and module).
import type { ExamPart, ResultKind } from '../result-rules';
import type { Level } from '../routes';

export interface ResultCountRow {
  kind: ResultKind;
  examPart: ExamPart | null;
  level: Level | null;
  passed: boolean | null;
  count: number;
}

export interface ExamPartFigure {
  level: Level;
  part: ExamPart;
  passed: number;
  failed: number;
}

export interface ResultFigures {
  knmCompleted: number;
  mapCompleted: number;
  pvtCompleted: number;
  zCompletions: number;
  /** One row per level and part that has results, ordered by level then part. */
  examParts: ExamPartFigure[];
}

const LEVEL_ORDER: readonly Level[] = ['A1', 'A2', 'B1', 'B2'];
const PART_ORDER: readonly ExamPart[] = ['LEZEN', 'LUISTEREN', 'SCHRIJVEN', 'SPREKEN', 'KNM'];

/**
 * Folds result counts into figures. A module counts as completed when its result is not marked failed (MAP/PVT are
 * recorded on completion, KNM may be an exam with a pass mark); an exam part without a level is not counted per level.
 */
export function resultFigures(rows: readonly ResultCountRow[]): ResultFigures {
  const figures: ResultFigures = { knmCompleted: 0, mapCompleted: 0, pvtCompleted: 0, zCompletions: 0, examParts: [] };
  const exam = new Map<string, ExamPartFigure>();
  for (const row of rows) {
    if (row.kind === 'EXAM') {
      if (!row.level || !row.examPart) continue;
      const key = `${row.level}|${row.examPart}`;
      const figure = exam.get(key) ?? { level: row.level, part: row.examPart, passed: 0, failed: 0 };
      if (row.passed) figure.passed += row.count;
      else if (row.passed === false) figure.failed += row.count;
      exam.set(key, figure);
      if (row.examPart === 'KNM' && row.passed) figures.knmCompleted += row.count;
      continue;
    }
    if (row.passed === false) continue;
    if (row.kind === 'KNM') figures.knmCompleted += row.count;
    else if (row.kind === 'MAP') figures.mapCompleted += row.count;
    else if (row.kind === 'PVT') figures.pvtCompleted += row.count;
    else if (row.kind === 'Z_COMPLETION') figures.zCompletions += row.count;
  }
  figures.examParts = [...exam.values()].sort(
    (a, b) => LEVEL_ORDER.indexOf(a.level) - LEVEL_ORDER.indexOf(b.level) || PART_ORDER.indexOf(a.part) - PART_ORDER.indexOf(b.part),
  );
  return figures;
}

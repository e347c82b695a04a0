// Pure helpers of the exam-part table in the figures (issue 10): its columns, counts as shown, the one-line summary, the
// consultant's drill-down link per cell and the filter that link gives the caseload.
import type { ExamOutcome, ExamPart, Level } from '@inburgering/contracts';
import { EXAM_PARTS, LEVELS, examPartLabel, figurePeriodOfKey } from '@inburgering/domain';
import { figureListOf } from './counted-filter';
import { ownListOf, type FigureGroup, type Figures, type KpiListScope } from './figure-rows';

/** One level and part that has exam attempts somewhere in the figures: two columns (passed, failed). */
export interface ExamPartKey {
  level: Level;
  part: ExamPart;
}

const NUMBER = new Intl.NumberFormat('nl-NL');

/** The levels and parts with attempts in any group or the total, by level then part (as the API orders them). */
export function examPartKeys(figures: Figures): ExamPartKey[] {
  const seen = new Map<string, ExamPartKey>();
  for (const g of [...figures.groups, figures.total]) {
    for (const p of g.results.examParts) seen.set(`${p.level}|${p.part}`, { level: p.level as Level, part: p.part as ExamPart });
  }
  return [...seen.values()].sort((a, b) => LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) || EXAM_PARTS.indexOf(a.part) - EXAM_PARTS.indexOf(b.part));
}

/** "B1 Lezen": the name of a level and part in the column headers and the notice. */
export function examPartName(key: ExamPartKey): string {
  return `${key.level} ${examPartLabel(key.part)}`;
}

/** The attempts of a row with an outcome: 0 when the row has none of that level and part, null when the API hid the count. */
export function examPartCount(group: FigureGroup, key: ExamPartKey, outcome: ExamOutcome): number | null {
  const cell = group.results.examParts.find((p) => p.level === key.level && p.part === key.part);
  if (!cell) return 0;
  return outcome === 'PASSED' ? cell.passed : cell.failed;
}

/** A count as shown, in nl-NL digits; a hidden one as the suppressed label ("< 5"). */
export function examCountText(value: number | null, suppressedLabel: string): string {
  return value === null ? suppressedLabel : NUMBER.format(value);
}

/**
 * One line that says what the table shows: the total's attempts passed and failed over its levels and parts; hidden
 * counts ("< 5") are left out of the sums and said so.
 */
export function examPartsSummary(figures: Figures): string {
  const keys = examPartKeys(figures);
  if (keys.length === 0) return 'Geen examenpogingen in deze cijfers.';
  const counts = keys.flatMap((k) => [examPartCount(figures.total, k, 'PASSED'), examPartCount(figures.total, k, 'FAILED')]);
  const sum = (outcome: 0 | 1) => counts.filter((_, i) => i % 2 === outcome).reduce<number>((n, c) => n + (c ?? 0), 0);
  const hidden = counts.some((c) => c === null) ? ` Aantallen onder ${figures.minimumCellSize} tonen als “${figures.suppressedLabel}” en tellen hier niet mee.` : '';
  const parts = keys.length === 1 ? '1 examenonderdeel' : `${keys.length} examenonderdelen`;
  return `${figures.scope}: ${NUMBER.format(sum(0))} pogingen gehaald en ${NUMBER.format(sum(1))} niet gehaald over ${parts}; een herkansing telt als nieuwe poging.${hidden}`;
}

/** The link value of an outcome (?uitslag=gehaald) and back. */
const OUTCOME_PARAM: Record<ExamOutcome, string> = { PASSED: 'gehaald', FAILED: 'niet-gehaald' };

/**
 * Where a cell of the exam-part table drills down to, in the figures' period, only for a shown count above 0. The
 * consultant: the own clients with an attempt of that level, part and outcome under the row's contracts (the caseload
 * page, filtered): a contract's row its contract, the row of individual placements those, the total the figures' contracts
 * (`scope`). A provider: its own placements of those clients, one per client (the placed clients page, filtered), as its
 * other figures drill down
 * (providerListParams: per contract, the row of individual placements, per municipality and the total of its contract page
 * (`contractId`), a lot page's total (`scope`) and its dashboard (`allContracts`)). The projectleider keeps the counts only.
 */
export function examPartDrillDownPath(
  role: string, figures: Figures, group: FigureGroup, key: ExamPartKey, outcome: ExamOutcome, periodKey: string, scope: KpiListScope | null,
  contractId: string | null = null, allContracts = false,
): string | null {
  if (!examPartCount(group, key, outcome)) return null;
  const list = ownListOf(role, figures, group, scope, contractId, allContracts);
  if (!list) return null;
  list.params.set('examen', key.part);
  list.params.set('niveau', key.level);
  list.params.set('uitslag', OUTCOME_PARAM[outcome]);
  if (periodKey) list.params.set('periode', periodKey);
  return `${list.path}?${list.params.toString()}`;
}

/**
 * The exam-part cell a link came from (?examen=LEZEN&niveau=B1&uitslag=gehaald, with &contract=…, &perceel=… or
 * &individueel=ja, or none for the whole region or all the provider's contracts, perhaps &gemeente=… (a provider's row per municipality),
 * and &periode=2026-K4), or null when a part, level or outcome is missing or unknown.
 */
export function examPartFilterOf(params: URLSearchParams) {
  const part = EXAM_PARTS.find((p) => p === params.get('examen'));
  const level = LEVELS.find((l) => l === params.get('niveau'));
  const outcome = (Object.keys(OUTCOME_PARAM) as ExamOutcome[]).find((o) => OUTCOME_PARAM[o] === params.get('uitslag'));
  if (!part || !level || !outcome) return null;
  return { part, level, outcome, ...figureListOf(params), municipalityId: params.get('gemeente'), period: figurePeriodOfKey(params.get('periode')) };
}

import type { AbsenceReason, HourWeekQuery } from '@inburgering/contracts';
import { formatHoursNl, parseDutchHours } from '@inburgering/domain';

export type GridRow = HourWeekQuery['hourWeek']['rows'][number];
export type GridEntry = GridRow['entries'][number];
export type CellField = 'planned' | 'attended' | 'reason';

/** What the user sees and types in one cell (one client, one day, the chosen category). */
export interface CellState {
  planned: string;
  attended: string;
  reason: AbsenceReason | '';
  /** The version the grid last read or saved; null when there is no registration yet. */
  version: number | null;
  entry: GridEntry | null;
  error: string | null;
}

export const cellKey = (placementId: string, date: string): string => `${placementId}|${date}`;

const shown = (minutes: number | undefined): string => (minutes === undefined || minutes === 0 ? '' : formatHoursNl(minutes));

/** The cells of one category from the week's registrations. */
export function cellsFromWeek(rows: readonly GridRow[], days: readonly string[], category: string): Map<string, CellState> {
  const cells = new Map<string, CellState>();
  for (const row of rows) {
    for (const day of days) {
      const entry = row.entries.find((e) => e.date === day && e.category === category) ?? null;
      cells.set(cellKey(row.placementId, day), {
        planned: shown(entry?.plannedMinutes),
        attended: entry ? (entry.attendedMinutes === 0 && entry.plannedMinutes > 0 ? '0' : shown(entry.attendedMinutes)) : '',
        reason: entry?.absenceReason ?? '',
        version: entry?.version ?? null,
        entry,
        error: null,
      });
    }
  }
  return cells;
}

/** Minutes from Dutch input ('' is 0); null for text that is not a number of hours. */
export function minutesOf(text: string): number | null {
  return text.trim() === '' ? 0 : parseDutchHours(text);
}

/** Attended minutes of a list of cells, ignoring unreadable input. */
export function attendedTotal(cells: readonly (CellState | undefined)[]): number {
  return cells.reduce((sum, cell) => sum + (cell ? minutesOf(cell.attended) ?? 0 : 0), 0);
}

/** When only planned is typed, attended follows it (the usual case: present the whole lesson). */
export function withField(cell: CellState, field: CellField, value: string): CellState {
  if (field === 'reason') return { ...cell, reason: value as AbsenceReason | '', error: null };
  if (field === 'planned' && (cell.attended === '' || cell.attended === cell.planned)) return { ...cell, planned: value, attended: value, error: null };
  return { ...cell, [field]: value, error: null };
}

// Small-number suppression for figures that cross an organisation's boundary (AVG data minimisation, DOMAIN §7;
// issue #10: a cell covering fewer than the policy minimum of clients shows "< 5" and cannot be recovered from totals).
import { DEFAULT_MIN_REPORTABLE_COUNT } from '../policy-defaults';

/** A count as shown: the number, or null when it is hidden. */
export type ShownCount = number | null;

/**
 * The text shown for a hidden cell, e.g. "< 5" (policy: minimum per region, default 5). A non-breaking space: in running
 * text the sign never ends a line with its number on the next (as formatEuroCentsNl does for "€").
 */
export function suppressedCellLabel(minimum = DEFAULT_MIN_REPORTABLE_COUNT): string {
  return `<\u00a0${minimum}`;
}

/** Primary suppression: a cell of 1..minimum-1 clients is hidden; 0 reveals nobody and is shown (policy: default 5). */
export function isPrimarySuppressed(count: number, minimum = DEFAULT_MIN_REPORTABLE_COUNT): boolean {
  return count > 0 && count < minimum;
}

/**
 * Complementary suppression of one line (cells that add up to a total): when a line hides anything, the hidden cells
 * together must cover at least `minimum` clients and be at least two, or the total is hidden too; otherwise
 * total minus the shown cells gives a hidden cell back (statistical disclosure control, secondary suppression).
 * Works on masks so rows and columns of a table can share it. Returns true when it hid something more.
 */
export function protectLineByComplement(values: readonly number[], hidden: boolean[], total: { value: number; hidden: boolean }, minimum = DEFAULT_MIN_REPORTABLE_COUNT): boolean {
  let changed = false;
  const hiddenCount = () => hidden.filter(Boolean).length + (total.hidden ? 1 : 0);
  const hiddenSum = () => values.reduce((sum, value, i) => sum + (hidden[i] ? value : 0), 0);
  if (hiddenCount() === 0) return false;
  while (!total.hidden && (hiddenSum() < minimum || hiddenCount() < 2)) {
    // Hide the smallest shown non-zero cell (least information lost); if none is left, hide the total.
    let pick = -1;
    values.forEach((value, i) => {
      if (!hidden[i] && value > 0 && (pick < 0 || value < values[pick])) pick = i;
    });
    if (pick < 0) {
      total.hidden = true;
    } else {
      hidden[pick] = true;
    }
    changed = true;
  }
  return changed;
}

export interface SuppressedLine {
  cells: ShownCount[];
  total: ShownCount;
}

/** One line of counts with its total, primary and complementary suppression applied (see protectLineByComplement). */
export function suppressLine(counts: readonly number[], minimum = DEFAULT_MIN_REPORTABLE_COUNT): SuppressedLine {
  const totalValue = counts.reduce((a, b) => a + b, 0);
  const hidden = counts.map((count) => isPrimarySuppressed(count, minimum));
  const total = { value: totalValue, hidden: isPrimarySuppressed(totalValue, minimum) };
  protectLineByComplement(counts, hidden, total, minimum);
  return { cells: counts.map((count, i) => (hidden[i] ? null : count)), total: total.hidden ? null : totalValue };
}

export interface SuppressedTable {
  cells: ShownCount[][];
  rowTotals: ShownCount[];
  columnTotals: ShownCount[];
  grandTotal: ShownCount;
}

/**
 * A table of counts (rows x columns) with row, column and grand totals: primary suppression, then complementary
 * suppression on every row and every column (the totals row and column included) until nothing changes.
 */
export function suppressTable(counts: readonly (readonly number[])[], minimum = DEFAULT_MIN_REPORTABLE_COUNT): SuppressedTable {
  const rows = counts.length;
  const columns = rows === 0 ? 0 : counts[0].length;
  // The full grid including totals: row `rows` is the column totals, column `columns` the row totals.
  const grid: number[][] = counts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
  const totalsRow = Array.from({ length: columns + 1 }, (_, c) => grid.reduce((sum, row) => sum + row[c], 0));
  grid.push(totalsRow);
  const hidden = grid.map((row) => row.map((value) => isPrimarySuppressed(value, minimum)));
  let changed = true;
  while (changed) {
    changed = false;
    for (let r = 0; r <= rows; r++) {
      const mask = hidden[r].slice(0, columns);
      const total = { value: grid[r][columns], hidden: hidden[r][columns] };
      if (protectLineByComplement(grid[r].slice(0, columns), mask, total, minimum)) {
        changed = true;
        mask.forEach((h, c) => (hidden[r][c] = h));
        hidden[r][columns] = total.hidden;
      }
    }
    for (let c = 0; c <= columns; c++) {
      const values = grid.slice(0, rows).map((row) => row[c]);
      const mask = hidden.slice(0, rows).map((row) => row[c]);
      const total = { value: grid[rows][c], hidden: hidden[rows][c] };
      if (protectLineByComplement(values, mask, total, minimum)) {
        changed = true;
        mask.forEach((h, r) => (hidden[r][c] = h));
        hidden[rows][c] = total.hidden;
      }
    }
  }
  const shown = (r: number, c: number): ShownCount => (hidden[r][c] ? null : grid[r][c]);
  return {
    cells: counts.map((row, r) => row.map((_, c) => shown(r, c))),
    rowTotals: counts.map((_, r) => shown(r, columns)),
    columnTotals: Array.from({ length: columns }, (_, c) => shown(rows, c)),
    grandTotal: shown(rows, columns),
  };
}

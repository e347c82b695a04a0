import { isPrimarySuppressed, suppressLine, suppressTable, suppressedCellLabel } from './small-numbers';

describe('suppressedCellLabel', () => {
  it('shows "< 5" by default and follows the policy minimum', () => {
    expect(suppressedCellLabel()).toBe('<\u00a05');
    expect(suppressedCellLabel(10)).toBe('<\u00a010');
  });
});

describe('isPrimarySuppressed', () => {
  it('hides 1..4 clients, shows 0 and 5 or more', () => {
    expect([0, 1, 4, 5, 12].map((n) => isPrimarySuppressed(n))).toEqual([false, true, true, false, false]);
    expect(isPrimarySuppressed(7, 10)).toBe(true);
  });
});

describe('suppressLine (complementary suppression)', () => {
  it('shows a line without small cells untouched', () => {
    expect(suppressLine([6, 0, 9])).toEqual({ cells: [6, 0, 9], total: 15 });
  });

  it('hides a second cell so the small one cannot be recovered from the total', () => {
    // 3 alone would be total 20 - 6 - 11 = 3.
    const line = suppressLine([3, 6, 11]);
    expect(line.cells).toEqual([null, null, 11]);
    expect(line.total).toBe(20);
  });

  it('hides cells until the hidden ones cover at least the minimum together', () => {
    // 1 and 1 hidden would sum to 2 (each is 1): hide the next smallest too.
    const line = suppressLine([1, 1, 7, 20]);
    expect(line.cells).toEqual([null, null, null, 20]);
  });

  it('hides the total when no other cell can protect the small one', () => {
    expect(suppressLine([3, 0])).toEqual({ cells: [null, 0], total: null });
    expect(suppressLine([2, 2])).toEqual({ cells: [null, null], total: null });
  });

  it('never lets a hidden cell be recovered: total minus shown cells is at least the minimum', () => {
    for (const counts of [[1, 5, 5], [4, 9, 30, 2], [1, 1, 1, 1, 40], [0, 3, 8]]) {
      const { cells, total } = suppressLine(counts);
      if (total === null) continue;
      const shownSum = cells.reduce<number>((sum, cell) => sum + (cell ?? 0), 0);
      const hiddenCount = cells.filter((cell) => cell === null).length;
      if (hiddenCount > 0) {
        expect(hiddenCount).toBeGreaterThanOrEqual(2);
        expect(total - shownSum).toBeGreaterThanOrEqual(5);
      }
    }
  });
});

describe('suppressTable', () => {
  it('protects rows and columns: a small cell is never alone in its row or column', () => {
    // provider x quarter
    const table = suppressTable([
      [3, 10, 12],
      [8, 9, 15],
    ]);
    expect(table.cells[0][0]).toBeNull();
    // Its row and its column each hide another cell.
    expect(table.cells[0].filter((c) => c === null).length).toBeGreaterThanOrEqual(2);
    expect(table.cells.map((row) => row[0]).filter((c) => c === null).length + (table.columnTotals[0] === null ? 1 : 0)).toBeGreaterThanOrEqual(2);
    expect(table.grandTotal).toBe(57);
  });

  it('shows a table without small cells as is, with its totals', () => {
    expect(suppressTable([[5, 6], [7, 0]])).toEqual({ cells: [[5, 6], [7, 0]], rowTotals: [11, 7], columnTotals: [12, 6], grandTotal: 18 });
  });
});

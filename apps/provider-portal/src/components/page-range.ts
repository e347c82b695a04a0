/** The rows shown on one page, for "1–50 van 90"; from is 0 when there are no rows. */
export function pageRange(offset: number, pageSize: number, total: number): { from: number; to: number; total: number } {
  if (total === 0) return { from: 0, to: 0, total };
  const from = Math.min(offset, Math.max(total - 1, 0)) + 1;
  return { from, to: Math.min(from - 1 + pageSize, total), total };
}

export function pageCount(pageSize: number, total: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export type SortDirection = 'ascending' | 'descending';
export type SortValue = string | number | null | undefined;

// Dutch collation with numeric parts compared as numbers ("perceel 2" before "perceel 10"), case-insensitive.
const collator = new Intl.Collator('nl', { numeric: true, sensitivity: 'base' });

export function compareSortValues(a: SortValue, b: SortValue): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** A sorted copy; empty values go last in both directions, equal values keep their order (stable sort). */
export function sortRows<Row>(rows: readonly Row[], valueOf: (row: Row) => SortValue, direction: SortDirection): Row[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return [...rows].sort((left, right) => {
    const a = valueOf(left);
    const b = valueOf(right);
    const aEmpty = a === null || a === undefined || a === '';
    const bEmpty = b === null || b === undefined || b === '';
    if (aEmpty || bEmpty) return Number(aEmpty) - Number(bEmpty);
    return sign * compareSortValues(a, b);
  });
}

export function nextDirection(current: SortDirection | null): SortDirection {
  return current === 'ascending' ? 'descending' : 'ascending';
}

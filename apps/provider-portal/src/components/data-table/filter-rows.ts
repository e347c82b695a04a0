// The text filter of the DataTable: a row stays when one of its cells contains every word typed.

/** Lower case without accents, so "zoe" finds "Zoë" and "ARNHEM" finds "Arnhem". */
export function foldText(value: string): string {
  return value.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase('nl');
}

export function filterRows<Row>(rows: readonly Row[], cellsOf: (row: Row) => readonly string[], query: string): readonly Row[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return rows;
  return rows.filter((row) => {
    const text = cellsOf(row).map(foldText).join('\n');
    return words.every((word) => text.includes(word));
  });
}

/** One page of a paged list as the API answers it. */
export interface Page<Row> {
  items: readonly Row[];
  total: number;
}

/**
 * Every row of a paged list, page by page (for an export of the whole list, not only the page on screen). Stops at the
 * total, or at an empty page if the list shrank meanwhile.
 */
export async function fetchAllPages<Row>(fetchPage: (offset: number, limit: number) => Promise<Page<Row>>, pageSize: number): Promise<Row[]> {
  const rows: Row[] = [];
  for (let offset = 0; ; offset += pageSize) {
    const page = await fetchPage(offset, pageSize);
    rows.push(...page.items);
    if (page.items.length === 0 || rows.length >= page.total) return rows;
  }
}

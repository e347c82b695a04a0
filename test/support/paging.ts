/** Every row of a paged list, page by page, as the portal's export does; with the total each page reported. */
export async function walkPages<T>(fetchPage: (offset: number) => Promise<{ items: T[]; total: number }>): Promise<{ rows: T[]; totals: number[]; pages: number }> {
  const rows: T[] = [];
  const totals: number[] = [];
  let pages = 0;
  for (let offset = 0; ; offset = rows.length) {
    const page = await fetchPage(offset);
    pages += 1;
    totals.push(page.total);
    rows.push(...page.items);
    if (page.items.length === 0 || rows.length >= page.total) return { rows, totals, pages };
  }
}

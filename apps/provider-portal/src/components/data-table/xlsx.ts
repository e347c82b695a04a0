// An .xlsx export next to the CSV: real number cells and a bold, frozen header row. exceljs is large, so it is
// loaded on the first export only (a dynamic import: a chunk of its own, not in the first bundle).
import type { Workbook } from 'exceljs';

export type XlsxCell = string | number;

/** Excel limits sheet names to 31 characters without \ / ? * [ ] :. */
export function xlsxSheetName(name: string): string {
  const safe = name.replace(/[\\/?*[\]:]/g, ' ').trim().slice(0, 31);
  return safe || 'Export';
}

async function newWorkbook(): Promise<Workbook> {
  const module = await import('exceljs');
  // The browser build is UMD: depending on the bundler the classes sit on the namespace or on its default export.
  const exceljs = (module as unknown as { default?: typeof module }).default ?? module;
  return new exceljs.Workbook();
}

/** The workbook as bytes; text cells stay text (Excel never runs them as formulas), numbers stay numbers. */
export async function toXlsx(sheetName: string, header: readonly string[], rows: readonly (readonly XlsxCell[])[]): Promise<ArrayBuffer> {
  const workbook = await newWorkbook();
  const sheet = workbook.addWorksheet(xlsxSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow([...header]).font = { bold: true };
  for (const row of rows) sheet.addRow([...row]);
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(header[index]?.length ?? 0, ...rows.map((row) => String(row[index] ?? '').length));
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

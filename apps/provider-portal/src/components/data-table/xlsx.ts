// An .xlsx export next to the CSV: real number cells and a bold, frozen header row. exceljs is large, so it is
// loaded on the first export only (a dynamic import: a chunk of its own, not in the first bundle).
import type { Workbook } from 'exceljs';

/** A cell: text, a plain number, an amount in euros (a number with a euro format) or a calendar date (a real date cell). */
export type XlsxCell = string | number | { euros: number } | { date: string };

/** Excel number formats: euros with two decimals, Dutch day-month-year dates. */
export const XLSX_EURO_FORMAT = '"€" #,##0.00;[Red]-"€" #,##0.00';
export const XLSX_DATE_FORMAT = 'd-m-yyyy';

/** Euro cents (the platform's money) as a euro cell: 141750000 cents exports as € 1.417.500,00, not as 141750000. */
export function euroCell(cents: number): XlsxCell {
  return { euros: cents / 100 };
}

function plainValue(cell: XlsxCell): string | number | Date {
  if (typeof cell === 'string' || typeof cell === 'number') return cell;
  if ('euros' in cell) return cell.euros;
  // A calendar date as midnight UTC: exceljs writes the serial date of that day, without a time-zone shift.
  return new Date(`${cell.date}T00:00:00Z`);
}

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
  for (const row of rows) {
    const added = sheet.addRow(row.map(plainValue));
    row.forEach((cell, index) => {
      if (typeof cell === 'object') added.getCell(index + 1).numFmt = 'euros' in cell ? XLSX_EURO_FORMAT : XLSX_DATE_FORMAT;
    });
  }
  sheet.columns.forEach((column, index) => {
    const widest = Math.max(header[index]?.length ?? 0, ...rows.map((row) => {
      const cell = row[index];
      return typeof cell === 'object' ? 14 : String(cell ?? '').length;
    }));
    column.width = Math.min(60, Math.max(10, widest + 2));
  });
  const buffer = await workbook.xlsx.writeBuffer();
  return buffer as ArrayBuffer;
}

import { IMPORT_COLUMNS } from './hour-row-validator';

const EXAMPLE_ROWS = [
  ['GM0202', '1001', 'Al-Khatib', '12-01-2026', 'taal', '3', '3', ''],
  ['GM0202', '1001', 'Al-Khatib', '13-01-2026', 'taal', '3', '1,5', 'ziek'],
  ['GM0202', '1002', 'Bakker', '12-01-2026', 'participatie', '2', '0', 'ongeoorloofd'],
];

/** The import template as CSV (';', UTF-8 with BOM so Excel shows accents right), with example rows in Dutch formats. */
export function csvTemplate(): Buffer {
  const lines = [IMPORT_COLUMNS.map((c) => c.key), ...EXAMPLE_ROWS].map((cells) => cells.join(';'));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

/** The same template as XLSX, every cell as text so dates and decimal commas stay as typed. */
export async function xlsxTemplate(): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Uren');
  sheet.addRow(IMPORT_COLUMNS.map((c) => c.key)).font = { bold: true };
  for (const row of EXAMPLE_ROWS) sheet.addRow(row);
  sheet.columns.forEach((column) => { column.width = 16; column.numFmt = '@'; });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

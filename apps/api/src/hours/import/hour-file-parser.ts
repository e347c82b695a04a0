import ExcelJS from 'exceljs';

export type HourFileFormat = 'CSV' | 'XLSX';

export interface ParsedSheet {
  header: string[];
  /** Data rows as text cells; rows[i] is spreadsheet row i + 2 (row 1 is the header). */
  rows: string[][];
}

/** XLSX is a zip file; everything else is treated as CSV text. */
export function detectFormat(content: Buffer): HourFileFormat {
  return content.length > 4 && content[0] === 0x50 && content[1] === 0x4b && content[2] === 0x03 && content[3] === 0x04 ? 'XLSX' : 'CSV';
}

export async function parseHourFile(content: Buffer, format: HourFileFormat): Promise<ParsedSheet> {
  const table = format === 'XLSX' ? await readXlsx(content) : readCsv(content.toString('utf8'));
  const [header = [], ...rows] = table;
  // Trailing empty lines are not rows.
  while (rows.length > 0 && rows[rows.length - 1].every((cell) => cell.trim() === '')) rows.pop();
  return { header: header.map((h) => h.trim().toLowerCase()), rows };
}

/** CSV with ';' or ',' (whichever the header uses most), quotes with "" escapes, CRLF or LF, an optional UTF-8 BOM. */
export function readCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === separator) {
      row.push(cell); cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0) { row.push(cell); rows.push(row); }
  return rows;
}

async function readXlsx(content: Buffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let col = 1; col <= Math.max(row.cellCount, 1); col++) cells.push(cellText(row.getCell(col).value));
    rows[rowNumber - 1] = cells;
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return rows;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    // Excel dates are stored as UTC midnight of the calendar day.
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

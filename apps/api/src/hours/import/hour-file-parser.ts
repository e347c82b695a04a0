import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { columnLetters, ImportLimitError, importLimitMessages, MAX_IMPORT_CELLS, MAX_IMPORT_COLUMNS, MAX_IMPORT_ROWS } from './import-limits';
import { checkXlsxContainer } from './xlsx-container';

import type { HourFileFormat } from '@inburgering/domain';

export type { HourFileFormat };

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

/**
 * CSV with ';' or ',' (whichever the header uses most), quotes with "" escapes, CRLF or LF, an optional UTF-8 BOM.
 * Over a cap (rows, columns with a value, filled cells) it throws an ImportLimitError naming the cap; empty cells
 * beyond the last allowed column are dropped.
 */
export function readCsv(text: string): string[][] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = source.slice(0, source.search(/\r?\n|$/));
  const separator = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  const cells = new CellBudget();
  let row: string[] = [];
  let cell = '';
  let column = 1;
  let quoted = false;
  const endCell = (): void => {
    if (cell !== '') {
      cells.fill(column);
      while (row.length < column - 1) row.push('');
      row.push(cell);
    } else if (column <= MAX_IMPORT_COLUMNS) {
      row.push(cell);
    }
    cell = '';
    column++;
  };
  const endRow = (): void => {
    endCell();
    if (rows.length >= MAX_IMPORT_ROWS + 1) throw new ImportLimitError(importLimitMessages.rows());
    rows.push(row);
    row = [];
    column = 1;
  };
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') {
      quoted = true;
    } else if (ch === separator) {
      endCell();
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && source[i + 1] === '\n') i++;
      endRow();
    } else {
      cell += ch;
    }
  }
  if (cell !== '' || row.length > 0 || column > 1) endRow();
  return rows;
}

/** Counts filled cells and refuses a value right of the last allowed column. */
class CellBudget {
  private filled = 0;

  fill(column: number): void {
    if (column > MAX_IMPORT_COLUMNS) throw new ImportLimitError(importLimitMessages.column(columnLetters(column)));
    if (++this.filled > MAX_IMPORT_CELLS) throw new ImportLimitError(importLimitMessages.cells());
  }
}

/**
 * The first worksheet, streamed (exceljs's WorkbookReader) after the zip itself passed the caps: rows are read one at a
 * time and only filled cells are kept, so a sheet with a stray value far right or far down costs nothing until it is refused.
 */
async function readXlsx(content: Buffer): Promise<string[][]> {
  await checkXlsxContainer(content);
  const source = Readable.from([content]);
  const { stream } = await import('exceljs');
  const reader = new stream.xlsx.WorkbookReader(source, {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  const rows: string[][] = [];
  const cells = new CellBudget();
  try {
    for await (const sheet of reader) {
      for await (const row of sheet) {
        if (row.number > MAX_IMPORT_ROWS + 1) throw new ImportLimitError(importLimitMessages.rows());
        const values: string[] = [];
        row.eachCell((cell, column) => {
          const text = cellText(cell.value);
          if (text === '') return;
          cells.fill(column);
          while (values.length < column - 1) values.push('');
          values.push(text);
        });
        rows[row.number - 1] = values;
      }
      break; // the first sheet only
    }
  } finally {
    source.destroy();
  }
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

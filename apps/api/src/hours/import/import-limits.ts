/** Largest hours file accepted (a year of hours of a large provider fits easily). */
export const MAX_IMPORT_FILE_BYTES = 20 * 1024 * 1024;

// Hard caps on what one file may unpack to, so a tiny hostile file cannot exhaust the worker (hole #6).
/** Data rows (below the header): 20 MB of CSV is about 400,000 short rows; a file per month or quarter stays far below. */
export const MAX_IMPORT_ROWS = 200_000;
/** Columns that may hold a value; the template has 7. A value further right makes the file invalid. */
export const MAX_IMPORT_COLUMNS = 50;
/** Filled cells over the whole sheet (header included). */
export const MAX_IMPORT_CELLS = 2_000_000;
/** All parts of an XLSX together, unpacked; counted while inflating, because the sizes a zip declares can lie. */
export const MAX_XLSX_UNPACKED_BYTES = 100 * 1024 * 1024;
/** Parts in an XLSX (a workbook from Excel has about 10 to 20). */
export const MAX_XLSX_ENTRIES = 500;

const thousands = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
const SPLIT = 'Splits het bestand, bijvoorbeeld per maand, of gebruik het sjabloon.';

/** A file over one of the caps; the message names the cap, in Dutch, for the import report. */
export class ImportLimitError extends Error {
  override readonly name = 'ImportLimitError';
}

export const importLimitMessages = {
  rows: (): string => `Het bestand heeft meer dan ${thousands(MAX_IMPORT_ROWS)} rijen; een urenbestand mag hoogstens ${thousands(MAX_IMPORT_ROWS)} rijen hebben. ${SPLIT}`,
  column: (column: string): string =>
    `Het bestand heeft een waarde in kolom ${column}; een urenbestand mag hoogstens ${MAX_IMPORT_COLUMNS} kolommen hebben. Verwijder wat rechts van de kolommen van het sjabloon staat.`,
  cells: (): string => `Het bestand heeft meer dan ${thousands(MAX_IMPORT_CELLS)} gevulde cellen; dat is de grens voor een urenbestand. ${SPLIT}`,
  unpacked: (): string =>
    `Het XLSX-bestand is uitgepakt groter dan ${MAX_XLSX_UNPACKED_BYTES / 1024 / 1024} MB; dat is de grens voor een urenbestand. ${SPLIT}`,
  entries: (): string => `Het XLSX-bestand bestaat uit meer dan ${MAX_XLSX_ENTRIES} onderdelen; dat is de grens voor een urenbestand. Sla het opnieuw op als gewone werkmap of gebruik het sjabloon.`,
};

/** Spreadsheet column letters of a 1-based column number (1 → A, 16384 → XFD). */
export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

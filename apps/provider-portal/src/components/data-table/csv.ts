// CSV that Dutch Excel opens correctly: ';' separator (the comma is the decimal sign), a UTF-8 byte order mark
// (otherwise Excel reads ë as Ã«), CRLF line ends, and no cell that Excel would run as a formula.

const BOM = '\uFEFF';
const SEPARATOR = ';';
/** A cell starting with one of these is a formula to Excel (CSV injection); tab and CR are OWASP's additions. */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]|^\s|\s$/;

/** Puts an apostrophe before text that Excel would otherwise evaluate, e.g. '=HYPERLINK(…)'. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function csvCell(value: string): string {
  const safe = neutraliseFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const lines = [header, ...rows].map((cells) => cells.map(csvCell).join(SEPARATOR));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

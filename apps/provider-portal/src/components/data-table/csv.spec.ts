import { describe, expect, it } from '@jest/globals';
import { csvCell, neutraliseFormula, toCsv } from './csv';

describe('CSV export for Excel', () => {
  it('starts with a UTF-8 BOM, separates with semicolons and ends lines with CRLF', () => {
    const csv = toCsv(['Naam', 'Gemeente'], [['Zoë de Vries', 'Arnhem']]);
    expect(csv).toBe('\uFEFFNaam;Gemeente\r\nZoë de Vries;Arnhem\r\n');
  });

  it.each(['=1+1', '+31612345678', '-2', '@SUM(A1)', '\t=cmd'])('neutralises formula-like text %p', (value) => {
    expect(neutraliseFormula(value)).toBe(`'${value}`);
  });

  it('leaves ordinary text and dates alone', () => {
    expect(neutraliseFormula('B1-route')).toBe('B1-route');
    expect(neutraliseFormula('1-1-2025')).toBe('1-1-2025');
  });

  it('quotes cells with separators, quotes or line breaks', () => {
    expect(csvCell('Duiven; Westervoort')).toBe('"Duiven; Westervoort"');
    expect(csvCell('Zij zei "ja"')).toBe('"Zij zei ""ja"""');
    expect(csvCell('regel 1\nregel 2')).toBe('"regel 1\nregel 2"');
  });

  it('neutralises before quoting, so a quoted formula stays text', () => {
    expect(csvCell('=HYPERLINK("http://x";"klik")')).toBe('"\'=HYPERLINK(""http://x"";""klik"")"');
  });
});

import { describe, expect, it } from '@jest/globals';
import { Workbook } from 'exceljs';
import { euroCell, toXlsx, XLSX_DATE_FORMAT, XLSX_EURO_FORMAT, xlsxSheetName } from './xlsx';

describe('XLSX export', () => {
  it('writes a bold header, text as text (never a formula) and numbers as numbers', async () => {
    const bytes = await toXlsx('Percelen', ['Perceel', 'Plaatsen'], [['=HYPERLINK("http://x")', 12], ['Zoë', 0]]);
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Percelen');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Perceel', 'Plaatsen']);
    expect(sheet?.getRow(1).font?.bold).toBe(true);
    const formulaLike = sheet?.getCell('A2');
    expect(formulaLike?.type).toBe(3); // ValueType.String
    expect(formulaLike?.value).toBe('=HYPERLINK("http://x")');
    expect(sheet?.getCell('B2').value).toBe(12);
    expect(sheet?.getCell('A3').value).toBe('Zoë');
  });

  it('writes money as a number in euros with a currency format, and dates as dates', async () => {
    const bytes = await toXlsx('Contracten', ['Plafond', 'Start'], [[euroCell(141_750_000), { date: '2026-03-01' }]]);
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Contracten');
    expect(sheet?.getCell('A2').value).toBe(1_417_500);
    expect(sheet?.getCell('A2').numFmt).toBe(XLSX_EURO_FORMAT);
    expect(sheet?.getCell('B2').value).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(sheet?.getCell('B2').numFmt).toBe(XLSX_DATE_FORMAT);
  });

  it('makes a valid sheet name', () => {
    expect(xlsxSheetName('Wachtenden: per/gemeente [2026]')).toBe('Wachtenden  per gemeente  2026');
    expect(xlsxSheetName('x'.repeat(40))).toHaveLength(31);
    expect(xlsxSheetName('')).toBe('Export');
  });
});

import type { InvoiceType } from './invoice.types';

// The municipality's export of a period's approved invoices for its financial system: one row per invoice line.

const HEADERS = ['Factuurnummer', 'Soort', 'Factuurdatum', 'Vervaldatum', 'Aanbieder', 'Perceel', 'Maand', 'Regel', 'Omschrijving', 'Klantnummer', 'Route', 'Datum', 'Aantal', 'Eenheid', 'Bedrag', 'Btw-categorie', 'Btw factuur', 'Te betalen factuur', 'Crediteert factuur'];

type Cell = string | number | null;

/** A credit note's amounts count negative in the financial system, so a period's rows add up to what is owed. */
const sign = (invoice: InvoiceType) => (invoice.documentType === 'CREDIT_NOTE' ? -1 : 1);

function rows(invoices: readonly InvoiceType[]): Cell[][] {
  return invoices.flatMap((invoice) => invoice.lines.filter((line) => line.status !== 'DISPUTED').map((line) => [
    invoice.number, invoice.documentType === 'CREDIT_NOTE' ? 'Creditnota' : 'Factuur', invoice.issueDate, invoice.dueDate, invoice.providerName, invoice.lotName,
    invoice.month.slice(0, 7), line.position, line.description, line.clientNumber, line.route, line.lineDate, line.unitCode === 'MIN' ? line.quantity / 60 : line.quantity,
    line.unitCode === 'MIN' ? 'uur' : 'stuk', sign(invoice) * line.amountCents / 100, invoice.vatCategory, sign(invoice) * invoice.vatCents / 100, sign(invoice) * invoice.payableCents / 100,
    invoice.creditedInvoiceNumber,
  ]));
}

const MONEY_COLUMNS = new Set([15, 17, 18]);

/** XLSX: money as numbers in euros with a currency format, so the figures add up in the spreadsheet. */
export async function invoicesXlsx(invoices: readonly InvoiceType[]): Promise<Buffer> {
  const { Workbook } = await import('exceljs');
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Facturen');
  sheet.addRow(HEADERS).font = { bold: true };
  for (const row of rows(invoices)) sheet.addRow(row);
  sheet.columns.forEach((column, index) => {
    column.width = index === 8 ? 60 : 16;
    if (MONEY_COLUMNS.has(index + 1)) column.numFmt = '"€" #,##0.00';
  });
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** CSV for Dutch spreadsheets: ';' separated, decimal comma, UTF-8 with BOM. */
export function invoicesCsv(invoices: readonly InvoiceType[]): Buffer {
  const cell = (value: Cell, index: number): string => {
    if (value === null) return '';
    if (typeof value === 'number') return MONEY_COLUMNS.has(index + 1) ? value.toFixed(2).replace('.', ',') : String(value).replace('.', ',');
    return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
  };
  const lines = [HEADERS.join(';'), ...rows(invoices).map((row) => row.map(cell).join(';'))];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

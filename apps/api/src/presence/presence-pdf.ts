import { openTaggedPdf } from '../common';

// The auditor's export as a tagged, accessible PDF, built like the invoice PDF (structure tree, language nl-NL, title
// shown, headings, real tables with TH/TD cells), landscape so the eleven columns of each part fit.

export type ExportCell = string | number;

/** One part of the export: a sheet in the XLSX, a heading with a table in the PDF. */
export interface ExportSheet {
  name: string;
  header: string[];
  rows: ExportCell[][];
}

const MARGIN = 36;

/** Renders the parts as one PDF and resolves with its bytes; `compress: false` keeps the text searchable (tests). */
export async function renderPresencePdf(title: string, sheets: ExportSheet[], options: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, block, table, finish } = await openTaggedPdf({
    layout: 'landscape', margin: MARGIN, compress: options.compress ?? true,
    info: { Title: title, Subject: 'Presentielijsten (keurmerk Blik op Werk, normen 2.9.2 en 2.9.3)' },
  });

  block('H1', () => doc.font('Helvetica-Bold').fontSize(16).text(title, MARGIN, MARGIN));
  for (const sheet of sheets) {
    block('H2', () => doc.font('Helvetica-Bold').fontSize(12).moveDown(0.8).text(sheet.name, MARGIN, doc.y));
    if (sheet.rows.length === 0) {
      block('P', () => doc.font('Helvetica').fontSize(9).text('Geen regels in deze periode.', MARGIN, doc.y));
      continue;
    }
    table(sheet.header, sheet.rows.map((cells) => cells.map((c) => String(c))));
  }
  return finish();
}

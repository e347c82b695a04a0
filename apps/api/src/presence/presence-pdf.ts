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
export function renderPresencePdf(title: string, sheets: ExportSheet[], options: { compress?: boolean } = {}): Promise<Buffer> {
  const { doc, root, block, finish } = openTaggedPdf({
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
    const width = (doc.page.width - 2 * MARGIN) / sheet.header.length;
    const table = doc.struct('Table');
    root.add(table);
    let y = doc.y + 4;
    const row = (cells: string[], header: boolean) => {
      const font = header ? 'Helvetica-Bold' : 'Helvetica';
      const height = Math.max(...cells.map((text) => doc.font(font).fontSize(7).heightOfString(text, { width: width - 4 }))) + 4;
      if (y + height > doc.page.height - MARGIN) {
        doc.addPage();
        y = MARGIN;
      }
      const tr = doc.struct('TR');
      table.add(tr);
      cells.forEach((text, i) => {
        const cell = doc.struct(header ? 'TH' : 'TD', {}, () => doc.font(font).fontSize(7).text(text, MARGIN + i * width + 2, y + 2, { width: width - 4 }));
        tr.add(cell);
        cell.end();
      });
      tr.end();
      y += height;
    };
    row(sheet.header, true);
    for (const cells of sheet.rows) row(cells.map((c) => String(c)), false);
    table.end();
    doc.x = MARGIN;
    doc.y = y + 6;
  }
  return finish();
}

import type {} from 'pdfkit';

// Tagged, accessible PDFs (structure tree, language nl-NL, title shown), shared by the invoice, presence and report exports.

export interface TaggedPdf {
  doc: PDFKit.PDFDocument;
  /** The document's structure root: tables and blocks are added to it. */
  root: PDFKit.PDFStructureElement;
  /** Draws one tagged element (H1, P, …) under the root. */
  block(tag: string, draw: () => void): void;
  /** Ends the structure and the document, and resolves with the PDF's bytes. */
  finish(): Promise<Buffer>;
  /**
   * A real table (Table, TR, TH/TD) in equal columns across the page between the margins, in 7-point text; a row that
   * runs off the page starts a new one. Leaves the cursor under the table.
   */
  table(header: readonly string[], rows: readonly (readonly string[])[]): void;
}

/** Loads pdfkit on first use: a process that never writes a PDF (most API processes) does not hold it. */
export async function openTaggedPdf(options: PDFKit.PDFDocumentOptions): Promise<TaggedPdf> {
  const { default: PDFDocument } = await import('pdfkit');
  const doc = new PDFDocument({ tagged: true, lang: 'nl-NL', displayTitle: true, pdfVersion: '1.7', size: 'A4', ...options });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const root = doc.struct('Document');
  doc.addStructure(root);
  return {
    doc,
    root,
    block(tag, draw) {
      const element = doc.struct(tag, {}, draw);
      root.add(element);
      element.end();
    },
    finish() {
      root.end();
      doc.end();
      return done;
    },
    table(header, rows) {
      const margin = doc.page.margins.left;
      const width = (doc.page.width - doc.page.margins.left - doc.page.margins.right) / header.length;
      const table = doc.struct('Table');
      root.add(table);
      let y = doc.y + 4;
      const row = (cells: readonly string[], isHeader: boolean) => {
        const font = isHeader ? 'Helvetica-Bold' : 'Helvetica';
        const height = Math.max(...cells.map((text) => doc.font(font).fontSize(7).heightOfString(text, { width: width - 4 }))) + 4;
        if (y + height > doc.page.height - doc.page.margins.bottom) {
          doc.addPage();
          y = doc.page.margins.top;
        }
        const tr = doc.struct('TR');
        table.add(tr);
        cells.forEach((text, i) => {
          const cell = doc.struct(isHeader ? 'TH' : 'TD', {}, () => doc.font(font).fontSize(7).text(text, margin + i * width + 2, y + 2, { width: width - 4 }));
          tr.add(cell);
          cell.end();
        });
        tr.end();
        y += height;
      };
      row(header, true);
      for (const cells of rows) row(cells, false);
      table.end();
      doc.x = margin;
      doc.y = y + 6;
    },
  };
}

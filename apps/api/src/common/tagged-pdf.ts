import PDFDocument from 'pdfkit';

// Tagged, accessible PDFs (structure tree, language nl-NL, title shown), shared by the invoice and presence exports.

export interface TaggedPdf {
  doc: PDFKit.PDFDocument;
  /** The document's structure root: tables and blocks are added to it. */
  root: PDFKit.PDFStructureElement;
  /** Draws one tagged element (H1, P, …) under the root. */
  block(tag: string, draw: () => void): void;
  /** Ends the structure and the document, and resolves with the PDF's bytes. */
  finish(): Promise<Buffer>;
}

export function openTaggedPdf(options: PDFKit.PDFDocumentOptions): TaggedPdf {
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
  };
}

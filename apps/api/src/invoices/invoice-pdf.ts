import { formatDateNl, formatEuroCentsNl, formatHoursNl } from '@inburgering/domain';
import { openTaggedPdf } from '../common';
import type { InvoiceType } from './invoice.types';
import type { UblParty } from './ubl-document';

// A tagged, accessible PDF of an invoice (PDF/UA-minded: structure tree, language nl-NL, title shown, headings, a real table).

export interface InvoicePdfInput {
  invoice: InvoiceType;
  seller: UblParty;
  buyer: UblParty;
  buyerReference: string;
  paymentTermsDays: number;
  vatExemptionReason: string | null;
}

const MARGIN = 50;
const COLUMNS = [
  { header: 'Nr.', width: 30, align: 'left' as const },
  { header: 'Omschrijving', width: 265, align: 'left' as const },
  { header: 'Aantal', width: 60, align: 'right' as const },
  { header: 'Prijs', width: 70, align: 'right' as const },
  { header: 'Bedrag', width: 70, align: 'right' as const },
];

const quantityText = (quantity: number, unitCode: string) => (unitCode === 'MIN' ? `${formatHoursNl(quantity)} uur` : String(quantity));
const priceText = (cents: number, base: number, unitCode: string) => (unitCode === 'MIN' && base === 60 ? `${formatEuroCentsNl(cents)}/uur` : formatEuroCentsNl(cents));

/** Renders the PDF and resolves with its bytes. */
export async function renderInvoicePdf({ invoice, seller, buyer, buyerReference, paymentTermsDays, vatExemptionReason }: InvoicePdfInput): Promise<Buffer> {
  const credit = invoice.documentType === 'CREDIT_NOTE';
  const kind = credit ? 'Creditnota' : invoice.status === 'APPROVED' ? 'Factuur' : 'Factuurvoorstel';
  const title = `${kind} ${invoice.number ?? ''} ${seller.name} aan ${buyer.name}, ${invoice.month.slice(0, 7)}`.replace(/\s+/g, ' ').trim();
  const { doc, root, block, finish } = await openTaggedPdf({ margin: MARGIN, info: { Title: title, Author: seller.name, Subject: `${kind} inburgering` } });

  block('H1', () => doc.font('Helvetica-Bold').fontSize(18).text(`${kind}${invoice.number ? ` ${invoice.number}` : ''}`));
  block('P', () => doc.font('Helvetica').fontSize(10).moveDown(0.5).text(
    `Periode: ${formatDateNl(invoice.month)} tot en met einde maand. ${invoice.issueDate ? `Factuurdatum: ${formatDateNl(invoice.issueDate)}. ` : ''}` +
      `${invoice.dueDate ? `Vervaldatum: ${formatDateNl(invoice.dueDate)}. ` : ''}Kenmerk gemeente: ${buyerReference}.` +
      `${invoice.providerReference ? ` Kenmerk aanbieder: ${invoice.providerReference}.` : ''}` +
      `${invoice.creditedInvoiceNumber ? ` Deze creditnota crediteert factuur ${invoice.creditedInvoiceNumber}: de gegevens achter de regels hieronder zijn na goedkeuring gecorrigeerd.` : ''}`,
  ));
  block('H2', () => doc.font('Helvetica-Bold').fontSize(13).moveDown(0.8).text('Van'));
  block('P', () => doc.font('Helvetica').fontSize(10).text(
    `${seller.name}, ${seller.street}, ${seller.postalCode} ${seller.city}. KvK ${seller.kvkNumber ?? '-'}${seller.vatNumber ? `, btw-id ${seller.vatNumber}` : ''}${seller.iban ? `, IBAN ${seller.iban}` : ''}.`,
  ));
  block('H2', () => doc.font('Helvetica-Bold').fontSize(13).moveDown(0.8).text('Aan'));
  block('P', () => doc.font('Helvetica').fontSize(10).text(`${buyer.name}, ${buyer.street}, ${buyer.postalCode} ${buyer.city}. OIN ${buyer.oin ?? '-'}.`));
  block('H2', () => doc.font('Helvetica-Bold').fontSize(13).moveDown(0.8).text(`Regels (${invoice.lotName})`));

  // The table: TH cells in a header row, one TR per line, every cell its own structure element.
  const table = doc.struct('Table');
  root.add(table);
  let y = doc.y + 6;
  const row = (cells: string[], header: boolean) => {
    const height = Math.max(...cells.map((text, i) => doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).heightOfString(text, { width: COLUMNS[i].width - 6 }))) + 6;
    if (y + height > doc.page.height - MARGIN) {
      doc.addPage();
      y = MARGIN;
    }
    const tr = doc.struct('TR');
    table.add(tr);
    let x = MARGIN;
    cells.forEach((text, i) => {
      const column = COLUMNS[i];
      const cell = doc.struct(header ? 'TH' : 'TD', {}, () => doc.font(header ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).text(text, x + 3, y + 3, { width: column.width - 6, align: column.align }));
      tr.add(cell);
      cell.end();
      x += column.width;
    });
    tr.end();
    y += height;
  };
  row(COLUMNS.map((c) => c.header), true);
  for (const line of invoice.lines.filter((l) => l.status !== 'DISPUTED')) {
    row([String(line.position), line.description, quantityText(line.quantity, line.unitCode), priceText(line.unitPriceCents, line.baseQuantity, line.unitCode), formatEuroCentsNl(line.amountCents)], false);
  }
  table.end();
  doc.x = MARGIN;
  doc.y = y + 10;

  block('H2', () => doc.font('Helvetica-Bold').fontSize(13).text('Totaal', MARGIN, doc.y));
  block('P', () => doc.font('Helvetica').fontSize(10).text(
    `Totaal regels: ${formatEuroCentsNl(invoice.lineTotalCents)}. Btw: ${formatEuroCentsNl(invoice.vatCents)}${vatExemptionReason ? ` (${vatExemptionReason})` : ''}. ` +
      `${credit ? 'Terug te betalen of te verrekenen' : 'Te betalen'}: ${formatEuroCentsNl(invoice.payableCents)}, binnen ${paymentTermsDays} dagen na factuurdatum${seller.iban ? ` op ${seller.iban}` : ''} onder vermelding van ${invoice.number ?? 'het factuurnummer'}.`,
  ));
  if (invoice.providerNote) block('P', () => doc.moveDown(0.5).text(`Toelichting: ${invoice.providerNote}`));
  return finish();
}

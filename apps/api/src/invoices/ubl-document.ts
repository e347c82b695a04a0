import type { CalendarDate, InvoiceDocumentType, VatTreatment } from '@inburgering/domain';
import { invoiceTotals, lastDayOfMonth } from '@inburgering/domain';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';

// An invoice or credit note as UBL 2.1 following Peppol BIS Billing 3.0 (EN 16931), which Dutch municipalities must accept.
// Pure: data in, XML out. Business terms (BT-n) of EN 16931 are named in the comments.

export const PEPPOL_CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PEPPOL_PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
const NS = {
  INVOICE: 'urn:oasis:names:specification:ubl:schema:xsd:Invoice-2',
  CREDIT_NOTE: 'urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2',
  cac: 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
  cbc: 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
};
/** ISO 6523 ICD / Peppol EAS: 0106 KvK number, 0190 Dutch OIN. */
export const SCHEME_KVK = '0106';
export const SCHEME_OIN = '0190';

export interface UblParty {
  name: string;
  /** KvK number (8 digits): the seller's id. */
  kvkNumber?: string | null;
  /** OIN (20 digits): the municipality's id. */
  oin?: string | null;
  /** Seller: its VAT identifier (BT-31), also required when the supply is exempt (EN 16931 BR-E-02). */
  vatNumber?: string | null;
  street: string;
  postalCode: string;
  city: string;
  iban?: string | null;
}

export interface UblLine {
  position: number;
  name: string;
  description: string;
  quantity: number;
  unitCode: string;
  unitPriceCents: number;
  baseQuantity: number;
  amountCents: number;
}

export interface UblDocumentInput {
  documentType: InvoiceDocumentType;
  /** BT-1. */
  number: string;
  issueDate: CalendarDate;
  dueDate: CalendarDate;
  /** First day of the invoiced month (BG-14). */
  month: CalendarDate;
  /** BT-10: the municipality's order reference. */
  buyerReference: string;
  /** BT-12: the contract. */
  contractReference: string;
  note?: string | null;
  seller: UblParty;
  buyer: UblParty;
  paymentTermsDays: number;
  vat: VatTreatment;
  lines: UblLine[];
  /** Credit notes: the invoice credited (BT-25, BT-26). */
  creditedInvoice?: { number: string; issueDate: CalendarDate } | null;
}

/** Cents as an EN 16931 amount: a dot and exactly two decimals. */
export function ublAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const amount = (parent: XMLBuilder, name: string, cents: number) => parent.ele(NS.cbc, `cbc:${name}`, { currencyID: 'EUR' }).txt(ublAmount(cents)).up();
const cbc = (parent: XMLBuilder, name: string, text: string, attributes?: Record<string, string>) => parent.ele(NS.cbc, `cbc:${name}`, attributes).txt(text).up();
const cac = (parent: XMLBuilder, name: string) => parent.ele(NS.cac, `cac:${name}`);

function party(parent: XMLBuilder, role: 'AccountingSupplierParty' | 'AccountingCustomerParty', data: UblParty): void {
  const p = cac(cac(parent, role), 'Party');
  const [scheme, id] = data.oin ? [SCHEME_OIN, data.oin] : [SCHEME_KVK, data.kvkNumber ?? ''];
  cbc(p, 'EndpointID', id, { schemeID: scheme }); // BT-34 / BT-49
  cbc(cac(p, 'PartyName'), 'Name', data.name);
  const address = cac(p, 'PostalAddress'); // BG-5 / BG-8
  cbc(address, 'StreetName', data.street);
  cbc(address, 'CityName', data.city);
  cbc(address, 'PostalZone', data.postalCode);
  cbc(cac(address, 'Country'), 'IdentificationCode', 'NL');
  if (data.vatNumber) {
    const tax = cac(p, 'PartyTaxScheme');
    cbc(tax, 'CompanyID', data.vatNumber); // BT-31
    cbc(cac(tax, 'TaxScheme'), 'ID', 'VAT');
  }
  const legal = cac(p, 'PartyLegalEntity');
  cbc(legal, 'RegistrationName', data.name); // BT-27 / BT-44
  cbc(legal, 'CompanyID', id, { schemeID: scheme }); // BT-30 / BT-47
}

function taxCategory(parent: XMLBuilder, name: 'TaxCategory' | 'ClassifiedTaxCategory', vat: VatTreatment, withReason: boolean): void {
  const category = cac(parent, name);
  cbc(category, 'ID', vat.category);
  cbc(category, 'Percent', String(vat.ratePercent));
  if (withReason && vat.exemptionReasonCode) cbc(category, 'TaxExemptionReasonCode', vat.exemptionReasonCode); // BT-121
  if (withReason && vat.exemptionReason) cbc(category, 'TaxExemptionReason', vat.exemptionReason); // BT-120
  cbc(cac(category, 'TaxScheme'), 'ID', 'VAT');
}

/** The UBL 2.1 XML of an invoice (380) or credit note (381); totals follow EN 16931 BR-CO-10..16 from the line amounts. */
export async function buildUblDocument(input: UblDocumentInput): Promise<string> {
  const { create } = await import('xmlbuilder2'); // on first use: most processes never write an invoice
  const credit = input.documentType === 'CREDIT_NOTE';
  const root = credit ? 'CreditNote' : 'Invoice';
  const doc = create({ version: '1.0', encoding: 'UTF-8' }).ele(credit ? NS.CREDIT_NOTE : NS.INVOICE, root, { 'xmlns:cac': NS.cac, 'xmlns:cbc': NS.cbc });
  cbc(doc, 'CustomizationID', PEPPOL_CUSTOMIZATION_ID); // BT-24
  cbc(doc, 'ProfileID', PEPPOL_PROFILE_ID); // BT-23
  cbc(doc, 'ID', input.number); // BT-1
  cbc(doc, 'IssueDate', input.issueDate); // BT-2
  if (!credit) cbc(doc, 'DueDate', input.dueDate); // BT-9
  cbc(doc, credit ? 'CreditNoteTypeCode' : 'InvoiceTypeCode', credit ? '381' : '380'); // BT-3
  if (input.note) cbc(doc, 'Note', input.note); // BT-22
  cbc(doc, 'DocumentCurrencyCode', 'EUR'); // BT-5
  cbc(doc, 'BuyerReference', input.buyerReference); // BT-10
  const period = cac(doc, 'InvoicePeriod'); // BG-14
  cbc(period, 'StartDate', input.month);
  cbc(period, 'EndDate', lastDayOfMonth(input.month));
  if (credit && input.creditedInvoice) {
    const reference = cac(cac(doc, 'BillingReference'), 'InvoiceDocumentReference'); // BG-3
    cbc(reference, 'ID', input.creditedInvoice.number);
    cbc(reference, 'IssueDate', input.creditedInvoice.issueDate);
  }
  cbc(cac(doc, 'ContractDocumentReference'), 'ID', input.contractReference); // BT-12
  party(doc, 'AccountingSupplierParty', input.seller);
  party(doc, 'AccountingCustomerParty', input.buyer);
  const means = cac(doc, 'PaymentMeans'); // BG-16
  cbc(means, 'PaymentMeansCode', '58', { name: 'SEPA credit transfer' }); // BT-81
  cbc(means, 'PaymentID', input.number); // BT-83
  if (input.seller.iban) {
    const account = cac(means, 'PayeeFinancialAccount'); // BT-84
    cbc(account, 'ID', input.seller.iban);
    cbc(account, 'Name', input.seller.name);
  }
  cbc(cac(doc, 'PaymentTerms'), 'Note', `Betaling binnen ${input.paymentTermsDays} dagen na factuurdatum.`); // BT-20

  const totals = invoiceTotals(input.lines.map((line) => line.amountCents), input.vat);
  const taxTotal = cac(doc, 'TaxTotal'); // BG-22 / BG-23
  amount(taxTotal, 'TaxAmount', totals.taxCents); // BT-110
  const subtotal = cac(taxTotal, 'TaxSubtotal');
  amount(subtotal, 'TaxableAmount', totals.taxableCents); // BT-116
  amount(subtotal, 'TaxAmount', totals.taxCents); // BT-117
  taxCategory(subtotal, 'TaxCategory', input.vat, true);
  const monetary = cac(doc, 'LegalMonetaryTotal'); // BG-22
  amount(monetary, 'LineExtensionAmount', totals.lineExtensionCents); // BT-106
  amount(monetary, 'TaxExclusiveAmount', totals.taxExclusiveCents); // BT-109
  amount(monetary, 'TaxInclusiveAmount', totals.taxInclusiveCents); // BT-112
  amount(monetary, 'PayableAmount', totals.payableCents); // BT-115

  for (const line of input.lines) {
    const l = cac(doc, credit ? 'CreditNoteLine' : 'InvoiceLine'); // BG-25
    cbc(l, 'ID', String(line.position)); // BT-126
    cbc(l, credit ? 'CreditedQuantity' : 'InvoicedQuantity', String(line.quantity), { unitCode: line.unitCode }); // BT-129, BT-130
    amount(l, 'LineExtensionAmount', line.amountCents); // BT-131
    const item = cac(l, 'Item');
    cbc(item, 'Description', line.description); // BT-154
    cbc(item, 'Name', line.name); // BT-153
    taxCategory(item, 'ClassifiedTaxCategory', input.vat, false); // BT-151, BT-152
    const price = cac(l, 'Price');
    amount(price, 'PriceAmount', line.unitPriceCents); // BT-146
    if (line.baseQuantity !== 1) cbc(price, 'BaseQuantity', String(line.baseQuantity), { unitCode: line.unitCode }); // BT-149
  }
  return doc.end({ prettyPrint: true });
}

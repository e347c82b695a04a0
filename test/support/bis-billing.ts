import { create } from 'xmlbuilder2';

// Checks of a Peppol BIS Billing 3.0 invoice or credit note by the project itself: every mandatory element and the totals
// arithmetic of EN 16931 (BR-CO-10..16, BR-E-08, PEPPOL-EN16931-R120).

const CBC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2';
const CAC = 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2';
type El = { localName: string; textContent: string | null; parentNode: El | null; getAttribute(name: string): string | null; getElementsByTagNameNS(ns: string, name: string): ArrayLike<El> };

export const parse = (xml: string): El => (create(xml).node as unknown as { documentElement: El }).documentElement;
const all = (root: El, ns: string, name: string): El[] => Array.from(root.getElementsByTagNameNS(ns, name));
const children = (parent: El, ns: string, name: string): El[] => all(parent, ns, name).filter((el) => el.parentNode === parent);
const one = (parent: El, path: string): El => {
  let current = parent;
  for (const step of path.split('/')) {
    const [prefix, name] = step.split(':');
    const found = children(current, prefix === 'cac' ? CAC : CBC, name);
    if (found.length !== 1) throw new Error(`${path}: ${found.length} × ${step}`);
    current = found[0];
  }
  return current;
};
export const text = (parent: El, path: string) => one(parent, path).textContent ?? '';
const cents = (parent: El, path: string) => {
  const el = one(parent, path);
  expect(el.getAttribute('currencyID')).toBe('EUR');
  expect(el.textContent).toMatch(/^-?\d+\.\d{2}$/); // BR-DEC: two decimals
  return Math.round(Number(el.textContent) * 100);
};

/** Every mandatory element of a Peppol BIS Billing 3.0 invoice or credit note, and the totals rules. */
export function expectBisCompliant(xml: string, expected: { credit: boolean; vatCategory: 'E' | 'S' }): void {
  const doc = parse(xml);
  expect(doc.localName).toBe(expected.credit ? 'CreditNote' : 'Invoice');
  expect(text(doc, 'cbc:CustomizationID')).toBe('urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0'); // BT-24
  expect(text(doc, 'cbc:ProfileID')).toBe('urn:fdc:peppol.eu:2017:poacc:billing:01:1.0'); // BT-23
  expect(text(doc, 'cbc:ID')).not.toBe(''); // BT-1
  expect(text(doc, 'cbc:IssueDate')).toMatch(/^\d{4}-\d{2}-\d{2}$/); // BT-2
  expect(text(doc, expected.credit ? 'cbc:CreditNoteTypeCode' : 'cbc:InvoiceTypeCode')).toBe(expected.credit ? '381' : '380'); // BT-3
  if (!expected.credit) expect(text(doc, 'cbc:DueDate')).toMatch(/^\d{4}-\d{2}-\d{2}$/); // BT-9
  if (expected.credit) expect(text(doc, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID')).not.toBe(''); // BT-25, NL-R-001
  expect(text(doc, 'cbc:DocumentCurrencyCode')).toBe('EUR'); // BT-5
  expect(text(doc, 'cbc:BuyerReference')).not.toBe(''); // BT-10, PEPPOL-EN16931-R003
  const seller = one(doc, 'cac:AccountingSupplierParty/cac:Party');
  expect(one(seller, 'cbc:EndpointID').getAttribute('schemeID')).toBe('0106'); // BT-34: KvK
  expect(text(seller, 'cbc:EndpointID')).toMatch(/^\d{8}$/);
  expect(one(seller, 'cac:PartyLegalEntity/cbc:CompanyID').getAttribute('schemeID')).toBe('0106'); // BT-30, NL-R-003
  expect(text(seller, 'cac:PartyLegalEntity/cbc:RegistrationName')).not.toBe(''); // BT-27
  expect(text(seller, 'cac:PartyTaxScheme/cbc:CompanyID')).toMatch(/^NL\d{9}B\d{2}$/); // BT-31, BR-E-02 / BR-S-02
  for (const field of ['cbc:StreetName', 'cbc:CityName', 'cbc:PostalZone']) expect(text(seller, `cac:PostalAddress/${field}`)).not.toBe(''); // NL-R-004
  expect(text(seller, 'cac:PostalAddress/cac:Country/cbc:IdentificationCode')).toBe('NL'); // BT-40
  const buyer = one(doc, 'cac:AccountingCustomerParty/cac:Party');
  expect(one(buyer, 'cbc:EndpointID').getAttribute('schemeID')).toBe('0190'); // BT-49: OIN
  expect(text(buyer, 'cbc:EndpointID')).toMatch(/^\d{20}$/);
  expect(one(buyer, 'cac:PartyLegalEntity/cbc:CompanyID').getAttribute('schemeID')).toBe('0190'); // BT-47, NL-R-005
  expect(text(buyer, 'cac:PartyLegalEntity/cbc:RegistrationName')).not.toBe(''); // BT-44
  for (const field of ['cbc:StreetName', 'cbc:CityName', 'cbc:PostalZone']) expect(text(buyer, `cac:PostalAddress/${field}`)).not.toBe(''); // NL-R-005
  expect(text(doc, 'cac:PaymentMeans/cbc:PaymentMeansCode')).toBe('58'); // BT-81
  expect(text(doc, 'cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID')).toMatch(/^NL\d{2}[A-Z]{4}\d{10}$/); // BT-84, NL-R-007
  expect(text(doc, 'cac:PaymentTerms/cbc:Note')).toMatch(/Betaling binnen \d+ dagen/); // BT-20

  const lineTag = expected.credit ? 'CreditNoteLine' : 'InvoiceLine';
  const lines = children(doc, CAC, lineTag);
  expect(lines.length).toBeGreaterThan(0);
  let sumOfLines = 0;
  for (const line of lines) {
    expect(text(line, 'cbc:ID')).not.toBe(''); // BT-126
    const quantityEl = one(line, expected.credit ? 'cbc:CreditedQuantity' : 'cbc:InvoicedQuantity');
    expect(quantityEl.getAttribute('unitCode')).toMatch(/^(C62|MIN)$/); // BT-130
    const net = cents(line, 'cbc:LineExtensionAmount'); // BT-131
    const price = cents(line, 'cac:Price/cbc:PriceAmount'); // BT-146
    const baseEls = children(one(line, 'cac:Price'), CBC, 'BaseQuantity');
    const base = baseEls.length ? Number(baseEls[0].textContent) : 1;
    // PEPPOL-EN16931-R120: net = quantity × price / base quantity (no line allowances), within the rule's 0.02 slack.
    expect(Math.abs(net - (Number(quantityEl.textContent) * price) / base)).toBeLessThanOrEqual(2);
    expect(text(line, 'cac:Item/cbc:Name')).not.toBe(''); // BT-153
    expect(text(line, 'cac:Item/cac:ClassifiedTaxCategory/cbc:ID')).toBe(expected.vatCategory); // BT-151
    sumOfLines += net;
  }
  const totals = one(doc, 'cac:LegalMonetaryTotal');
  const lineExtension = cents(totals, 'cbc:LineExtensionAmount');
  const taxExclusive = cents(totals, 'cbc:TaxExclusiveAmount');
  const taxInclusive = cents(totals, 'cbc:TaxInclusiveAmount');
  const payable = cents(totals, 'cbc:PayableAmount');
  const taxTotal = one(doc, 'cac:TaxTotal');
  const tax = cents(taxTotal, 'cbc:TaxAmount');
  const subtotals = children(taxTotal, CAC, 'TaxSubtotal');
  expect(lineExtension).toBe(sumOfLines); // BR-CO-10
  expect(taxExclusive).toBe(lineExtension); // BR-CO-13: no document allowances or charges
  expect(tax).toBe(subtotals.reduce((sum, s) => sum + cents(s, 'cbc:TaxAmount'), 0)); // BR-CO-14
  expect(taxInclusive).toBe(taxExclusive + tax); // BR-CO-15
  expect(payable).toBe(taxInclusive); // BR-CO-16: nothing prepaid, no rounding amount
  const [subtotal] = subtotals;
  expect(cents(subtotal, 'cbc:TaxableAmount')).toBe(sumOfLines); // BR-E-08 / BR-S-08
  expect(text(subtotal, 'cac:TaxCategory/cbc:ID')).toBe(expected.vatCategory); // BT-118
  if (expected.vatCategory === 'E') {
    expect(tax).toBe(0); // BR-E-09
    expect(text(subtotal, 'cac:TaxCategory/cbc:TaxExemptionReasonCode')).toBe('VATEX-EU-132-1I'); // BR-E-10
    expect(text(subtotal, 'cac:TaxCategory/cbc:TaxExemptionReason')).toContain('Wet OB 1968');
  } else {
    const rate = Number(text(subtotal, 'cac:TaxCategory/cbc:Percent'));
    expect(tax).toBe(Math.round((sumOfLines * rate) / 100)); // BR-CO-17
  }
}

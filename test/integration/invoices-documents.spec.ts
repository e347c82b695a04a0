import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_VAT, STANDARD_VAT } from '@inburgering/domain';
import { InvoicesDocument, type InvoiceFieldsFragment } from '@inburgering/contracts';
import ExcelJS from 'exceljs';
import { Client } from 'pg';
import { buildUblDocument, type UblDocumentInput } from '../../apps/api/src/invoices/ubl-document';
import { expectBisCompliant } from '../support/bis-billing';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

// The e-invoice (UBL 2.1, Peppol BIS Billing 3.0), the tagged PDF and the municipality's export, checked by the project itself:
// every mandatory BIS 3.0 element and the totals arithmetic of EN 16931 (BR-CO-10..16, BR-E-08, PEPPOL-EN16931-R120).

const sample: UblDocumentInput = {
  documentType: 'INVOICE', number: 'F2026-00001', issueDate: '2026-11-30', dueDate: '2026-12-30', month: '2026-10-01', buyerReference: 'INK-2026-0042', contractReference: 'B1 Midden-Gelderland',
  seller: { name: 'New Bees', kvkNumber: '65254767', vatNumber: 'NL065254767B01', street: 'Stationsplein 1', postalCode: '6811 KA', city: 'Arnhem', iban: 'NL91ABNA0417164300' },
  buyer: { name: 'Gemeente Arnhem', oin: '00000001000000202000', street: 'Raadhuisplein 1', postalCode: '6800 AA', city: 'Arnhem' },
  paymentTermsDays: 30, vat: DEFAULT_VAT,
  lines: [
    { position: 1, name: 'Trajectprijs', description: 'Trajectprijs, betaalmoment Start (40%), inburgeraar 1042, B1', quantity: 1, unitCode: 'C62', unitPriceCents: 420_000, baseQuantity: 1, amountCents: 420_000 },
    { position: 2, name: 'Goedgekeurde uren', description: 'Goedgekeurde uren 2026-10: 0,83, inburgeraar 1043, KNM', quantity: 50, unitCode: 'MIN', unitPriceCents: 6_500, baseQuantity: 60, amountCents: 5_417 },
  ],
};

describe('UBL document builder', () => {
  it('writes an exempt invoice with every mandatory BIS 3.0 element and consistent totals', async () => {
    expectBisCompliant(await buildUblDocument(sample), { credit: false, vatCategory: 'E' });
  });
  it('writes a standard-rate invoice with VAT rounded once on the total', async () => {
    const xml = await buildUblDocument({ ...sample, vat: STANDARD_VAT });
    expectBisCompliant(xml, { credit: false, vatCategory: 'S' });
    expect(xml).toContain('<cbc:TaxAmount currencyID="EUR">893.38</cbc:TaxAmount>'); // 21% of 4 254,17
  });
  it('writes a credit note that references the invoice it credits', async () => {
    expectBisCompliant(await buildUblDocument({ ...sample, documentType: 'CREDIT_NOTE', number: 'C2026-00002', creditedInvoice: { number: 'F2026-00001', issueDate: '2026-11-30' } }), { credit: true, vatCategory: 'E' });
  });
});

describe('invoice files over HTTP', () => {
  let platform: TestPlatform;
  let pg: Client;
  let arnhem: GraphqlSession;
  let zevenaar: GraphqlSession;
  let newBees: GraphqlSession;
  let approved: InvoiceFieldsFragment;
  // INVOICE_OUT_DIR keeps the files (to run an external e-invoice checker on them by hand); by default they go with the test run.
  const outDir = process.env.INVOICE_OUT_DIR ?? join(process.env.IR_TEST_TMP ?? '/tmp', 'invoices');

  beforeAll(async () => {
    platform = await startTestPlatform();
    pg = new Client({ connectionString: platform.databaseUrl });
    await pg.connect();
    arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
    zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
    newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
    const invoices = (await arnhem.ok(InvoicesDocument, { filter: { status: 'APPROVED' }, limit: 200, offset: 0 })).invoicePage.items;
    approved = invoices[0];
    mkdirSync(outDir, { recursive: true });
  });
  afterAll(async () => {
    await pg.end();
    await platform.close();
  });

  const download = (session: GraphqlSession, path: string) => {
    const cookie = session.lastSetCookie?.split(';')[0];
    return fetch(`${platform.url}${path}`, { headers: cookie ? { cookie } : {} });
  };

  it('gives the paying municipality the e-invoice of an approved demo invoice, BIS 3.0 complete, without client names', async () => {
    const response = await download(arnhem, `/api/invoices/${approved.id}/ubl`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/xml');
    const xml = await response.text();
    writeFileSync(join(outDir, `${approved.number}.xml`), xml);
    expectBisCompliant(xml, { credit: false, vatCategory: 'E' });
    expect(xml).toContain(`<cbc:ID>${approved.number}</cbc:ID>`);
    const { rows } = await pg.query<{ first_name: string; last_name: string }>(
      `SELECT c.first_name, c.last_name FROM invoice_line il JOIN placement p ON p.id = il.placement_id JOIN client c ON c.id = p.client_id WHERE il.invoice_id = $1`, [approved.id],
    );
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(xml).not.toContain(`${row.first_name} ${row.last_name}`);
  });

  it('refuses an e-invoice for an invoice that is not approved yet, and answers another municipality as for an unknown invoice', async () => {
    const invoices = (await newBees.ok(InvoicesDocument, { filter: { status: 'SUBMITTED' }, limit: 200, offset: 0 })).invoicePage.items;
    const response = await download(newBees, `/api/invoices/${invoices[0].id}/ubl`);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('Een e-factuur bestaat pas als de factuur is goedgekeurd en een nummer heeft.');
    const foreign = await download(zevenaar, `/api/invoices/${approved.id}/ubl`);
    const unknown = await download(zevenaar, `/api/invoices/00000000-0000-4000-8000-000000000000/ubl`);
    expect(foreign.status).toBe(404);
    expect(await foreign.text()).toBe(await unknown.text());
  });

  it('renders a tagged PDF in Dutch with a title and a structure tree', async () => {
    const response = await download(arnhem, `/api/invoices/${approved.id}/pdf`);
    expect(response.status).toBe(200);
    const pdf = Buffer.from(await response.arrayBuffer());
    writeFileSync(join(outDir, `${approved.number}.pdf`), pdf);
    const raw = pdf.toString('latin1');
    expect(raw.startsWith('%PDF-1.7')).toBe(true);
    expect(raw).toMatch(/\/Lang \(nl-NL\)/);
    expect(raw).toMatch(/\/MarkInfo \d+ 0 R/);
    expect(raw).toMatch(/\/Marked true/);
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/DisplayDocTitle true/);
    for (const tag of ['/H1', '/H2', '/Table', '/TR', '/TH', '/TD']) expect(raw).toContain(`/S ${tag}`);
  });

  it('exports the month for the financial system as XLSX with money as euro numbers, and as CSV', async () => {
    const response = await download(arnhem, `/api/invoices/export?month=${approved.month}&format=xlsx`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Facturen')!;
    expect(sheet.getRow(1).getCell(15).value).toBe('Bedrag');
    const amounts: number[] = [];
    sheet.eachRow((row, index) => {
      if (index > 1 && row.getCell(1).value === approved.number) amounts.push(row.getCell(15).value as number);
    });
    expect(Math.round(amounts.reduce((a, b) => a + b, 0) * 100)).toBe(approved.lineTotalCents);
    expect(sheet.getColumn(15).numFmt).toContain('€');
    const csv = await (await download(arnhem, `/api/invoices/export?month=${approved.month}&format=csv`)).text();
    expect(csv.split('\r\n')[0]).toContain('Factuurnummer;Soort;Factuurdatum');
    expect(csv).toContain(approved.number!);
  });
});

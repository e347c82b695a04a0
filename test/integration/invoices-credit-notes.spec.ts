import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addDays, addMonths, type CalendarDate } from '@inburgering/domain';
import { ApproveInvoiceDocument, DisputeInvoiceDocument, GenerateInvoicesDocument, InvoicesDocument, SubmitInvoiceDocument, UpdateContractDocument, type InvoiceFieldsFragment } from '@inburgering/contracts';
import { Client } from 'pg';
import { expectBisCompliant, parse, text } from '../support/bis-billing';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { insertHours, placeClients, today, type FixturePlacement } from '../support/hours-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

// An approved invoice is final: a later correction of the hours behind one of its lines produces a credit note that
// references it and a new, corrected line on the next invoice (issue 11), never an edit, and never twice.

let platform: TestPlatform;
let pg: Client;
let provider: GraphqlSession;
let payer: GraphqlSession;
let finance: GraphqlSession;
let contractId: string;
let client: FixturePlacement;
let original: InvoiceFieldsFragment;
// Months before the demo's history (its oldest placements started about 13 months ago and were invoiced then), so the
// seed's invoices stay out of the way: a month with a closed demo invoice would leave the test's hours for the next one.
const month: CalendarDate = `${addMonths(today(), -18).slice(0, 7)}-01`;
const next: CalendarDate = addMonths(month, 1);
const outDir = process.env.INVOICE_OUT_DIR ?? join(process.env.IR_TEST_TMP ?? '/tmp', 'invoices');

const payerDocs = (docs: InvoiceFieldsFragment[], type: 'INVOICE' | 'CREDIT_NOTE') => docs.filter((i) => i.payingMunicipalityName === 'Gemeente Oss' && i.documentType === type);
const hourLines = (invoice: InvoiceFieldsFragment) => invoice.lines.filter((l) => l.kind === 'HOURS' && l.clientNumber === client.clientNumber);

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  provider = await loginAs(platform.url, 'aanbieder@leijgraaf.demo.nl');
  payer = await loginAs(platform.url, 'consulent@oss.demo.nl');
  finance = await loginAs(platform.url, 'financien@oss.demo.nl');
  [client] = await placeClients(pg, { provider: 'ROC De Leijgraaf', municipality: 'GM0828', route: 'B1', count: 1, groupName: 'Creditgroep', startDate: `${month.slice(0, 7)}-02` });
  const { rows } = await pg.query<{ contract_id: string }>(`SELECT contract_id FROM placement WHERE id = $1`, [client.placementId]);
  contractId = rows[0].contract_id;
  // This contract is paid per hour (6 500 cents) from its start; its demo lines (outside Midden-Gelderland) are on submitted invoices only, never approved.
  await pg.query(`UPDATE contract SET price_model = '{"kind":"PER_HOUR","hourlyRateCents":6500}'::jsonb WHERE id = $1`, [contractId]);
  await pg.query(`DELETE FROM contract_version WHERE contract_id = $1 AND changes ? 'priceModel'`, [contractId]);
  // Four days of 2 hours in the month, approved by Oss.
  await insertHours(pg, client, 'LANGUAGE', 4, 120, addDays(month, 7));
  await pg.query(
    `INSERT INTO hour_period (provider_id, municipality_id, month, status) SELECT provider_id, municipality_id, $2, 'APPROVED' FROM placement WHERE id = $1
     ON CONFLICT (provider_id, municipality_id, month) DO UPDATE SET status = 'APPROVED'`,
    [client.placementId, month],
  );
  mkdirSync(outDir, { recursive: true });
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

describe('credit notes after a correction of approved hours', () => {
  it('invoices the approved hours and approves the invoice (final, numbered)', async () => {
    const { generateInvoices } = await provider.ok(GenerateInvoicesDocument, { input: { contractId, month } });
    const [invoice] = payerDocs(generateInvoices, 'INVOICE');
    expect(hourLines(invoice).map((l) => [l.quantity, l.amountCents])).toEqual([[480, 52_000]]);
    const { submitInvoice } = await provider.ok(SubmitInvoiceDocument, { input: { invoiceId: invoice.id, idempotencyKey: randomUUID() } });
    const { approveInvoice } = await payer.ok(ApproveInvoiceDocument, { input: { invoiceId: invoice.id, version: submitInvoice.version } });
    expect(approveInvoice).toMatchObject({ status: 'APPROVED', number: expect.stringMatching(/^F\d{4}-\d{5}$/) });
    original = approveInvoice;
  });

  it('credits the approved line on a credit note referencing the invoice and puts the corrected hours on the next invoice; again adds nothing', async () => {
    // The hour month is reopened, one day corrected from 2 hours to 1, and approved again.
    await pg.query(`UPDATE hour_period SET status = 'OPEN' WHERE provider_id = (SELECT provider_id FROM placement WHERE id = $1) AND municipality_id = $2 AND month = $3`, [client.placementId, client.municipalityId, month]);
    await pg.query(
      `INSERT INTO hour_entry (placement_id, client_id, provider_id, municipality_id, lesson_date, category, planned_minutes, attended_minutes, revision)
       SELECT p.id, p.client_id, p.provider_id, p.municipality_id, $2, 'LANGUAGE', 120, 60, 2 FROM placement p WHERE p.id = $1`,
      [client.placementId, addDays(month, 7)],
    );
    await pg.query(`UPDATE hour_period SET status = 'APPROVED' WHERE provider_id = (SELECT provider_id FROM placement WHERE id = $1) AND municipality_id = $2 AND month = $3`, [client.placementId, client.municipalityId, month]);

    const { generateInvoices: first } = await provider.ok(GenerateInvoicesDocument, { input: { contractId, month: next } });
    const [creditNote] = payerDocs(first, 'CREDIT_NOTE');
    expect(creditNote).toMatchObject({ status: 'PROPOSAL', number: null, creditedInvoiceId: original.id, creditedInvoiceNumber: original.number, month: next });
    expect(creditNote.lines.map((l) => [l.kind, l.clientNumber, l.quantity, l.amountCents, l.lineDate])).toEqual([['HOURS', client.clientNumber, 480, 52_000, month]]);
    expect(creditNote.lines[0].description).toContain(`van factuur ${original.number}`);
    const [nextInvoice] = payerDocs(first, 'INVOICE');
    expect(hourLines(nextInvoice).map((l) => [l.quantity, l.amountCents, l.lineDate])).toEqual([[420, 45_500, month]]);
    // The approved invoice itself is not edited: its line stays, marked as credited.
    const invoices = (await payer.ok(InvoicesDocument, { filter: { contractId }, limit: 200, offset: 0 })).invoicePage.items;
    const approved = invoices.find((i) => i.id === original.id)!;
    expect(approved).toMatchObject({ status: 'APPROVED', number: original.number, lineTotalCents: original.lineTotalCents });
    expect(hourLines(approved).map((l) => l.status)).toEqual(['CREDITED']);

    const { generateInvoices: again } = await provider.ok(GenerateInvoicesDocument, { input: { contractId, month: next } });
    expect(again.map((i) => [i.id, i.lines.length]).sort()).toEqual(first.map((i) => [i.id, i.lines.length]).sort());
    const { rows } = await pg.query<{ credits: number; active: number }>(
      `SELECT count(*) FILTER (WHERE credits_line_id IS NOT NULL)::int AS credits, count(*) FILTER (WHERE active)::int AS active FROM invoice_line WHERE placement_id = $1`,
      [client.placementId],
    );
    expect(rows[0]).toEqual({ credits: 1, active: 1 });
  });

  it('refuses in the database to credit a line twice or to let a credit line hold its cause', async () => {
    const { rows: [credit] } = await pg.query<{ invoice_id: string; credits_line_id: string; cause_key: string }>(
      `SELECT invoice_id, credits_line_id, cause_key FROM invoice_line WHERE placement_id = $1 AND credits_line_id IS NOT NULL`, [client.placementId],
    );
    const insert = (active: boolean) => pg.query(
      `INSERT INTO invoice_line (invoice_id, position, kind, cause_key, credits_line_id, line_date, description, quantity, unit_code, unit_price_cents, base_quantity, amount_cents, price_model_valid_from, active)
       VALUES ($1, 999, 'HOURS', $2, $3, CURRENT_DATE, 'dubbel', 1, 'MIN', 1, 60, 1, CURRENT_DATE, $4)`,
      [credit.invoice_id, `${credit.cause_key}:x`, credit.credits_line_id, active],
    );
    await expect(insert(false)).rejects.toThrow(/duplicate key/);
    await expect(insert(true)).rejects.toThrow(/CHK_invoice_line_credit_inactive/);
  });

  it('refuses a dispute of a credit note; the financial officer\'s approval numbers it in the provider\'s one gapless series, and its e-invoice is a BIS 3.0 CreditNote', async () => {
    const invoices = (await provider.ok(InvoicesDocument, { filter: { contractId, month: next }, limit: 200, offset: 0 })).invoicePage.items;
    const [creditNote] = payerDocs(invoices, 'CREDIT_NOTE');
    const { submitInvoice } = await provider.ok(SubmitInvoiceDocument, { input: { invoiceId: creditNote.id, idempotencyKey: randomUUID() } });
    const disputed = await finance.request(DisputeInvoiceDocument, { input: { invoiceId: creditNote.id, lines: [{ lineId: creditNote.lines[0].id, reason: 'Klopt niet' }] } });
    expect(disputed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'invoiceId', message: expect.stringContaining('kunt u niet betwisten') })] });
    const { approveInvoice } = await finance.ok(ApproveInvoiceDocument, { input: { invoiceId: creditNote.id, version: submitInvoice.version } });
    const sequence = Number(original.number!.slice(6));
    expect(approveInvoice).toMatchObject({ status: 'APPROVED', number: `C${today().slice(0, 4)}-${String(sequence + 1).padStart(5, '0')}` });

    const cookie = finance.lastSetCookie?.split(';')[0];
    const response = await fetch(`${platform.url}/api/invoices/${creditNote.id}/ubl`, { headers: cookie ? { cookie } : {} });
    expect(response.status).toBe(200);
    const xml = await response.text();
    writeFileSync(join(outDir, `${approveInvoice.number}.xml`), xml);
    expectBisCompliant(xml, { credit: true, vatCategory: 'E' });
    const doc = parse(xml);
    expect(text(doc, 'cbc:ID')).toBe(approveInvoice.number);
    expect(text(doc, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:ID')).toBe(original.number); // BT-25
    expect(text(doc, 'cac:BillingReference/cac:InvoiceDocumentReference/cbc:IssueDate')).toBe(original.issueDate); // BT-26
    expect(text(doc, 'cac:LegalMonetaryTotal/cbc:PayableAmount')).toBe('520.00');

    // The approved spend counts the credit note negative; the export for the financial system too.
    const csv = await (await fetch(`${platform.url}/api/invoices/export?month=${next}&format=csv`, { headers: cookie ? { cookie } : {} })).text();
    const row = csv.split('\r\n').find((line) => line.startsWith(`${approveInvoice.number};Creditnota;`))!;
    expect(row).toContain(';-520,00;');
    expect(row.endsWith(`;${original.number}`)).toBe(true);
    const pdf = await fetch(`${platform.url}/api/invoices/${creditNote.id}/pdf`, { headers: cookie ? { cookie } : {} });
    expect(pdf.status).toBe(200);
  });
});

describe('a price model change after invoicing', () => {
  const change = async (validFrom: CalendarDate | null) => {
    const { rows: [contract] } = await pg.query<{ version: number }>(`SELECT version FROM contract WHERE id = $1`, [contractId]);
    const lead = await loginAs(platform.url, 'projectleider@noordoost-brabant.demo.nl');
    return lead.request(UpdateContractDocument, {
      input: { contractId, expectedVersion: contract.version, priceModel: { kind: 'PER_HOUR', hourlyRateCents: 7_000 }, priceModelValidFrom: validFrom, reason: 'Nieuwe uurprijs na indexatie' },
    });
  };
  const lastInvoiced = async () => (await pg.query<{ last: string }>(
    `SELECT max(il.line_date)::text AS last FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id WHERE i.contract_id = $1 AND i.document_type = 'INVOICE' AND il.status <> 'DISPUTED'`, [contractId],
  )).rows[0].last as CalendarDate;

  it('refuses a change that reaches back into an invoiced period, field by field in Dutch, and writes nothing', async () => {
    const last = await lastInvoiced();
    const { rows: [before] } = await pg.query(`SELECT c.version, c.price_model, (SELECT count(*)::int FROM contract_version v WHERE v.contract_id = c.id) AS versions FROM contract c WHERE c.id = $1`, [contractId]);
    const result = await change(month);
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'priceModelValidFrom', message: expect.stringContaining(`Er is al gefactureerd tot en met ${Number(last.slice(8))}-${Number(last.slice(5, 7))}-${last.slice(0, 4)}`) })],
    });
    const { rows: [after] } = await pg.query(`SELECT c.version, c.price_model, (SELECT count(*)::int FROM contract_version v WHERE v.contract_id = c.id) AS versions FROM contract c WHERE c.id = $1`, [contractId]);
    expect(after).toEqual(before);
  });

  it('allows a change in force from after the last invoiced day: later lines use the new price, invoiced ones keep theirs (no credit note)', async () => {
    const from: CalendarDate = `${addMonths(await lastInvoiced(), 1).slice(0, 7)}-01`;
    expect(from <= today()).toBe(true);
    const result = await change(from);
    expect(result.errors).toBeUndefined();
    // Approved hours in the month the new price starts.
    await insertHours(pg, client, 'LANGUAGE', 2, 60, addDays(from, 7));
    await pg.query(
      `INSERT INTO hour_period (provider_id, municipality_id, month, status) SELECT provider_id, municipality_id, $2, 'APPROVED' FROM placement WHERE id = $1
       ON CONFLICT (provider_id, municipality_id, month) DO UPDATE SET status = 'APPROVED'`,
      [client.placementId, from],
    );
    const { rows: [{ notes: notesBefore }] } = await pg.query(`SELECT count(*)::int AS notes FROM invoice WHERE contract_id = $1 AND document_type = 'CREDIT_NOTE'`, [contractId]);
    const { generateInvoices } = await provider.ok(GenerateInvoicesDocument, { input: { contractId, month: from } });
    const [invoice] = payerDocs(generateInvoices, 'INVOICE');
    expect(hourLines(invoice).filter((l) => l.lineDate === from).map((l) => [l.quantity, l.unitPriceCents, l.amountCents])).toEqual([[120, 7_000, 14_000]]);
    const { rows: [{ notes }] } = await pg.query(`SELECT count(*)::int AS notes FROM invoice WHERE contract_id = $1 AND document_type = 'CREDIT_NOTE'`, [contractId]);
    expect(notes).toBe(notesBefore);
    const { rows: earlier } = await pg.query<{ unit_price_cents: string }>(`SELECT unit_price_cents FROM invoice_line WHERE placement_id = $1 AND line_date = $2 AND active`, [client.placementId, month]);
    expect(earlier.map((r) => Number(r.unit_price_cents))).toEqual([6_500]);
  });
});

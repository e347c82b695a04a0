import { randomUUID } from 'node:crypto';
import { addMonths, type CalendarDate } from '@inburgering/domain';
import { ApproveInvoiceDocument, DisputeInvoiceDocument, GenerateInvoicesDocument, InvoiceDocument, InvoicesDocument, SubmitInvoiceDocument, type InvoiceFieldsFragment } from '@inburgering/contracts';
import { Client } from 'pg';
import { loginAs, type GraphqlSession } from '../support/graphql-session';
import { firstInvoiceMonth } from '../../apps/api/src/seed/seed-invoices';
import { placeClients, today, type FixturePlacement } from '../support/hours-fixtures';
import { startTestPlatform, type TestPlatform } from '../support/test-platform';

let platform: TestPlatform;
let pg: Client;
let newBees: GraphqlSession;
let arnhem: GraphqlSession;
let zevenaar: GraphqlSession;
let contractId: string;
let placed: FixturePlacement[];
// Months before the demo invoices and their history (invoiced per quarter back to about 13 months ago), so the seed's
// invoices stay out of the way: a month with a closed demo invoice would leave the disputed milestone no place.
const month: CalendarDate = `${addMonths(today(), -18).slice(0, 7)}-01`;
const next: CalendarDate = addMonths(month, 1);

beforeAll(async () => {
  platform = await startTestPlatform();
  pg = new Client({ connectionString: platform.databaseUrl });
  await pg.connect();
  newBees = await loginAs(platform.url, 'aanbieder@newbees.demo.nl');
  arnhem = await loginAs(platform.url, 'consulent@arnhem.demo.nl');
  zevenaar = await loginAs(platform.url, 'consulent@zevenaar.demo.nl');
  // Two clients of Arnhem started at New Bees (B1, fixed price 10.500 in milestones 40/30/30) in the month to invoice.
  placed = await placeClients(pg, { provider: 'New Bees', municipality: 'GM0202', route: 'B1', count: 2, groupName: 'Factuurgroep', startDate: `${month.slice(0, 7)}-05` });
  const { rows } = await pg.query<{ contract_id: string }>(`SELECT contract_id FROM placement WHERE id = $1`, [placed[0].placementId]);
  contractId = rows[0].contract_id;
});
afterAll(async () => {
  await pg.end();
  await platform.close();
});

const arnhemInvoice = (invoices: InvoiceFieldsFragment[]) => invoices.find((i) => i.payingMunicipalityName === 'Gemeente Arnhem')!;
const ownLines = (invoice: InvoiceFieldsFragment) => invoice.lines.filter((l) => placed.some((p) => p.clientNumber === l.clientNumber) && l.kind === 'MILESTONE');

describe('invoice proposals derived from approved data', () => {
  it('derives one proposal per paying municipality, with a start milestone per placement at 40% of the price, and adds nothing when run again', async () => {
    const { generateInvoices: first } = await newBees.ok(GenerateInvoicesDocument, { input: { contractId, month } });
    const invoice = arnhemInvoice(first);
    expect(invoice).toMatchObject({ status: 'PROPOSAL', documentType: 'INVOICE', month, vatCategory: 'E', vatCents: 0, number: null });
    const lines = ownLines(invoice);
    expect(lines.map((l) => [l.clientNumber, l.amountCents, l.route])).toEqual(placed.map((p) => [p.clientNumber, 420_000, 'B1']));
    expect(lines[0].description).toContain(`inburgeraar ${placed[0].clientNumber}, B1`);
    for (const p of placed) expect(JSON.stringify(first)).not.toContain(p.clientName);
    expect(invoice.lineTotalCents).toBe(invoice.lines.reduce((sum, l) => sum + l.amountCents, 0));
    expect(invoice.payableCents).toBe(invoice.lineTotalCents);

    const { generateInvoices: again } = await newBees.ok(GenerateInvoicesDocument, { input: { contractId, month } });
    expect(again.map((i) => [i.id, i.lines.length])).toEqual(first.map((i) => [i.id, i.lines.length]));
  });

  it('enforces one active line per cause in the database', async () => {
    const { rows } = await pg.query<{ invoice_id: string; cause_key: string }>(`SELECT invoice_id, cause_key FROM invoice_line WHERE placement_id = $1 LIMIT 1`, [placed[0].placementId]);
    await expect(pg.query(
      `INSERT INTO invoice_line (invoice_id, position, kind, cause_key, line_date, description, quantity, unit_code, unit_price_cents, base_quantity, amount_cents, price_model_valid_from)
       VALUES ($1, 999, 'MILESTONE', $2, CURRENT_DATE, 'dubbel', 1, 'C62', 1, 1, 1, CURRENT_DATE)`,
      [rows[0].invoice_id, rows[0].cause_key],
    )).rejects.toThrow(/duplicate key/);
  });

  it('refuses a month without approved data with a Dutch message', async () => {
    const result = await newBees.request(GenerateInvoicesDocument, { input: { contractId, month: '2020-01-01' } });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [expect.objectContaining({ field: 'month', message: expect.stringContaining('er valt niets te factureren') })] });
  });
});

describe('submitting, disputing and approving', () => {
  let invoice: InvoiceFieldsFragment;

  beforeAll(async () => {
    const invoices = (await newBees.ok(InvoicesDocument, { filter: { contractId, month }, limit: 200, offset: 0 })).invoicePage.items;
    invoice = arnhemInvoice(invoices);
  });

  it('submits once per idempotency key, with the provider reference and note', async () => {
    const key = randomUUID();
    const input = { invoiceId: invoice.id, providerReference: 'NB-2026-117', providerNote: 'Startmomenten oktober', idempotencyKey: key };
    const { submitInvoice } = await newBees.ok(SubmitInvoiceDocument, { input });
    expect(submitInvoice).toMatchObject({ status: 'SUBMITTED', providerReference: 'NB-2026-117' });
    const { submitInvoice: retry } = await newBees.ok(SubmitInvoiceDocument, { input });
    expect(retry.version).toBe(submitInvoice.version);
    const other = await newBees.request(SubmitInvoiceDocument, { input: { ...input, idempotencyKey: randomUUID() } });
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' }, message: 'Deze factuur is al ingediend; u kunt haar niet opnieuw indienen.' });
    invoice = submitInvoice;
  });

  it('refuses a dispute without a reason, field by field, and changes nothing', async () => {
    const line = ownLines(invoice)[1];
    const result = await arnhem.request(DisputeInvoiceDocument, { input: { invoiceId: invoice.id, lines: [{ lineId: line.id, reason: ' ' }] } });
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'lines.0.reason', message: 'Geef bij een betwiste regel de reden op, zodat de aanbieder weet wat er aan de bron moet worden hersteld.' }],
    });
    const { invoice: unchanged } = await arnhem.ok(InvoiceDocument, { id: invoice.id });
    expect(unchanged).toMatchObject({ status: 'SUBMITTED', disputedLineCount: 0 });
  });

  it('lets no other municipality approve or even see the invoice', async () => {
    const result = await zevenaar.request(ApproveInvoiceDocument, { input: { invoiceId: invoice.id, version: invoice.version } });
    expect(result.errors?.[0]).toMatchObject({ message: 'Deze factuur bestaat niet of is niet bij uw organisatie bekend.', extensions: { code: 'NOT_FOUND' } });
    const provider = await newBees.request(ApproveInvoiceDocument, { input: { invoiceId: invoice.id, version: invoice.version } });
    expect(provider.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('sends a disputed line back with its reason; the provider resubmits the rest and a later month picks the line up again', async () => {
    const line = ownLines(invoice)[1];
    const { disputeInvoice } = await arnhem.ok(DisputeInvoiceDocument, { input: { invoiceId: invoice.id, lines: [{ lineId: line.id, reason: 'Deze inburgeraar is later gestart' }] } });
    expect(disputeInvoice.status).toBe('DISPUTED');
    const disputed = disputeInvoice.lines.find((l) => l.id === line.id)!;
    expect(disputed).toMatchObject({ status: 'DISPUTED', dispute: { reason: 'Deze inburgeraar is later gestart' } });
    expect(disputeInvoice.lineTotalCents).toBe(invoice.lineTotalCents - line.amountCents);
    // Generating the same month again does not put the disputed line back on this invoice.
    const { generateInvoices } = await newBees.ok(GenerateInvoicesDocument, { input: { contractId, month } });
    expect(arnhemInvoice(generateInvoices).lines.filter((l) => l.status === 'OPEN' && l.clientNumber === placed[1].clientNumber)).toEqual([]);
    const { submitInvoice } = await newBees.ok(SubmitInvoiceDocument, { input: { invoiceId: invoice.id, idempotencyKey: randomUUID() } });
    expect(submitInvoice.status).toBe('SUBMITTED');
    invoice = submitInvoice;
  });

  it('approves once under concurrent approvals: one approval, one clear conflict, a number without gaps', async () => {
    const { rows: [counter] } = await pg.query<{ last: number }>(
      `SELECT coalesce(max(last_sequence), 0) AS last FROM invoice_number_counter c JOIN organisation o ON o.id = c.provider_id WHERE o.name = 'New Bees'`,
    );
    const both = await Promise.all([1, 2].map(() => arnhem.request(ApproveInvoiceDocument, { input: { invoiceId: invoice.id, version: invoice.version } })));
    const approved = both.filter((r) => !r.errors);
    const conflicts = both.filter((r) => r.errors);
    expect(approved).toHaveLength(1);
    expect(conflicts.map((r) => r.errors?.[0].extensions?.code)).toEqual(['CONFLICT']);
    expect(conflicts[0].errors?.[0].message).toBe('Deze factuur is zojuist al goedgekeurd; er is niets meer te doen.');
    const final = approved[0].data!.approveInvoice;
    const expectedNumber = `F${today().slice(0, 4)}-${String(counter.last + 1).padStart(5, '0')}`;
    expect(final).toMatchObject({ status: 'APPROVED', number: expectedNumber, issueDate: today() });
    const { rows } = await pg.query(`SELECT last_sequence FROM invoice_number_counter c JOIN organisation o ON o.id = c.provider_id WHERE o.name = 'New Bees'`);
    expect(rows).toEqual([{ last_sequence: counter.last + 1 }]);
  });

  it('puts the disputed milestone on the next month once its source is there, never twice', async () => {
    const { generateInvoices } = await newBees.ok(GenerateInvoicesDocument, { input: { contractId, month: next } });
    const lines = arnhemInvoice(generateInvoices).lines.filter((l) => l.clientNumber === placed[1].clientNumber);
    expect(lines.map((l) => [l.kind, l.amountCents])).toEqual([['MILESTONE', 420_000]]);
    const { rows } = await pg.query(`SELECT count(*)::int AS n FROM invoice_line WHERE placement_id = $1 AND active`, [placed[1].placementId]);
    expect(rows[0].n).toBe(1);
  });
});

describe('the contract ceiling', () => {
  it('flags an invoice that would pass the ceiling and signals the projectleider at 80% and 100%', async () => {
    const { generateInvoices } = await newBees.ok(GenerateInvoicesDocument, { input: { contractId, month: next } });
    const invoice = arnhemInvoice(generateInvoices);
    const { rows: [spent] } = await pg.query<{ approved: string }>(
      // Approved credit notes count against the spend (the demo may have credited a line on this contract).
      `SELECT coalesce(sum(CASE WHEN i.document_type = 'CREDIT_NOTE' THEN -il.amount_cents ELSE il.amount_cents END), 0) AS approved
         FROM invoice i JOIN invoice_line il ON il.invoice_id = i.id WHERE i.contract_id = $1 AND i.status = 'APPROVED' AND il.status <> 'DISPUTED'`,
      [contractId],
    );
    // The ceiling lies just below what approving this invoice would bring the spend to.
    const ceiling = Number(spent.approved) + invoice.lineTotalCents - 1;
    await pg.query(`UPDATE contract SET ceiling_cents = $2 WHERE id = $1`, [contractId, ceiling]);
    // The 80% signal comes with it only when the spend before this approval was still under 80%.
    const expected = Number(spent.approved) * 100 < ceiling * 80 ? ['INVOICE_CEILING_REACHED', 'INVOICE_CEILING_WARNING'] : ['INVOICE_CEILING_REACHED'];
    const { submitInvoice } = await newBees.ok(SubmitInvoiceDocument, { input: { invoiceId: invoice.id, idempotencyKey: randomUUID() } });
    expect(submitInvoice.exceedsCeiling).toBe(true);
    const { invoice: seenByArnhem } = await arnhem.ok(InvoiceDocument, { id: invoice.id });
    expect(seenByArnhem.exceedsCeiling).toBe(true);
    await arnhem.ok(ApproveInvoiceDocument, { input: { invoiceId: invoice.id, version: submitInvoice.version } });
    const { rows: signals } = await pg.query<{ kind: string; message: string }>(
      `SELECT s.kind, s.message FROM signal s JOIN organisation o ON o.id = s.organisation_id WHERE s.subject_id = $1 AND o.kind = 'REGION' ORDER BY s.kind`, [contractId],
    );
    expect(signals.map((s) => s.kind)).toEqual(expected);
    expect(signals[0].message).toContain('100% of meer van het contractplafond');
  });
});

describe('demo invoices', () => {
  it('holds three months of Midden-Gelderland invoices in every state and a credit note, and the year before approved, derived from the demo placements, numbered without gaps', async () => {
    const { rows } = await pg.query<{ month: string; document_type: string; status: string; numbered: boolean; n: number }>(
      `SELECT i.month::text AS month, i.document_type, i.status, (i.number IS NOT NULL) AS numbered, count(*)::int AS n FROM invoice i JOIN contract k ON k.id = i.contract_id
         JOIN lot l ON l.id = k.lot_id JOIN organisation r ON r.id = l.region_id
        WHERE r.name = 'Arbeidsmarktregio Midden-Gelderland' AND (i.provider_reference LIKE 'DEMO-%' OR i.status = 'PROPOSAL') GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`,
    );
    // The last three months in every state; before them the demo's history, invoiced per quarter and all approved.
    const recent = rows.filter((r) => r.month >= firstInvoiceMonth(today()));
    const history = rows.filter((r) => r.month < firstInvoiceMonth(today()));
    expect(new Set(recent.map((r) => r.month)).size).toBe(3);
    expect(new Set(recent.map((r) => r.status))).toEqual(new Set(['APPROVED', 'DISPUTED', 'PROPOSAL', 'SUBMITTED']));
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((r) => r.status === 'APPROVED' && r.document_type === 'INVOICE')).toBe(true);
    expect(rows.filter((r) => r.status === 'APPROVED').every((r) => r.numbered)).toBe(true);
    expect(rows.filter((r) => r.document_type === 'CREDIT_NOTE').map((r) => r.status)).toEqual(['APPROVED']);
    // Each provider's series: 1..n without gaps, invoices and credit notes together.
    const { rows: series } = await pg.query<{ provider_id: string; sequences: number[]; last: number }>(
      `SELECT i.provider_id, array_agg(i.sequence ORDER BY i.sequence) AS sequences, max(c.last_sequence) AS last FROM invoice i JOIN invoice_number_counter c ON c.provider_id = i.provider_id
        WHERE i.sequence IS NOT NULL GROUP BY i.provider_id`,
    );
    for (const s of series) expect(s.sequences).toEqual(Array.from({ length: s.last }, (_, index) => index + 1));
    const invoices = (await arnhem.ok(InvoicesDocument, { filter: { status: 'APPROVED' }, limit: 200, offset: 0 })).invoicePage.items;
    expect(invoices.every((i) => i.number && i.payingMunicipalityName === 'Gemeente Arnhem')).toBe(true);
    const credit = invoices.find((i) => i.documentType === 'CREDIT_NOTE')!;
    expect(credit).toMatchObject({ providerName: 'New Bees', number: expect.stringMatching(/^C\d{4}-\d{5}$/), creditedInvoiceNumber: expect.stringMatching(/^F\d{4}-\d{5}$/) });
    expect(credit.lines).toHaveLength(1);
    // The corrected milestone (a week later) is on last month's New Bees invoice to Arnhem.
    const corrected = invoices.flatMap((i) => i.documentType === 'INVOICE' ? i.lines : []).filter((l) => l.clientNumber === credit.lines[0].clientNumber && l.kind === 'MILESTONE');
    expect(corrected.map((l) => l.status).sort()).toEqual(['CREDITED', 'OPEN']);
  });
});

import { addDays, addMonths, formatInvoiceNumber, lastDayOfMonth, periodMonthOf, type CalendarDate, type InvoiceDocumentType } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { ValidationAppError } from '../common';
import { generateInvoiceProposals } from '../invoices';
import type { ProviderId } from '../tenancy';
import { HISTORY_KEY } from './seed-history';

const DISPUTE_REASON = 'De startdatum wijkt af van de aanmelding; graag aan de bron controleren.';
const REGION = 'Arbeidsmarktregio Midden-Gelderland';
const PROPOSAL_ONLY = ['HAN Hogeschool van Arnhem en Nijmegen', 'VluchtelingenWerk Oost Nederland'];

/**
 * Demo invoices over three months, derived exactly as the API derives them. In Midden-Gelderland the first two started
 * route placements per contract and municipality (where it has three or more) started one and two months before the
 * others, so each month has its milestones. Two months ago: everything approved and numbered. Last month: after a
 * corrected start date of an approved New Bees line in Arnhem, a credit note (approved) and the corrected line; New Bees
 * approved, Sagenn disputed on one line, the others submitted. The start month: New Bees' invoice to Arnhem approved,
 * its others submitted, Sagenn disputed, HAN and VluchtelingenWerk proposals; other regions submitted. Set-based per state.
 */
export async function seedInvoices(manager: EntityManager, today: CalendarDate): Promise<number> {
  await seedInvoiceParties(manager);
  const twoBack = firstInvoiceMonth(today);
  const [oneBack, month] = [addMonths(twoBack, 1), addMonths(twoBack, 2)];

  // The year before (the demo history, seedHistory): invoiced per quarter, the last month of each; approved in
  // Midden-Gelderland, submitted elsewhere (as the other regions' later months).
  for (const quarterEnd of [-10, -7, -4, -1].map((back) => addMonths(twoBack, back))) {
    await generateAll(manager, quarterEnd);
    await submit(manager, await invoicesOf(manager, quarterEnd, {}), quarterEnd);
    await approve(manager, await invoicesOf(manager, quarterEnd, { status: 'SUBMITTED', region: REGION }), issueDateOf(quarterEnd, today));
  }
  await manager.query(
    `WITH ranked AS (
       SELECT p.id, row_number() OVER (PARTITION BY p.contract_id, p.municipality_id ORDER BY c.client_number) AS rank,
              count(*) OVER (PARTITION BY p.contract_id, p.municipality_id) AS n
         FROM placement p JOIN client c ON c.id = p.client_id JOIN lot l ON l.id = p.lot_id JOIN organisation r ON r.id = l.region_id
        WHERE p.status = 'STARTED' AND r.name = $3 AND l.subject IN ('B1', 'Z', 'ONDERWIJS') AND p.idempotency_key NOT LIKE $4)
     UPDATE placement p SET start_date = CASE WHEN ranked.rank = 1 THEN $1::date ELSE $2::date END FROM ranked WHERE ranked.id = p.id AND ranked.rank <= 2 AND ranked.n >= 3`,
    [addDays(twoBack, 11), addDays(oneBack, 11), REGION, `${HISTORY_KEY}%`],
  );

  // Two months ago: everything approved.
  await generateAll(manager, twoBack);
  await submit(manager, await invoicesOf(manager, twoBack, {}), twoBack);
  await approve(manager, await invoicesOf(manager, twoBack, { status: 'SUBMITTED' }), issueDateOf(twoBack, today));

  // Last month: a start date in Arnhem turns out a week later than registered: credit note and new line.
  await manager.query(
    `UPDATE placement SET start_date = start_date + 7 WHERE id = (
       SELECT il.placement_id FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id JOIN organisation o ON o.id = i.provider_id
         JOIN organisation m ON m.id = i.paying_municipality_id
        WHERE i.month = $1 AND i.status = 'APPROVED' AND o.name = 'New Bees' AND m.cbs_code = 'GM0202' AND il.kind = 'MILESTONE' ORDER BY i.created_at, il.position LIMIT 1)`,
    [twoBack],
  );
  await generateAll(manager, oneBack);
  await submit(manager, await invoicesOf(manager, oneBack, {}), oneBack);
  await dispute(manager, await invoicesOf(manager, oneBack, { status: 'SUBMITTED', provider: 'Sagenn' }), oneBack);
  await approve(manager, await invoicesOf(manager, oneBack, { status: 'SUBMITTED', provider: 'New Bees' }), issueDateOf(oneBack, today));

  // The start month.
  await generateAll(manager, month);
  await submit(manager, await invoicesOf(manager, month, { excludeProviders: PROPOSAL_ONLY }), month);
  await dispute(manager, await invoicesOf(manager, month, { status: 'SUBMITTED', provider: 'Sagenn' }), month);
  await approve(manager, await invoicesOf(manager, month, { status: 'SUBMITTED', provider: 'New Bees', municipality: 'GM0202' }), issueDateOf(month, today));
  const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM invoice`);
  return count;
}

/** The first month of the demo's invoices (two months before the month of the demo's last start moment); the history is invoiced before it. */
export function firstInvoiceMonth(today: CalendarDate): CalendarDate {
  return addMonths(periodMonthOf(addDays(today, -42)), -2);
}

/** The proposals of every contract with started placements, for one month. */
async function generateAll(manager: EntityManager, month: CalendarDate): Promise<void> {
  const contracts = await manager.query<{ id: string; provider_id: string }[]>(
    `SELECT k.id, k.provider_id FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation o ON o.id = k.provider_id
      WHERE EXISTS (SELECT 1 FROM placement p WHERE p.contract_id = k.id AND p.status IN ('STARTED', 'ENDED') AND p.start_date <= $1) ORDER BY l.name, o.name`,
    [lastDayOfMonth(month)],
  );
  for (const contract of contracts) {
    try {
      await generateInvoiceProposals(manager, contract.id, contract.provider_id as ProviderId, month);
    } catch (error) {
      // A contract whose price model has nothing to invoice this month (no modules completed yet): no proposal.
      if (!(error instanceof ValidationAppError)) throw error;
    }
  }
}

/** The invoices and credit notes of a month (open ones unless a status is named), narrowed by provider or paying municipality. */
async function invoicesOf(
  manager: EntityManager, month: CalendarDate, filter: { status?: string; provider?: string; municipality?: string; region?: string; excludeProviders?: string[] },
): Promise<string[]> {
  const rows = await manager.query<{ id: string }[]>(
    `SELECT i.id FROM invoice i JOIN organisation o ON o.id = i.provider_id JOIN organisation m ON m.id = i.paying_municipality_id
      WHERE i.month = $1 AND i.status = coalesce($2, i.status) AND ($2::text IS NOT NULL OR i.status IN ('PROPOSAL', 'DISPUTED'))
        AND o.name = coalesce($3, o.name) AND m.cbs_code IS NOT DISTINCT FROM coalesce($4, m.cbs_code) AND NOT (o.name = ANY($5::text[]))
        AND ($6::text IS NULL OR m.region_id = (SELECT r.id FROM organisation r WHERE r.kind = 'REGION' AND r.name = $6))
      ORDER BY i.document_type DESC, i.created_at, o.name, (SELECT l.name FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.id = i.contract_id), m.cbs_code, i.id`,
    [month, filter.status ?? null, filter.provider ?? null, filter.municipality ?? null, filter.excludeProviders ?? [], filter.region ?? null],
  );
  return rows.map((row) => row.id);
}

const issueDateOf = (month: CalendarDate, today: CalendarDate): CalendarDate => (addDays(month, 47) < today ? addDays(month, 47) : today);

async function submit(manager: EntityManager, ids: string[], month: CalendarDate): Promise<void> {
  await manager.query(
    `UPDATE invoice i SET status = 'SUBMITTED', submitted_at = $2, provider_reference = 'DEMO-' || to_char(i.month, 'YYYY-MM') || '-' || left(i.id::text, 4),
            submit_idempotency_key = 'demo-' || i.id, version = 2
      WHERE i.id = ANY($1::uuid[])`,
    [ids, new Date(`${addDays(month, 40)}T09:00:00Z`)],
  );
}

/** The first line of each (submitted) invoice disputed with a reason; the invoice goes back to the provider. */
async function dispute(manager: EntityManager, ids: string[], month: CalendarDate): Promise<void> {
  await manager.query(
    `WITH first AS (
       SELECT DISTINCT ON (il.invoice_id) il.id, il.invoice_id FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id
        WHERE i.id = ANY($1::uuid[]) AND i.status = 'SUBMITTED' AND i.document_type = 'INVOICE' AND il.status = 'OPEN' ORDER BY il.invoice_id, il.position
     ), disputed AS (
       INSERT INTO invoice_dispute (invoice_id, invoice_line_id, reason) SELECT invoice_id, id, $2 FROM first RETURNING invoice_line_id, invoice_id
     ), lines AS (
       UPDATE invoice_line SET status = 'DISPUTED', active = false WHERE id IN (SELECT invoice_line_id FROM disputed) RETURNING invoice_id
     )
     UPDATE invoice SET status = 'DISPUTED', decided_at = $3, version = 3, submit_idempotency_key = NULL WHERE id IN (SELECT invoice_id FROM lines)`,
    [ids, DISPUTE_REASON, new Date(`${addDays(month, 45)}T09:00:00Z`)],
  );
}

/** Approved and numbered: each provider's one series continues without gaps (credit notes in it with a C). */
async function approve(manager: EntityManager, ids: string[], issueDate: CalendarDate): Promise<void> {
  if (ids.length === 0) return;
  const picked = await manager.query<{ id: string; provider_id: string; document_type: InvoiceDocumentType; seq: number }[]>(
    `SELECT i.id, i.provider_id, i.document_type,
            (coalesce(c.last_sequence, 0) + row_number() OVER (PARTITION BY i.provider_id ORDER BY array_position($1::uuid[], i.id)))::int AS seq
       FROM invoice i LEFT JOIN invoice_number_counter c ON c.provider_id = i.provider_id WHERE i.id = ANY($1::uuid[])`,
    [ids],
  );
  const year = Number(issueDate.slice(0, 4));
  await manager.query(
    `UPDATE invoice i SET status = 'APPROVED', sequence = t.seq, number = t.number, issue_date = $4, due_date = $4::date + 30, decided_at = $5, version = 3
       FROM unnest($1::uuid[], $2::int[], $3::text[]) t(id, seq, number) WHERE i.id = t.id`,
    [picked.map((a) => a.id), picked.map((a) => a.seq), picked.map((a) => formatInvoiceNumber(year, a.seq, a.document_type)), issueDate, new Date(`${issueDate}T10:00:00Z`)],
  );
  await manager.query(
    `INSERT INTO invoice_number_counter (provider_id, last_sequence) SELECT provider_id, max(seq) FROM unnest($1::uuid[], $2::int[]) t(provider_id, seq) GROUP BY provider_id
     ON CONFLICT (provider_id) DO UPDATE SET last_sequence = EXCLUDED.last_sequence`,
    [picked.map((a) => a.provider_id), picked.map((a) => a.seq)],
  );
}

/** A made-up Dutch IBAN with a correct check (ISO 13616 mod 97), for the demo only. */
function demoIban(account: number): string {
  const bban = `DEMO${String(account).padStart(10, '0')}`;
  const digits = `${bban}NL00`.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  const check = 98n - (BigInt(digits) % 97n);
  return `NL${String(check).padStart(2, '0')}${bban}`;
}

/** E-invoice data of the demo organisations: made-up OINs, VAT ids, IBANs and addresses (never real ones). */
async function seedInvoiceParties(manager: EntityManager): Promise<void> {
  const providers = await manager.query<{ id: string }[]>(`SELECT id FROM organisation WHERE kind = 'PROVIDER' ORDER BY name`);
  await manager.query(
    `INSERT INTO invoice_party (organisation_id, iban, vat_number, street, postal_code, city)
     SELECT o.id, t.iban, 'NL' || lpad(coalesce(o.kvk_number, '0'), 9, '0') || 'B01', 'Stationsplein ' || t.n, '6811 K' || chr(64 + t.n::int), 'Arnhem'
       FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY t(id, iban, n) JOIN organisation o ON o.id = t.id`,
    [providers.map((p) => p.id), providers.map((_, index) => demoIban(1000 + index))],
  );
  await manager.query(
    `INSERT INTO invoice_party (organisation_id, oin, street, postal_code, city)
     SELECT o.id, '00000001' || lpad(regexp_replace(coalesce(o.cbs_code, '0'), '[^0-9]', '', 'g'), 9, '0') || '000', 'Raadhuisplein 1', '6800 AA',
            regexp_replace(o.name, '^Gemeente ', '')
       FROM organisation o WHERE o.kind = 'MUNICIPALITY'`,
  );
}

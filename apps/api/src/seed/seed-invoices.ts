import { addDays, formatInvoiceNumber, lastDayOfMonth, periodMonthOf, type CalendarDate } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { ValidationAppError } from '../common';
import { generateInvoiceProposals } from '../invoices';
import type { ProviderId } from '../tenancy';

const DISPUTE_REASON = 'De startdatum wijkt af van de aanmelding; graag aan de bron controleren.';

/**
 * Demo invoices: the proposals of the month in which the demo placements started (derived exactly as the API does), put
 * in every state: New Bees' invoice to Arnhem approved and numbered, its others submitted, Sagenn's disputed on one line,
 * HAN's and VluchtelingenWerk's left as proposals; other regions' submitted. Set-based updates per state.
 */
export async function seedInvoices(manager: EntityManager, today: CalendarDate): Promise<number> {
  await seedInvoiceParties(manager);
  const month = periodMonthOf(addDays(today, -42));
  const contracts = await manager.query<{ id: string; provider_id: string }[]>(
    `SELECT k.id, k.provider_id FROM contract k
      WHERE EXISTS (SELECT 1 FROM placement p WHERE p.contract_id = k.id AND p.status IN ('STARTED', 'ENDED') AND p.start_date <= $1) ORDER BY k.id`,
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
  const submittedAt = new Date(`${addDays(month, 40)}T09:00:00Z`);
  await manager.query(
    `UPDATE invoice i SET status = 'SUBMITTED', submitted_at = $2, provider_reference = 'DEMO-' || to_char(i.month, 'YYYY-MM') || '-' || left(i.id::text, 4),
            submit_idempotency_key = 'demo-' || i.id, version = 2
       FROM organisation o WHERE o.id = i.provider_id AND i.month = $1 AND o.name NOT IN ('HAN Hogeschool van Arnhem en Nijmegen', 'VluchtelingenWerk Oost Nederland')`,
    [month, submittedAt],
  );
  // Sagenn: the first line of each invoice is disputed with a reason; the invoice goes back to Sagenn.
  await manager.query(
    `WITH first AS (
       SELECT DISTINCT ON (il.invoice_id) il.id, il.invoice_id FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id JOIN organisation o ON o.id = i.provider_id
        WHERE o.name = 'Sagenn' AND i.month = $1 ORDER BY il.invoice_id, il.position
     ), disputed AS (
       INSERT INTO invoice_dispute (invoice_id, invoice_line_id, reason) SELECT invoice_id, id, $2 FROM first RETURNING invoice_line_id, invoice_id
     ), lines AS (
       UPDATE invoice_line SET status = 'DISPUTED', active = false WHERE id IN (SELECT invoice_line_id FROM disputed) RETURNING invoice_id
     )
     UPDATE invoice SET status = 'DISPUTED', decided_at = $3, version = 3, submit_idempotency_key = NULL WHERE id IN (SELECT invoice_id FROM lines)`,
    [month, DISPUTE_REASON, new Date(`${addDays(month, 45)}T09:00:00Z`)],
  );
  // New Bees' invoices to Arnhem: approved, numbered without gaps from 1.
  const approve = await manager.query<{ id: string; provider_id: string; seq: number }[]>(
    `SELECT i.id, i.provider_id, row_number() OVER (PARTITION BY i.provider_id ORDER BY i.created_at, i.id)::int AS seq
       FROM invoice i JOIN organisation o ON o.id = i.provider_id JOIN organisation m ON m.id = i.paying_municipality_id
      WHERE o.name = 'New Bees' AND m.cbs_code = 'GM0202' AND i.month = $1 AND i.status = 'SUBMITTED'`,
    [month],
  );
  if (approve.length > 0) {
    const issueDate = addDays(month, 47);
    const year = Number(issueDate.slice(0, 4));
    await manager.query(
      `UPDATE invoice i SET status = 'APPROVED', sequence = t.seq, number = t.number, issue_date = $4, due_date = $4::date + 30, decided_at = $5, version = 3
         FROM unnest($1::uuid[], $2::int[], $3::text[]) t(id, seq, number) WHERE i.id = t.id`,
      [approve.map((a) => a.id), approve.map((a) => a.seq), approve.map((a) => formatInvoiceNumber(year, a.seq)), issueDate, new Date(`${issueDate}T10:00:00Z`)],
    );
    await manager.query(
      `INSERT INTO invoice_number_counter (provider_id, last_sequence) SELECT provider_id, max(seq) FROM unnest($1::uuid[], $2::int[]) t(provider_id, seq) GROUP BY provider_id`,
      [approve.map((a) => a.provider_id), approve.map((a) => a.seq)],
    );
  }
  const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM invoice`);
  return count;
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

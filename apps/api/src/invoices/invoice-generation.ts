import {
  checkPeriodHasApprovedData, deriveInvoiceLine, isRuleViolation, lastDayOfMonth, milestonesReached, priceModelInForceOn, type DerivedInvoiceLine, type InvoiceCause,
  type PriceModelVersion, type RuleViolation,
} from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import { throwIfViolations, ValidationAppError } from '../common';
import { InvoiceEntity } from '../database';
import type { ProviderId } from '../tenancy';
import { hourSources, loadInvoiceSetting, loadInvoicingContract, loadPriceModelVersions, moduleSources, placementSources, seatSources, takenCauseKeys } from './invoice-sources';

interface PendingLine extends DerivedInvoiceLine {
  payerId: string;
  placementId: string | null;
  milestoneName: string | null;
  hourPeriodId: string | null;
  resultId: string | null;
  startMomentId: string | null;
  clientNumber: number | null;
  route: string | null;
}

/**
 * Derives the proposals of one contract and month (first day), one per paying party, in the caller's transaction; null when
 * the contract is not the provider's. Idempotent: a cause already on an active line (any invoice) is skipped, and the
 * database refuses a second active line per cause even under concurrent runs.
 */
export async function generateInvoiceProposals(manager: EntityManager, contractId: string, providerId: ProviderId, month: string): Promise<string[] | null> {
  const through = lastDayOfMonth(month);
  // One generation per contract at a time: concurrent runs queue here instead of racing on the same causes.
  await manager.query(`SELECT id FROM contract WHERE id = $1 FOR UPDATE`, [contractId]);
  const contract = await loadInvoicingContract(manager, contractId);
  if (!contract || contract.providerId !== providerId) return null;
  const setting = await loadInvoiceSetting(manager, contract.id);
  if (setting.payingPartyMode === 'LEAD_MUNICIPALITY' && !setting.leadMunicipalityId) {
    throw new ValidationAppError([{ field: 'contractId', code: 'LEAD_MUNICIPALITY_MISSING', message: 'Voor dit contract betaalt de centrumgemeente, maar die is nog niet ingesteld. Vraag de projectleider dit in te stellen.' }]);
  }
  const versions = await loadPriceModelVersions(manager, contract);
  const pending = await derive(manager, contract.id, versions, setting, through);
  const credited = await creditChangedLines(manager, contract.id, month, through, pending);
  const payerOf = (municipalityId: string | null) => (setting.payingPartyMode === 'LEAD_MUNICIPALITY' ? setting.leadMunicipalityId! : municipalityId);
  const { active, disputedOn } = await takenCauseKeys(manager, contract.id);
  const fresh = pending.filter((line) => !active.has(line.causeKey)).map((line) => ({ ...line, payerId: payerOf(line.payerId || null) ?? '' })).filter((line) => line.payerId !== '');
  const existing = await manager.getRepository(InvoiceEntity).find({ select: { id: true, payingMunicipalityId: true, status: true }, where: { contractId: contract.id, month, documentType: 'INVOICE' } });
  const payers = new Set(fresh.map((line) => line.payerId));
  if (payers.size === 0 && existing.length === 0 && credited === 0) throwIfViolations(checkPeriodHasApprovedData(0, month));
  for (const payerId of payers) {
    await manager.query(
      `INSERT INTO invoice (document_type, provider_id, contract_id, paying_municipality_id, month, vat_category)
       VALUES ('INVOICE', $1, $2, $3, $4, $5) ON CONFLICT (contract_id, paying_municipality_id, month) WHERE document_type = 'INVOICE' DO NOTHING`,
      [providerId, contract.id, payerId, month, setting.vatCategory],
    );
    const [invoice] = await manager.query<{ id: string; status: string }[]>(
      `SELECT id, status FROM invoice WHERE contract_id = $1 AND paying_municipality_id = $2 AND month = $3 AND document_type = 'INVOICE' FOR UPDATE`,
      [contract.id, payerId, month],
    );
    // A submitted or approved invoice is closed: new causes wait for the next month's invoice.
    if (invoice.status !== 'PROPOSAL' && invoice.status !== 'DISPUTED') continue;
    const disputedHere = disputedOn.get(invoice.id) ?? new Set<string>();
    await insertLines(manager, invoice.id, fresh.filter((line) => line.payerId === payerId && !disputedHere.has(line.causeKey)));
  }
  await flagCeiling(manager, contract.id, contract.ceilingCents);
  const all = await manager.getRepository(InvoiceEntity).find({ select: { id: true }, where: { contractId: contract.id, month } });
  return all.map((invoice) => invoice.id);
}

/**
 * An approved invoice is final: a line whose source was corrected afterwards (other hours, a withdrawn result, a milestone
 * no longer reached) is credited on a credit note of this month that references the approved invoice, and its cause is
 * freed so the corrected line lands on the open invoice (procurement/issue 11: "a credit note and a new line, never an
 * edit"). The database refuses a second credit of one line. Returns the number of lines credited.
 */
async function creditChangedLines(manager: EntityManager, contractId: string, month: string, through: string, pending: readonly PendingLine[]): Promise<number> {
  const approved = await manager.query<{ id: string; invoice_id: string; cause_key: string; line_date: string; amount_cents: string; quantity: number; unit_price_cents: string }[]>(
    `SELECT il.id, il.invoice_id, il.cause_key, il.line_date::text AS line_date, il.amount_cents, il.quantity, il.unit_price_cents
       FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id
      WHERE i.contract_id = $1 AND i.document_type = 'INVOICE' AND i.status = 'APPROVED' AND il.active AND il.status = 'OPEN' AND il.line_date <= $2
      ORDER BY il.invoice_id, il.position FOR UPDATE OF il`,
    [contractId, through],
  );
  const current = new Map(pending.map((line) => [line.causeKey, line]));
  const changed = approved.filter((line) => {
    const now = current.get(line.cause_key);
    // Amount, quantity, price or the day it happened (a corrected start date): the approved document no longer states the facts.
    return !now || now.amountCents !== Number(line.amount_cents) || now.quantity !== line.quantity || now.unitPriceCents !== Number(line.unit_price_cents) || now.lineDate !== line.line_date;
  });
  const byInvoice = new Map<string, string[]>();
  for (const line of changed) byInvoice.set(line.invoice_id, [...(byInvoice.get(line.invoice_id) ?? []), line.id]);
  for (const [invoiceId, lineIds] of byInvoice) {
    // One open credit note per credited invoice: a later correction before it is submitted joins it.
    const [open] = await manager.query<{ id: string }[]>(
      `SELECT id FROM invoice WHERE document_type = 'CREDIT_NOTE' AND credited_invoice_id = $1 AND status = 'PROPOSAL' ORDER BY created_at LIMIT 1 FOR UPDATE`, [invoiceId],
    );
    const creditNoteId = open?.id ?? (await manager.query<{ id: string }[]>(
      `INSERT INTO invoice (document_type, provider_id, contract_id, paying_municipality_id, month, vat_category, credited_invoice_id)
       SELECT 'CREDIT_NOTE', provider_id, contract_id, paying_municipality_id, $2, vat_category, id FROM invoice WHERE id = $1 RETURNING id`,
      [invoiceId, month],
    ))[0].id;
    await manager.query(
      `INSERT INTO invoice_line (invoice_id, position, kind, cause_key, placement_id, milestone_name, hour_period_id, result_id, start_moment_id, credits_line_id, client_number, route,
                                 line_date, description, quantity, unit_code, unit_price_cents, base_quantity, amount_cents, price_model_valid_from, status, active)
       SELECT $1, (SELECT coalesce(max(position), 0) FROM invoice_line WHERE invoice_id = $1) + row_number() OVER (ORDER BY il.position), il.kind, il.cause_key, il.placement_id,
              il.milestone_name, il.hour_period_id, il.result_id, il.start_moment_id, il.id, il.client_number, il.route, il.line_date,
              left('Creditering van regel ' || il.position || ' van factuur ' || i.number || ': ' || il.description, 1000),
              il.quantity, il.unit_code, il.unit_price_cents, il.base_quantity, il.amount_cents, il.price_model_valid_from, 'OPEN', false
         FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id WHERE il.id = ANY($2::uuid[])`,
      [creditNoteId, lineIds],
    );
    await manager.query(`UPDATE invoice_line SET status = 'CREDITED', active = false WHERE id = ANY($1::uuid[])`, [lineIds]);
  }
  return changed.length;
}

/** Every cause of the contract up to `through`, priced; the first rule a cause breaks stops the generation. */
async function derive(
  manager: EntityManager, contractId: string, versions: PriceModelVersion[], setting: Awaited<ReturnType<typeof loadInvoiceSetting>>, through: string,
): Promise<PendingLine[]> {
  const kinds = new Set(versions.map((v) => v.model.kind));
  const causes: { cause: InvoiceCause; extra: Omit<PendingLine, keyof DerivedInvoiceLine> }[] = [];
  if (kinds.has('FIXED_PER_TRAJECTORY')) {
    for (const p of await placementSources(manager, contractId, through)) {
      const model = p.startDate ? priceModelInForceOn(versions, p.startDate)?.model : undefined;
      if (!model || model.kind !== 'FIXED_PER_TRAJECTORY') continue;
      for (const m of milestonesReached({ milestones: model.milestones, startDate: p.startDate, endedOn: p.endedOn, completed: p.completed, trajectoryMonths: setting.trajectoryMonths, through })) {
        causes.push({
          cause: { kind: 'MILESTONE', placementId: p.placementId, clientNumber: p.clientNumber, route: p.route, milestoneName: m.name, reachedOn: m.reachedOn },
          extra: { payerId: p.municipalityId, placementId: p.placementId, milestoneName: m.name, hourPeriodId: null, resultId: null, startMomentId: null, clientNumber: p.clientNumber, route: p.route },
        });
      }
    }
  }
  if (kinds.has('PER_HOUR')) {
    for (const h of await hourSources(manager, contractId, through)) {
      causes.push({
        cause: { kind: 'HOURS', placementId: h.placementId, clientNumber: h.clientNumber, route: h.route, month: h.month, attendedMinutes: h.attendedMinutes },
        extra: { payerId: h.municipalityId, placementId: h.placementId, milestoneName: null, hourPeriodId: h.hourPeriodId, resultId: null, startMomentId: null, clientNumber: h.clientNumber, route: h.route },
      });
    }
  }
  if (kinds.has('PER_MODULE')) {
    for (const r of await moduleSources(manager, contractId, through)) {
      causes.push({
        cause: { kind: 'MODULE', resultId: r.resultId, placementId: r.placementId, clientNumber: r.clientNumber, route: r.route, module: r.module, completedOn: r.completedOn },
        extra: { payerId: r.municipalityId, placementId: r.placementId, milestoneName: null, hourPeriodId: null, resultId: r.resultId, startMomentId: null, clientNumber: r.clientNumber, route: r.route },
      });
    }
  }
  // Seats belong to no single municipality: they are invoiced only when the lead municipality pays for all.
  if (setting.seatPriceCents !== null && setting.payingPartyMode === 'LEAD_MUNICIPALITY') {
    for (const s of await seatSources(manager, contractId, through)) {
      causes.push({
        cause: { kind: 'SEAT', startMomentId: s.startMomentId, seats: s.seats, startsOn: s.startsOn, location: s.location },
        extra: { payerId: setting.leadMunicipalityId ?? '', placementId: null, milestoneName: null, hourPeriodId: null, resultId: null, startMomentId: s.startMomentId, clientNumber: null, route: null },
      });
    }
  }
  const violations: RuleViolation[] = [];
  const lines: PendingLine[] = [];
  for (const { cause, extra } of causes) {
    const derived = deriveInvoiceLine(cause, versions, { maxMinutesPerMonth: setting.maxMinutesPerMonth, seatPriceCents: setting.seatPriceCents === null ? null : Number(setting.seatPriceCents) });
    if (isRuleViolation(derived)) violations.push(derived);
    else lines.push({ ...derived, ...extra });
  }
  throwIfViolations(violations.slice(0, 1));
  return lines;
}

/** Marks the open and submitted invoices of a contract that would, on top of what is approved, pass its ceiling. */
export async function flagCeiling(manager: EntityManager, contractId: string, ceilingCents: number | null): Promise<void> {
  await manager.query(
    `UPDATE invoice i SET exceeds_ceiling = ($2::bigint IS NOT NULL AND approved.total
            + (SELECT coalesce(sum(il.amount_cents), 0) FROM invoice_line il WHERE il.invoice_id = i.id AND il.status <> 'DISPUTED') > $2::bigint)
       FROM (SELECT coalesce(sum(CASE WHEN x.document_type = 'CREDIT_NOTE' THEN -il.amount_cents ELSE il.amount_cents END), 0) AS total
               FROM invoice x JOIN invoice_line il ON il.invoice_id = x.id WHERE x.contract_id = $1 AND x.status = 'APPROVED' AND il.status <> 'DISPUTED') approved
      WHERE i.contract_id = $1 AND i.status <> 'APPROVED' AND i.document_type = 'INVOICE'`,
    [contractId, ceilingCents],
  );
}

/** Appends lines to an open invoice in one statement; a cause another run took first is skipped by the unique index. */
async function insertLines(manager: EntityManager, invoiceId: string, lines: PendingLine[]): Promise<void> {
  if (lines.length === 0) return;
  await manager.query(
    `INSERT INTO invoice_line (invoice_id, position, kind, cause_key, placement_id, milestone_name, hour_period_id, result_id, start_moment_id, client_number, route,
                               line_date, description, quantity, unit_code, unit_price_cents, base_quantity, amount_cents, price_model_valid_from)
     SELECT $1, (SELECT coalesce(max(position), 0) FROM invoice_line WHERE invoice_id = $1) + t.ord, t.kind, t.cause_key, t.placement_id, t.milestone_name, t.hour_period_id,
            t.result_id, t.start_moment_id, t.client_number, t.route, t.line_date, t.description, t.quantity, t.unit_code, t.unit_price_cents, t.base_quantity, t.amount_cents, t.valid_from
       FROM unnest($2::text[], $3::text[], $4::uuid[], $5::text[], $6::uuid[], $7::uuid[], $8::uuid[], $9::int[], $10::text[], $11::date[], $12::text[], $13::int[], $14::text[],
                   $15::bigint[], $16::int[], $17::bigint[], $18::date[]) WITH ORDINALITY
            t(kind, cause_key, placement_id, milestone_name, hour_period_id, result_id, start_moment_id, client_number, route, line_date, description, quantity, unit_code,
              unit_price_cents, base_quantity, amount_cents, valid_from, ord)
     ON CONFLICT (cause_key) WHERE active DO NOTHING`,
    [
      invoiceId, lines.map((l) => l.kind), lines.map((l) => l.causeKey), lines.map((l) => l.placementId), lines.map((l) => l.milestoneName), lines.map((l) => l.hourPeriodId),
      lines.map((l) => l.resultId), lines.map((l) => l.startMomentId), lines.map((l) => l.clientNumber), lines.map((l) => l.route), lines.map((l) => l.lineDate),
      lines.map((l) => l.description), lines.map((l) => l.quantity), lines.map((l) => l.unitCode), lines.map((l) => l.unitPriceCents), lines.map((l) => l.baseQuantity),
      lines.map((l) => l.amountCents), lines.map((l) => l.priceModelValidFrom),
    ],
  );
}

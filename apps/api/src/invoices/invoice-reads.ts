import { invoiceTotals, vatTreatmentOf, type InvoiceDocumentType, type InvoiceStatus, type VatCategory } from '@inburgering/domain';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { TenantScope } from '../tenancy';
import { InvoiceLineType, InvoiceType, type InvoiceLineKindGql } from './invoice.types';

// Reads of invoices with their lines, and the spend per contract: SQL with typed results.

interface InvoiceRow {
  id: string; document_type: InvoiceDocumentType; status: InvoiceStatus; number: string | null; contract_id: string; lot_name: string; provider_name: string;
  paying_municipality_name: string; month: string; issue_date: string | null; due_date: string | null; provider_reference: string | null; provider_note: string | null;
  vat_category: VatCategory; exceeds_ceiling: boolean; version: number; credited_invoice_id: string | null; credited_invoice_number: string | null;
}

interface LineRow {
  id: string; invoice_id: string; position: number; kind: InvoiceLineKindGql; client_number: number | null; route: string | null; line_date: string; description: string;
  quantity: number; unit_code: string; unit_price_cents: string; base_quantity: number; amount_cents: string; status: string; active: boolean;
  dispute_reason: string | null; disputed_at: Date | null;
}

/** The order of every invoice list: newest month first, then lot, paying municipality, document type and creation (the id breaks ties, so pages never overlap). */
const INVOICE_ORDER = 'i.month DESC, l.name, m.name, i.document_type, i.created_at, i.id';

function inInvoiceOrder<Q extends SelectQueryBuilder<ObjectLiteral>>(q: Q): Q {
  return q.orderBy('i.month', 'DESC').addOrderBy('l.name').addOrderBy('m.name').addOrderBy('i.document_type').addOrderBy('i.created_at').addOrderBy('i.id');
}

/** Lines that count on their document: everything but disputed lines (credited lines stay on the approved invoice). */
export const COUNTING_LINE = `il.status <> 'DISPUTED'`;

export async function loadInvoices(manager: EntityManager, ids: readonly string[]): Promise<InvoiceType[]> {
  if (ids.length === 0) return [];
  const invoices = await manager.query<InvoiceRow[]>(
    `SELECT i.id, i.document_type, i.status, i.number, i.contract_id, l.name AS lot_name, pr.name AS provider_name, m.name AS paying_municipality_name,
            i.month::text AS month, i.issue_date::text AS issue_date, i.due_date::text AS due_date, i.provider_reference, i.provider_note, i.vat_category,
            i.exceeds_ceiling, i.version, i.credited_invoice_id, ci.number AS credited_invoice_number
       FROM invoice i JOIN contract k ON k.id = i.contract_id JOIN lot l ON l.id = k.lot_id LEFT JOIN invoice ci ON ci.id = i.credited_invoice_id
       JOIN organisation pr ON pr.id = i.provider_id JOIN organisation m ON m.id = i.paying_municipality_id
      WHERE i.id = ANY($1::uuid[]) ORDER BY ${INVOICE_ORDER}`,
    [[...ids]],
  );
  const lines = await manager.query<LineRow[]>(
    `SELECT il.id, il.invoice_id, il.position, il.kind, il.client_number, il.route, il.line_date::text AS line_date, il.description, il.quantity, il.unit_code,
            il.unit_price_cents, il.base_quantity, il.amount_cents, il.status, il.active, d.reason AS dispute_reason, d.disputed_at
       FROM invoice_line il LEFT JOIN invoice_dispute d ON d.invoice_line_id = il.id
      WHERE il.invoice_id = ANY($1::uuid[]) ORDER BY il.position`,
    [[...ids]],
  );
  const byInvoice = new Map<string, LineRow[]>();
  for (const line of lines) byInvoice.set(line.invoice_id, [...(byInvoice.get(line.invoice_id) ?? []), line]);
  return invoices.map((row) => {
    const own = byInvoice.get(row.id) ?? [];
    const counting = own.filter((line) => line.status !== 'DISPUTED');
    const totals = invoiceTotals(counting.map((line) => Number(line.amount_cents)), vatTreatmentOf(row.vat_category));
    return Object.assign(new InvoiceType(), {
      id: row.id, documentType: row.document_type, status: row.status, number: row.number, contractId: row.contract_id, lotName: row.lot_name,
      providerName: row.provider_name, payingMunicipalityName: row.paying_municipality_name, month: row.month, issueDate: row.issue_date, dueDate: row.due_date,
      providerReference: row.provider_reference, providerNote: row.provider_note, vatCategory: row.vat_category, exceedsCeiling: row.exceeds_ceiling, version: row.version,
      creditedInvoiceId: row.credited_invoice_id, creditedInvoiceNumber: row.credited_invoice_number,
      lineTotalCents: totals.lineExtensionCents, vatCents: totals.taxCents, payableCents: totals.payableCents,
      lineCount: counting.length, disputedLineCount: own.length - counting.length,
      lines: own.map((line) => Object.assign(new InvoiceLineType(), {
        id: line.id, position: line.position, kind: line.kind, clientNumber: line.client_number, route: line.route, lineDate: line.line_date,
        description: line.description, quantity: line.quantity, unitCode: line.unit_code, unitPriceCents: Number(line.unit_price_cents), baseQuantity: line.base_quantity,
        amountCents: Number(line.amount_cents), status: line.status,
        dispute: line.dispute_reason !== null && line.disputed_at ? { reason: line.dispute_reason, disputedAt: line.disputed_at } : null,
      })),
    });
  });
}

export interface InvoiceListFilter {
  status?: InvoiceStatus | null;
  contractId?: string | null;
  month?: string | null;
}

/** The invoices a tenant may list (a provider its own, a municipality those it pays, a region those on its lots' contracts), filtered. */
function listableInvoices(manager: EntityManager, scope: TenantScope, filter: InvoiceListFilter): SelectQueryBuilder<ObjectLiteral> {
  const q = manager.createQueryBuilder().from('invoice', 'i').innerJoin('contract', 'k', 'k.id = i.contract_id').innerJoin('lot', 'l', 'l.id = k.lot_id')
    .innerJoin('organisation', 'm', 'm.id = i.paying_municipality_id');
  if (scope.kind === 'PROVIDER') q.where('i.provider_id = :pr', { pr: scope.providerId });
  else if (scope.kind === 'MUNICIPALITY') q.where('i.paying_municipality_id = :m', { m: scope.municipalityId });
  else q.where('l.region_id = :r', { r: scope.regionId });
  if (filter.status) q.andWhere('i.status = :status', { status: filter.status });
  if (filter.contractId) q.andWhere('i.contract_id = :contractId', { contractId: filter.contractId });
  if (filter.month) q.andWhere(`i.month = date_trunc('month', CAST(:month AS date))::date`, { month: filter.month });
  return q;
}

/** One page of the invoices a tenant may list, in list order, with how many there are in all. */
export async function pageInvoiceIds(manager: EntityManager, scope: TenantScope, filter: InvoiceListFilter, limit: number, offset: number): Promise<{ ids: string[]; total: number }> {
  const q = listableInvoices(manager, scope, filter);
  const [rows, count] = await Promise.all([
    inInvoiceOrder(q.clone().select('i.id', 'id')).offset(offset).limit(limit).getRawMany<{ id: string }>(),
    q.clone().select('count(*)::int', 'total').getRawOne<{ total: number }>(),
  ]);
  return { ids: rows.map((row) => row.id), total: count?.total ?? 0 };
}

/** Every invoice a tenant may list under the filter (for an export of a whole month, which must not stop at a page). */
export async function allInvoiceIds(manager: EntityManager, scope: TenantScope, filter: InvoiceListFilter): Promise<string[]> {
  const rows = await inInvoiceOrder(listableInvoices(manager, scope, filter).select('i.id', 'id')).getRawMany<{ id: string }>();
  return rows.map((row) => row.id);
}

export interface ContractSpend {
  approvedCents: number;
  submittedCents: number;
  disputedCents: number;
}

/** Spend under a contract: approved invoices minus approved credit notes, what is submitted, and what is disputed. */
export async function contractSpend(manager: EntityManager, contractIds: readonly string[]): Promise<Map<string, ContractSpend>> {
  const rows = await manager.query<{ contract_id: string; approved: string; submitted: string; disputed: string }[]>(
    `SELECT i.contract_id,
            coalesce(sum(CASE WHEN i.status = 'APPROVED' AND ${COUNTING_LINE} THEN (CASE WHEN i.document_type = 'CREDIT_NOTE' THEN -1 ELSE 1 END) * il.amount_cents END), 0) AS approved,
            coalesce(sum(CASE WHEN i.status = 'SUBMITTED' AND ${COUNTING_LINE} AND i.document_type = 'INVOICE' THEN il.amount_cents END), 0) AS submitted,
            coalesce(sum(CASE WHEN il.status = 'DISPUTED' THEN il.amount_cents END), 0) AS disputed
       FROM invoice i JOIN invoice_line il ON il.invoice_id = i.id
      WHERE i.contract_id = ANY($1::uuid[]) GROUP BY i.contract_id`,
    [[...contractIds]],
  );
  return new Map(rows.map((row) => [row.contract_id, { approvedCents: Number(row.approved), submittedCents: Number(row.submitted), disputedCents: Number(row.disputed) }]));
}

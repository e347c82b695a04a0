import { calendarDateInAmsterdam, type CalendarDate, type PriceModel, type PriceModelVersion } from '@inburgering/domain';
import type { EntityManager } from 'typeorm';
import type { ContractInvoiceSettingEntity } from '../database';

// The approved data an invoice is derived from, read set-based per contract: each query has a typed result.

export interface InvoicingContract {
  id: string;
  providerId: string;
  regionId: string;
  lotName: string;
  providerName: string;
  ceilingCents: number | null;
  contractPriceModel: PriceModel | null;
  lotPriceModel: PriceModel | null;
}

export async function loadInvoicingContract(manager: EntityManager, contractId: string): Promise<InvoicingContract | null> {
  const rows = await manager.query<{ id: string; provider_id: string; region_id: string; lot_name: string; provider_name: string; ceiling_cents: string | null; contract_price: PriceModel | null; lot_price: PriceModel | null }[]>(
    `SELECT k.id, k.provider_id, l.region_id, l.name AS lot_name, o.name AS provider_name, k.ceiling_cents, k.price_model AS contract_price, l.price_model AS lot_price
       FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation o ON o.id = k.provider_id WHERE k.id = $1`,
    [contractId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id, providerId: row.provider_id, regionId: row.region_id, lotName: row.lot_name, providerName: row.provider_name,
    ceilingCents: row.ceiling_cents === null ? null : Number(row.ceiling_cents), contractPriceModel: row.contract_price, lotPriceModel: row.lot_price,
  };
}

/** The contract's invoicing settings, with the defaults when none were saved. */
export async function loadInvoiceSetting(manager: EntityManager, contractId: string): Promise<Omit<ContractInvoiceSettingEntity, 'contract' | 'leadMunicipality'>> {
  const found = await manager.query<{ paying_party_mode: string; lead_municipality_id: string | null; vat_category: string; payment_terms_days: number; max_minutes_per_month: number | null; seat_price_cents: string | null; trajectory_months: number; buyer_reference: string | null }[]>(
    `SELECT * FROM contract_invoice_setting WHERE contract_id = $1`, [contractId],
  );
  const row = found[0];
  return {
    contractId,
    payingPartyMode: row?.paying_party_mode ?? 'OWN_MUNICIPALITY',
    leadMunicipalityId: row?.lead_municipality_id ?? null,
    vatCategory: row?.vat_category ?? 'E',
    paymentTermsDays: row?.payment_terms_days ?? 30,
    maxMinutesPerMonth: row?.max_minutes_per_month ?? null,
    seatPriceCents: row?.seat_price_cents ?? null,
    trajectoryMonths: row?.trajectory_months ?? 12,
    buyerReference: row?.buyer_reference ?? null,
  };
}

/**
 * The price model versions of a contract from its change history: each change of the price model applies from the date it
 * names (validFrom), else from the day it was made; before the first change the model the contract started with (its own, else the lot's).
 */
export async function loadPriceModelVersions(manager: EntityManager, contract: InvoicingContract): Promise<PriceModelVersion[]> {
  const changes = await manager.query<{ version: number; changed_at: Date; valid_from: CalendarDate | null; from_model: PriceModel | null; to_model: PriceModel | null }[]>(
    `SELECT version, changed_at, changes->'priceModel'->>'validFrom' AS valid_from, changes->'priceModel'->'from' AS from_model, changes->'priceModel'->'to' AS to_model
       FROM contract_version WHERE contract_id = $1 AND changes ? 'priceModel' ORDER BY version`,
    [contract.id],
  );
  const effective = (model: PriceModel | null): PriceModel | null => model ?? contract.lotPriceModel;
  const versions: { validFrom: CalendarDate; model: PriceModel | null }[] = [];
  if (changes.length === 0 || changes[0].version > 1) {
    versions.push({ validFrom: '1900-01-01', model: effective(changes.length === 0 ? contract.contractPriceModel : changes[0].from_model) });
  }
  for (const change of changes) {
    const validFrom = change.version === 1 ? '1900-01-01' : change.valid_from ?? calendarDateInAmsterdam(new Date(change.changed_at));
    versions.push({ validFrom, model: effective(change.to_model) });
  }
  return versions.filter((v): v is PriceModelVersion => v.model !== null);
}

export interface PlacementSource {
  placementId: string;
  municipalityId: string;
  clientNumber: number;
  route: string;
  startDate: CalendarDate | null;
  endedOn: CalendarDate | null;
  completed: boolean;
}

/** Started placements of the contract (the milestones follow from their start, completion and planned length). */
export function placementSources(manager: EntityManager, contractId: string, through: CalendarDate): Promise<PlacementSource[]> {
  return manager.query<PlacementSource[]>(
    `SELECT p.id AS "placementId", p.municipality_id AS "municipalityId", c.client_number AS "clientNumber", p.route,
            p.start_date::text AS "startDate", p.ended_on::text AS "endedOn", (p.status = 'ENDED' AND p.end_reason = 'COMPLETED') AS completed
       FROM placement p JOIN client c ON c.id = p.client_id
      WHERE p.contract_id = $1 AND p.status IN ('STARTED', 'ENDED') AND p.start_date IS NOT NULL AND p.start_date <= $2
      ORDER BY c.client_number, p.id`,
    [contractId, through],
  );
}

export interface HourSource {
  placementId: string;
  municipalityId: string;
  clientNumber: number;
  route: string;
  hourPeriodId: string;
  month: CalendarDate;
  attendedMinutes: number;
}

/** Approved months of hours (current revisions) per placement of the contract, up to and including `through`'s month. */
export function hourSources(manager: EntityManager, contractId: string, through: CalendarDate): Promise<HourSource[]> {
  return manager.query<HourSource[]>(
    `SELECT cur.placement_id AS "placementId", p.municipality_id AS "municipalityId", c.client_number AS "clientNumber", p.route,
            hp.id AS "hourPeriodId", hp.month::text AS month, sum(cur.attended_minutes)::int AS "attendedMinutes"
       FROM (SELECT DISTINCT ON (h.placement_id, h.lesson_date, h.category) h.*
               FROM hour_entry h JOIN placement pp ON pp.id = h.placement_id
              WHERE pp.contract_id = $1 AND h.lesson_date <= $2
              ORDER BY h.placement_id, h.lesson_date, h.category, h.revision DESC) cur
       JOIN placement p ON p.id = cur.placement_id
       JOIN client c ON c.id = p.client_id
       JOIN hour_period hp ON hp.provider_id = cur.provider_id AND hp.municipality_id = cur.municipality_id
                          AND hp.month = date_trunc('month', cur.lesson_date)::date AND hp.status = 'APPROVED'
      GROUP BY cur.placement_id, p.municipality_id, c.client_number, p.route, hp.id, hp.month
     HAVING sum(cur.attended_minutes) > 0
      ORDER BY hp.month, c.client_number`,
    [contractId, through],
  );
}

export interface ModuleSource {
  resultId: string;
  placementId: string;
  municipalityId: string;
  clientNumber: number;
  route: string;
  module: string;
  completedOn: CalendarDate;
}

/** Completed modules (MAP, PVT, KNM) recorded on the contract's placements. */
export function moduleSources(manager: EntityManager, contractId: string, through: CalendarDate): Promise<ModuleSource[]> {
  return manager.query<ModuleSource[]>(
    `SELECT ir.id AS "resultId", p.id AS "placementId", p.municipality_id AS "municipalityId", c.client_number AS "clientNumber", p.route,
            ir.kind AS module, ir.result_date::text AS "completedOn"
       FROM integration_result ir JOIN placement p ON p.id = ir.placement_id JOIN client c ON c.id = ir.client_id
      WHERE p.contract_id = $1 AND ir.kind IN ('MAP', 'PVT', 'KNM') AND ir.passed IS DISTINCT FROM false AND ir.result_date <= $2
      ORDER BY ir.result_date, c.client_number`,
    [contractId, through],
  );
}

export interface SeatSource {
  startMomentId: string;
  seats: number;
  startsOn: CalendarDate;
  location: string;
}

export function seatSources(manager: EntityManager, contractId: string, through: CalendarDate): Promise<SeatSource[]> {
  return manager.query<SeatSource[]>(
    `SELECT id AS "startMomentId", seats, starts_on::text AS "startsOn", location FROM start_moment WHERE contract_id = $1 AND starts_on <= $2 ORDER BY starts_on`,
    [contractId, through],
  );
}

/** The latest day a line of the contract was invoiced for (any invoice, disputed lines not counted); null before the first invoice. */
export async function lastInvoicedLineDate(manager: EntityManager, contractId: string): Promise<CalendarDate | null> {
  const [row] = await manager.query<{ last: string | null }[]>(
    `SELECT max(il.line_date)::text AS last FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id
      WHERE i.contract_id = $1 AND i.document_type = 'INVOICE' AND il.status <> 'DISPUTED'`,
    [contractId],
  );
  return row?.last ?? null;
}

/** Cause keys already held by an active line (on any invoice), and those disputed on the given invoices. */
export async function takenCauseKeys(manager: EntityManager, contractId: string): Promise<{ active: Set<string>; disputedOn: Map<string, Set<string>> }> {
  const rows = await manager.query<{ cause_key: string; active: boolean; status: string; invoice_id: string }[]>(
    `SELECT il.cause_key, il.active, il.status, il.invoice_id FROM invoice_line il JOIN invoice i ON i.id = il.invoice_id WHERE i.contract_id = $1`,
    [contractId],
  );
  const active = new Set<string>();
  const disputedOn = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.active) active.add(row.cause_key);
    if (row.status === 'DISPUTED') {
      const set = disputedOn.get(row.invoice_id) ?? new Set<string>();
      set.add(row.cause_key);
      disputedOn.set(row.invoice_id, set);
    }
  }
  return { active, disputedOn };
}

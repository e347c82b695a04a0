import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { periodMonthOf, vatTreatmentOf } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { AccessService } from '../access';
import { ValidationAppError } from '../common';
import { type Actor, municipalityScopeOf, tenantScopeOf } from '../tenancy';
import { invoicesCsv, invoicesXlsx } from './invoice-export';
import { renderInvoicePdf } from './invoice-pdf';
import { allInvoiceIds, loadInvoices } from './invoice-reads';
import { loadInvoiceSetting } from './invoice-sources';
import type { InvoiceType } from './invoice.types';
import { buildUblDocument, type UblParty } from './ubl-document';

export interface InvoiceFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

interface PartyRow {
  name: string; kvk_number: string | null; oin: string | null; iban: string | null; vat_number: string | null; street: string | null; postal_code: string | null; city: string | null;
}

/** The files of an invoice (e-invoice, PDF) and the municipality's period export. */
@Injectable()
export class InvoiceDocumentsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
  ) {}

  async ubl(actor: Actor, id: string): Promise<InvoiceFile> {
    const { invoice, seller, buyer, setting, contractReference } = await this.load(actor, id);
    if (invoice.status !== 'APPROVED' || !invoice.number || !invoice.issueDate || !invoice.dueDate) {
      throw new ValidationAppError([{ field: 'id', code: 'INVOICE_NOT_FINAL', message: 'Een e-factuur bestaat pas als de factuur is goedgekeurd en een nummer heeft.' }]);
    }
    const missing: { field: string; message: string }[] = [];
    if (!seller.kvkNumber) missing.push({ field: 'seller.kvkNumber', message: `Het KvK-nummer van ${seller.name} ontbreekt.` });
    if (!seller.vatNumber) missing.push({ field: 'seller.vatNumber', message: `Het btw-identificatienummer van ${seller.name} ontbreekt; dat is ook bij vrijgestelde prestaties verplicht.` });
    if (!buyer.oin) missing.push({ field: 'buyer.oin', message: `Het OIN van ${buyer.name} ontbreekt.` });
    for (const [party, data] of [['seller', seller], ['buyer', buyer]] as const) {
      if (!data.street || !data.postalCode || !data.city) missing.push({ field: `${party}.address`, message: `Het adres van ${data.name} is niet volledig.` });
    }
    if (missing.length > 0) throw new ValidationAppError(missing, 'De e-factuur kan niet worden gemaakt: er ontbreken gegevens.');
    const [credited] = invoice.creditedInvoiceId
      ? await this.db.manager.query<{ number: string; issue_date: string }[]>(`SELECT number, issue_date::text AS issue_date FROM invoice WHERE id = $1`, [invoice.creditedInvoiceId])
      : [];
    const xml = await buildUblDocument({
      documentType: invoice.documentType, creditedInvoice: credited ? { number: credited.number, issueDate: credited.issue_date } : null, number: invoice.number, issueDate: invoice.issueDate, dueDate: invoice.dueDate, month: invoice.month,
      buyerReference: setting.buyerReference ?? contractReference, contractReference, note: invoice.providerNote, seller, buyer,
      paymentTermsDays: setting.paymentTermsDays, vat: vatTreatmentOf(invoice.vatCategory),
      lines: invoice.lines.filter((line) => line.status !== 'DISPUTED').map((line) => ({
        position: line.position, name: line.description.split(',')[0].slice(0, 100), description: line.description, quantity: line.quantity, unitCode: line.unitCode,
        unitPriceCents: line.unitPriceCents, baseQuantity: line.baseQuantity, amountCents: line.amountCents,
      })),
    });
    return { filename: `${invoice.number}.xml`, contentType: 'application/xml; charset=utf-8', content: Buffer.from(xml, 'utf8') };
  }

  async pdf(actor: Actor, id: string): Promise<InvoiceFile> {
    const { invoice, seller, buyer, setting, contractReference } = await this.load(actor, id);
    const content = await renderInvoicePdf({
      invoice, seller, buyer, buyerReference: setting.buyerReference ?? contractReference, paymentTermsDays: setting.paymentTermsDays,
      vatExemptionReason: vatTreatmentOf(invoice.vatCategory).exemptionReason,
    });
    return { filename: `${invoice.number ?? `voorstel-${invoice.month.slice(0, 7)}`}.pdf`, contentType: 'application/pdf', content };
  }

  /** The paying municipality's approved invoices of a month, line by line, as XLSX or CSV. */
  async export(actor: Actor, month: string | undefined, format: string | undefined): Promise<InvoiceFile> {
    municipalityScopeOf(actor);
    if (!month || !/^\d{4}-\d{2}-\d{2}$/.test(month)) throw new ValidationAppError([{ field: 'month', message: 'Kies de maand die u wilt exporteren.' }]);
    const period = periodMonthOf(month);
    const ids = await allInvoiceIds(this.db.manager, tenantScopeOf(actor), { status: 'APPROVED', month: period });
    const invoices = await loadInvoices(this.db.manager, ids);
    const xlsx = format !== 'csv';
    return {
      filename: `facturen-${period.slice(0, 7)}.${xlsx ? 'xlsx' : 'csv'}`,
      contentType: xlsx ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv; charset=utf-8',
      content: xlsx ? await invoicesXlsx(invoices) : invoicesCsv(invoices),
    };
  }

  private async load(actor: Actor, id: string): Promise<{ invoice: InvoiceType; seller: UblParty; buyer: UblParty; setting: Awaited<ReturnType<typeof loadInvoiceSetting>>; contractReference: string }> {
    await this.access.requireOne(actor, 'invoice', id);
    const [invoice] = await loadInvoices(this.db.manager, [id]);
    const parties = await this.db.manager.query<(PartyRow & { role: string })[]>(
      `SELECT r.role, o.name, o.kvk_number, ip.oin, ip.iban, ip.vat_number, ip.street, ip.postal_code, ip.city
         FROM invoice i CROSS JOIN LATERAL (VALUES ('seller', i.provider_id), ('buyer', i.paying_municipality_id)) r(role, organisation_id)
         JOIN organisation o ON o.id = r.organisation_id LEFT JOIN invoice_party ip ON ip.organisation_id = o.id WHERE i.id = $1`,
      [id],
    );
    const party = (role: string): UblParty => {
      const row = parties.find((p) => p.role === role)!;
      return { name: row.name, kvkNumber: row.kvk_number, oin: row.oin, iban: row.iban, vatNumber: row.vat_number, street: row.street ?? '', postalCode: row.postal_code ?? '', city: row.city ?? '' };
    };
    const setting = await loadInvoiceSetting(this.db.manager, invoice.contractId);
    return { invoice, seller: party('seller'), buyer: party('buyer'), setting, contractReference: `${invoice.lotName} (${invoice.contractId.slice(0, 8)})` };
  }
}

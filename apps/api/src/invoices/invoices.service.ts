import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, ceilingPercentSpent, ceilingThresholdsCrossed, checkDisputeReason, checkPeriodHasApprovedData, formatEuroCentsNl, formatInvoiceNumber, periodMonthOf } from '@inburgering/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { AccessService } from '../access';
import { Clock } from '../clock';
import { ConflictAppError, requirePage, throwIfViolations, ValidationAppError } from '../common';
import { ContractInvoiceSettingEntity, InvoiceEntity } from '../database';
import { raiseSignals } from '../signals';
import { type Actor, municipalityScopeOf, providerScopeOf, regionScopeOf, tenantScopeOf } from '../tenancy';
import { flagCeiling, generateInvoiceProposals } from './invoice-generation';
import { contractSpend, loadInvoices, pageInvoiceIds } from './invoice-reads';
import { loadInvoiceSetting, loadInvoicingContract } from './invoice-sources';
import {
  ApproveInvoiceInput, ContractInvoiceSettingInput, ContractInvoicingType, DisputeInvoiceInput, GenerateInvoicesInput, InvoiceFilterInput, type InvoicePageType, InvoiceType, SubmitInvoiceInput,
} from './invoice.types';

export const MAX_INVOICE_PAGE = 200;

/** Invoices derived from approved data: generated per contract, month and paying party; submitted, approved or disputed. */
@Injectable()
export class InvoicesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  /** One page of the invoices the actor's organisation may see (see `pageInvoiceIds`), with their lines and the total. */
  async page(actor: Actor, filter: InvoiceFilterInput | null, limit: number, offset: number): Promise<InvoicePageType> {
    requirePage(limit, offset, MAX_INVOICE_PAGE, 'facturen');
    const { ids, total } = await pageInvoiceIds(this.db.manager, tenantScopeOf(actor), filter ?? {}, limit, offset);
    return { items: await loadInvoices(this.db.manager, ids), total };
  }

  async one(actor: Actor, id: string): Promise<InvoiceType> {
    await this.access.requireOne(actor, 'invoice', id);
    const [invoice] = await loadInvoices(this.db.manager, [id]);
    return invoice;
  }

  /**
   * Derives the proposals of one contract and month, one per paying party. Idempotent: a cause already on an active line
   * (any invoice) is skipped, and the database refuses a second active line per cause even under concurrent runs.
   */
  async generate(actor: Actor, input: GenerateInvoicesInput): Promise<InvoiceType[]> {
    const providerId = providerScopeOf(actor);
    await this.access.requireOne(actor, 'contract', input.contractId);
    const month = periodMonthOf(input.month);
    const ids = await this.db.transaction((manager) => generateInvoiceProposals(manager, input.contractId, providerId, month));
    if (!ids) throw this.access.notFound('contract');
    return loadInvoices(this.db.manager, ids);
  }

  async submit(actor: Actor, input: SubmitInvoiceInput): Promise<InvoiceType> {
    providerScopeOf(actor);
    await this.access.requireOne(actor, 'invoice', input.invoiceId);
    await this.db.transaction(async (manager) => {
      const invoice = await this.lock(manager, input.invoiceId);
      if (invoice.submitIdempotencyKey === input.idempotencyKey) return; // a retry of the same submission
      if (invoice.status !== 'PROPOSAL' && invoice.status !== 'DISPUTED') {
        throw new ConflictAppError('Deze factuur is al ingediend; u kunt haar niet opnieuw indienen.');
      }
      const [{ count }] = await manager.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM invoice_line WHERE invoice_id = $1 AND status <> 'DISPUTED'`, [invoice.id]);
      if (count === 0) throwIfViolations(checkPeriodHasApprovedData(0, invoice.month).map((v) => ({ ...v, field: 'invoiceId' })));
      await manager.getRepository(InvoiceEntity).update(invoice.id, {
        status: 'SUBMITTED', providerReference: input.providerReference?.trim() || null, providerNote: input.providerNote?.trim() || null,
        submitIdempotencyKey: input.idempotencyKey, submittedAt: this.clock.now(), submittedByUserId: actor.userId, version: invoice.version + 1,
      });
      const contract = await loadInvoicingContract(manager, invoice.contractId);
      await flagCeiling(manager, invoice.contractId, contract?.ceilingCents ?? null);
    });
    return this.one(actor, input.invoiceId);
  }

  /** Approves a submitted invoice: final and numbered (no gaps per provider). Of two concurrent approvals one wins, the other gets a conflict. */
  async approve(actor: Actor, input: ApproveInvoiceInput): Promise<InvoiceType> {
    const municipalityId = municipalityScopeOf(actor);
    await this.access.requireOne(actor, 'invoice', input.invoiceId);
    await this.db.transaction(async (manager) => {
      const invoice = await this.lock(manager, input.invoiceId);
      if (invoice.payingMunicipalityId !== municipalityId) throw this.access.notFound('invoice');
      if (invoice.status === 'APPROVED') throw new ConflictAppError('Deze factuur is zojuist al goedgekeurd; er is niets meer te doen.', [{ field: 'version', message: 'Al goedgekeurd.' }]);
      if (invoice.status !== 'SUBMITTED') throw new ConflictAppError('Deze factuur is niet ingediend; alleen een ingediende factuur kunt u goedkeuren.');
      if (invoice.version !== input.version) {
        throw new ConflictAppError('Deze factuur is gewijzigd sinds u haar opende. Laad haar opnieuw en beoordeel de nieuwe versie.', [{ field: 'version', message: 'Verouderde versie.' }]);
      }
      const contract = await loadInvoicingContract(manager, invoice.contractId);
      const setting = await loadInvoiceSetting(manager, invoice.contractId);
      const before = (await contractSpend(manager, [invoice.contractId])).get(invoice.contractId)?.approvedCents ?? 0;
      await manager.query(`INSERT INTO invoice_number_counter (provider_id) VALUES ($1) ON CONFLICT DO NOTHING`, [invoice.providerId]);
      const [[{ last_sequence: sequence }]] = await manager.query<[{ last_sequence: number }[], number]>(
        `UPDATE invoice_number_counter SET last_sequence = last_sequence + 1 WHERE provider_id = $1 RETURNING last_sequence`, [invoice.providerId],
      );
      const today = this.clock.today();
      await manager.getRepository(InvoiceEntity).update(invoice.id, {
        status: 'APPROVED', sequence, number: formatInvoiceNumber(Number(today.slice(0, 4)), sequence, invoice.documentType === 'CREDIT_NOTE' ? 'CREDIT_NOTE' : 'INVOICE'),
        issueDate: today, dueDate: addDays(today, setting.paymentTermsDays), decidedAt: this.clock.now(), decidedByUserId: actor.userId, version: invoice.version + 1,
      });
      const after = (await contractSpend(manager, [invoice.contractId])).get(invoice.contractId)?.approvedCents ?? 0;
      if (contract) await this.signalCeiling(manager, contract, before, after);
    });
    return this.one(actor, input.invoiceId);
  }

  /** Disputes lines of a submitted invoice, each with a reason; they go back to their source and the invoice back to the provider. */
  async dispute(actor: Actor, input: DisputeInvoiceInput): Promise<InvoiceType> {
    const municipalityId = municipalityScopeOf(actor);
    throwIfViolations(input.lines.flatMap((line, index) => checkDisputeReason(line.reason, `lines.${index}.reason`)));
    await this.access.requireOne(actor, 'invoice', input.invoiceId);
    await this.db.transaction(async (manager) => {
      const invoice = await this.lock(manager, input.invoiceId);
      if (invoice.payingMunicipalityId !== municipalityId) throw this.access.notFound('invoice');
      if (invoice.status !== 'SUBMITTED') throw new ConflictAppError('Alleen regels van een ingediende factuur kunt u betwisten; deze factuur is al beoordeeld of nog niet ingediend.');
      if (invoice.documentType === 'CREDIT_NOTE') {
        throw new ValidationAppError([{ field: 'invoiceId', code: 'CREDIT_NOTE_NOT_DISPUTABLE', message: 'Een creditnota volgt uit gecorrigeerde gegevens en kunt u niet betwisten; keur haar goed. Klopt de correctie niet, laat die dan aan de bron herstellen.' }]);
      }
      const lineIds = input.lines.map((line) => line.lineId);
      const found = await manager.query<{ id: string }[]>(`SELECT id FROM invoice_line WHERE invoice_id = $1 AND id = ANY($2::uuid[]) AND status = 'OPEN'`, [invoice.id, lineIds]);
      const known = new Set(found.map((row) => row.id));
      const unknown = input.lines.findIndex((line) => !known.has(line.lineId));
      if (unknown >= 0) throw new ValidationAppError([{ field: `lines.${unknown}.lineId`, code: 'LINE_NOT_ON_INVOICE', message: 'Deze regel staat niet (meer) open op deze factuur.' }]);
      await manager.query(
        `INSERT INTO invoice_dispute (invoice_id, invoice_line_id, reason, disputed_by_user_id) SELECT $1, t.line_id, t.reason, $4 FROM unnest($2::uuid[], $3::text[]) t(line_id, reason)`,
        [invoice.id, lineIds, input.lines.map((line) => line.reason!.trim()), actor.userId],
      );
      await manager.query(`UPDATE invoice_line SET status = 'DISPUTED', active = false WHERE id = ANY($1::uuid[])`, [lineIds]);
      await manager.getRepository(InvoiceEntity).update(invoice.id, { status: 'DISPUTED', decidedAt: this.clock.now(), decidedByUserId: actor.userId, version: invoice.version + 1, submitIdempotencyKey: null });
    });
    return this.one(actor, input.invoiceId);
  }

  /** Per contract of the region: the ceiling against what is approved, submitted and disputed. */
  async contractOverview(actor: Actor): Promise<ContractInvoicingType[]> {
    const regionId = regionScopeOf(actor);
    const contracts = await this.db.manager.query<{ id: string; lot_name: string; provider_name: string; ceiling_cents: string | null }[]>(
      `SELECT k.id, l.name AS lot_name, o.name AS provider_name, k.ceiling_cents FROM contract k JOIN lot l ON l.id = k.lot_id JOIN organisation o ON o.id = k.provider_id
        WHERE l.region_id = $1 ORDER BY l.name, o.name`,
      [regionId],
    );
    const spend = await contractSpend(this.db.manager, contracts.map((c) => c.id));
    return contracts.map((c) => {
      const s = spend.get(c.id) ?? { approvedCents: 0, submittedCents: 0, disputedCents: 0 };
      const ceiling = c.ceiling_cents === null ? null : Number(c.ceiling_cents);
      return Object.assign(new ContractInvoicingType(), { contractId: c.id, lotName: c.lot_name, providerName: c.provider_name, ceilingCents: ceiling, ...s, percentOfCeiling: ceilingPercentSpent(s.approvedCents, ceiling) });
    });
  }

  /** The projectleider sets who pays a contract's invoices, the VAT treatment, payment terms and the order reference. */
  async saveSetting(actor: Actor, input: ContractInvoiceSettingInput): Promise<boolean> {
    await this.access.requireOne(actor, 'contract', input.contractId);
    regionScopeOf(actor);
    if (input.payingPartyMode === 'LEAD_MUNICIPALITY') {
      if (!input.leadMunicipalityId) throw new ValidationAppError([{ field: 'leadMunicipalityId', code: 'LEAD_MUNICIPALITY_REQUIRED', message: 'Kies de centrumgemeente die alle facturen betaalt.' }]);
      await this.access.require(actor, 'municipality', [input.leadMunicipalityId]);
    }
    if (input.paymentTermsDays < 0 || input.paymentTermsDays > 120) {
      throw new ValidationAppError([{ field: 'paymentTermsDays', code: 'PAYMENT_TERMS_INVALID', message: 'De betaaltermijn moet tussen 0 en 120 dagen liggen.' }]);
    }
    await this.db.createQueryBuilder().insert().into(ContractInvoiceSettingEntity)
      .values({
        contractId: input.contractId, payingPartyMode: input.payingPartyMode, leadMunicipalityId: input.payingPartyMode === 'LEAD_MUNICIPALITY' ? input.leadMunicipalityId! : null,
        vatCategory: input.vatCategory, paymentTermsDays: input.paymentTermsDays, buyerReference: input.buyerReference?.trim() || null,
      })
      .orUpdate(['paying_party_mode', 'lead_municipality_id', 'vat_category', 'payment_terms_days', 'buyer_reference'], ['contract_id'])
      .execute();
    return true;
  }

  private async lock(manager: EntityManager, id: string): Promise<InvoiceEntity> {
    const invoice = await manager.getRepository(InvoiceEntity).createQueryBuilder('i').where('i.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!invoice) throw this.access.notFound('invoice');
    return invoice;
  }

  /** Signals the region's projectleider once when approved spend reaches 80% and once at 100% of the ceiling. */
  private async signalCeiling(manager: EntityManager, contract: { id: string; regionId: string; lotName: string; providerName: string; ceilingCents: number | null }, before: number, after: number): Promise<void> {
    const crossed = ceilingThresholdsCrossed(before, after, contract.ceilingCents);
    await raiseSignals(manager, crossed.map((percent) => ({
      kind: percent >= 100 ? 'INVOICE_CEILING_REACHED' : 'INVOICE_CEILING_WARNING',
      organisationId: contract.regionId,
      subjectType: 'contract',
      subjectId: contract.id,
      occurrenceKey: `ceiling-${percent}:${contract.id}`,
      message: `De goedgekeurde facturen van ${contract.providerName} (${contract.lotName}) staan op ${formatEuroCentsNl(after)}: ${percent}% of meer van het contractplafond van ${formatEuroCentsNl(contract.ceilingCents ?? 0)}.`,
    })));
  }
}

import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { AppUserEntity } from './app-user.entity';
import { ContractEntity } from './contract.entity';
import { HourPeriodEntity } from './hour-period.entity';
import { IntegrationResultEntity } from './integration-result.entity';
import { OrganisationEntity } from './organisation.entity';
import { PlacementEntity } from './placement.entity';
import { StartMomentEntity } from './start-moment.entity';

/** How a contract is invoiced: who pays, VAT, payment terms, caps and the buyer's order reference. Defaults apply without a row. */
@Entity({ name: 'contract_invoice_setting' })
export class ContractInvoiceSettingEntity {
  @PrimaryColumn({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contract_id' }) contract?: ContractEntity;
  /** OWN_MUNICIPALITY (each municipality for its own clients) or LEAD_MUNICIPALITY (the region's lead municipality for all). */
  @Column({ name: 'paying_party_mode', type: 'text', default: 'OWN_MUNICIPALITY' }) payingPartyMode!: string;
  @Column({ name: 'lead_municipality_id', type: 'uuid', nullable: true }) leadMunicipalityId!: string | null;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'lead_municipality_id' }) leadMunicipality?: OrganisationEntity;
  /** UNCL5305 VAT category: E (exempt, the default for civic integration courses) or S (standard rate). */
  @Column({ name: 'vat_category', type: 'text', default: 'E' }) vatCategory!: string;
  @Column({ name: 'payment_terms_days', type: 'integer', default: 30 }) paymentTermsDays!: number;
  /** Cap on invoiceable minutes per placement per month (price per hour); null: no cap. */
  @Column({ name: 'max_minutes_per_month', type: 'integer', nullable: true }) maxMinutesPerMonth!: number | null;
  /** Fixed amount per seat of a start moment; null: seats are not invoiced. */
  @Column({ name: 'seat_price_cents', type: 'bigint', nullable: true }) seatPriceCents!: string | null;
  /** Planned trajectory length: milestones between start and completion fall at equal shares of it. */
  @Column({ name: 'trajectory_months', type: 'integer', default: 12 }) trajectoryMonths!: number;
  /** The municipality's order reference for this contract (BT-10, Peppol BuyerReference). */
  @Column({ name: 'buyer_reference', type: 'text', nullable: true }) buyerReference!: string | null;
}

/** What an e-invoice needs of an organisation beyond its master data: OIN (municipality), IBAN, VAT number, address. */
@Entity({ name: 'invoice_party' })
export class InvoicePartyEntity {
  @PrimaryColumn({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'organisation_id' }) organisation?: OrganisationEntity;
  /** Organisatie-identificatienummer (20 digits), Peppol scheme 0190. */
  @Column({ type: 'text', nullable: true }) oin!: string | null;
  @Column({ type: 'text', nullable: true }) iban!: string | null;
  @Column({ name: 'vat_number', type: 'text', nullable: true }) vatNumber!: string | null;
  @Column({ type: 'text', nullable: true }) street!: string | null;
  @Column({ name: 'postal_code', type: 'text', nullable: true }) postalCode!: string | null;
  @Column({ type: 'text', nullable: true }) city!: string | null;
}

/**
 * An invoice or credit note of a provider to the paying municipality for one contract and month. PROPOSAL → SUBMITTED
 * (provider) → APPROVED (final, numbered) or DISPUTED (lines sent back; the provider resubmits the rest).
 */
@Entity({ name: 'invoice' })
@Index(['contractId', 'payingMunicipalityId', 'month'], { unique: true, where: `"document_type" = 'INVOICE'` })
@Index(['providerId', 'sequence'], { unique: true, where: 'sequence IS NOT NULL' })
export class InvoiceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  /** INVOICE or CREDIT_NOTE. */
  @Column({ name: 'document_type', type: 'text' }) documentType!: string;
  @Index() @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_id' }) provider?: OrganisationEntity;
  @Index() @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'contract_id' }) contract?: ContractEntity;
  @Index() @Column({ name: 'paying_municipality_id', type: 'uuid' }) payingMunicipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'paying_municipality_id' }) payingMunicipality?: OrganisationEntity;
  /** First day of the invoiced month. */
  @Column({ type: 'date' }) month!: string;
  @Column({ type: 'text', default: 'PROPOSAL' }) status!: string;
  /** Gapless per provider, given on approval. */
  @Column({ type: 'integer', nullable: true }) sequence!: number | null;
  @Column({ type: 'text', nullable: true }) number!: string | null;
  @Column({ name: 'issue_date', type: 'date', nullable: true }) issueDate!: string | null;
  @Column({ name: 'due_date', type: 'date', nullable: true }) dueDate!: string | null;
  @Column({ name: 'provider_reference', type: 'text', nullable: true }) providerReference!: string | null;
  @Column({ name: 'provider_note', type: 'text', nullable: true }) providerNote!: string | null;
  @Column({ name: 'vat_category', type: 'text', default: 'E' }) vatCategory!: string;
  /** Would this invoice, on top of what was approved before, pass the contract ceiling? Shown to both sides. */
  @Column({ name: 'exceeds_ceiling', type: 'boolean', default: false }) exceedsCeiling!: boolean;
  /** A credit note: the invoice whose lines it credits (BT-25). */
  @Index('IDX_invoice_credited_invoice') @Column({ name: 'credited_invoice_id', type: 'uuid', nullable: true }) creditedInvoiceId!: string | null;
  @ManyToOne(() => InvoiceEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'credited_invoice_id' }) creditedInvoice?: InvoiceEntity;
  @Index({ unique: true }) @Column({ name: 'submit_idempotency_key', type: 'text', nullable: true }) submitIdempotencyKey!: string | null;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'submitted_by_user_id', type: 'uuid', nullable: true }) submittedByUserId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'submitted_by_user_id' }) submittedBy?: AppUserEntity;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true }) decidedByUserId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'decided_by_user_id' }) decidedBy?: AppUserEntity;
  /** Optimistic lock: an approval names the version it saw. */
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/**
 * One line, pointing at its cause (a placement's milestone, an approved hour month, a module result, a start moment).
 * `cause_key` is unique among active lines: a milestone or an hour is invoiced at most once across all invoices.
 */
@Entity({ name: 'invoice_line' })
@Index(['causeKey'], { unique: true, where: 'active' })
@Index('IDX_invoice_line_credits_line', ['creditsLineId'], { unique: true, where: '"credits_line_id" IS NOT NULL' })
@Check('CHK_invoice_line_credit_inactive', `"credits_line_id" IS NULL OR NOT "active"`)
@Check('CHK_invoice_line_credited_inactive', `"status" <> 'CREDITED' OR NOT "active"`)
export class InvoiceLineEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'invoice_id', type: 'uuid' }) invoiceId!: string;
  @ManyToOne(() => InvoiceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'invoice_id' }) invoice?: InvoiceEntity;
  @Column({ type: 'integer' }) position!: number;
  /** MILESTONE, HOURS, MODULE, SEAT (a credit note line keeps the kind of the line it credits). */
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'cause_key', type: 'text' }) causeKey!: string;
  @Index() @Column({ name: 'placement_id', type: 'uuid', nullable: true }) placementId!: string | null;
  @ManyToOne(() => PlacementEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'placement_id' }) placement?: PlacementEntity;
  @Column({ name: 'milestone_name', type: 'text', nullable: true }) milestoneName!: string | null;
  @Column({ name: 'hour_period_id', type: 'uuid', nullable: true }) hourPeriodId!: string | null;
  @ManyToOne(() => HourPeriodEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'hour_period_id' }) hourPeriod?: HourPeriodEntity;
  @Column({ name: 'result_id', type: 'uuid', nullable: true }) resultId!: string | null;
  @ManyToOne(() => IntegrationResultEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'result_id' }) result?: IntegrationResultEntity;
  @Column({ name: 'start_moment_id', type: 'uuid', nullable: true }) startMomentId!: string | null;
  @ManyToOne(() => StartMomentEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'start_moment_id' }) startMoment?: StartMomentEntity;
  /** A credit note line: the line it credits. */
  @Column({ name: 'credits_line_id', type: 'uuid', nullable: true }) creditsLineId!: string | null;
  @ManyToOne(() => InvoiceLineEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'credits_line_id' }) creditsLine?: InvoiceLineEntity;
  /** Client number within the municipality and route: never a BSN or a name. */
  @Column({ name: 'client_number', type: 'integer', nullable: true }) clientNumber!: number | null;
  @Column({ type: 'text', nullable: true }) route!: string | null;
  @Column({ name: 'line_date', type: 'date' }) lineDate!: string;
  @Column({ type: 'text' }) description!: string;
  @Column({ type: 'integer' }) quantity!: number;
  @Column({ name: 'unit_code', type: 'text' }) unitCode!: string;
  @Column({ name: 'unit_price_cents', type: 'bigint' }) unitPriceCents!: string;
  @Column({ name: 'base_quantity', type: 'integer' }) baseQuantity!: number;
  @Column({ name: 'amount_cents', type: 'bigint' }) amountCents!: string;
  @Column({ name: 'price_model_valid_from', type: 'date' }) priceModelValidFrom!: string;
  /** OPEN, DISPUTED (sent back to its source) or CREDITED (undone by a credit note). */
  @Column({ type: 'text', default: 'OPEN' }) status!: string;
  /** Counts on its invoice and holds its cause; false once disputed or credited, so the cause can be invoiced again. */
  @Column({ type: 'boolean', default: true }) active!: boolean;
}

/** A paying party's objection to one line, with the reason the provider sees. */
@Entity({ name: 'invoice_dispute' })
export class InvoiceDisputeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'invoice_id', type: 'uuid' }) invoiceId!: string;
  @ManyToOne(() => InvoiceEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'invoice_id' }) invoice?: InvoiceEntity;
  @Index({ unique: true }) @Column({ name: 'invoice_line_id', type: 'uuid' }) invoiceLineId!: string;
  @ManyToOne(() => InvoiceLineEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'invoice_line_id' }) invoiceLine?: InvoiceLineEntity;
  @Column({ type: 'text' }) reason!: string;
  @Column({ name: 'disputed_by_user_id', type: 'uuid', nullable: true }) disputedByUserId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'disputed_by_user_id' }) disputedBy?: AppUserEntity;
  @CreateDateColumn({ name: 'disputed_at', type: 'timestamptz' }) disputedAt!: Date;
}

/** The last invoice number a provider gave: raised under a row lock on approval, so numbers have no gaps. */
@Entity({ name: 'invoice_number_counter' })
export class InvoiceNumberCounterEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'provider_id' }) provider?: OrganisationEntity;
  @Column({ name: 'last_sequence', type: 'integer', default: 0 }) lastSequence!: number;
}

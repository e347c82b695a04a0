import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ClientEntity } from './client.entity';
import { ContractEntity } from './contract.entity';
import { LotEntity } from './lot.entity';
import { OrganisationEntity } from './organisation.entity';
import { StartMomentEntity } from './start-moment.entity';

/**
 * A client's placement on a lot with a provider. States: WAITING (no free seat; queued by requested_at) →
 * REQUESTED (offered to the provider) → ACCEPTED → STARTED → ENDED, or REJECTED / WITHDRAWN.
 */
@Entity({ name: 'placement' })
@Index(['lotId', 'status', 'requestedAt'])
/** The provider's hour week and placed clients filter, count and sort on these columns without reading the table (issue 9). */
@Index('IDX_placement_provider_pages', ['providerId', 'groupName', 'status', 'startDate', 'endedOn', 'requestedAt', 'clientId', 'id'])
export class PlacementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'client_id' }) client?: ClientEntity;
  /** The client's municipality at request time; the tenant of the consultant's side. */
  @Index() @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  /** Null for an individual placement (outside a lot, e.g. Kerkrade's Onderwijsroute): then the agreed_* columns hold its terms. */
  @Column({ name: 'lot_id', type: 'uuid', nullable: true }) lotId!: string | null;
  @ManyToOne(() => LotEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'lot_id' }) lot?: LotEntity;
  /** Indexed: contract figures and reports select a contract's placements (a region's lots, one lot, one contract). */
  @Index() @Column({ name: 'contract_id', type: 'uuid', nullable: true }) contractId!: string | null;
  @ManyToOne(() => ContractEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'contract_id' }) contract?: ContractEntity;
  /** The provider's side of the tenancy. */
  @Index() @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_id' }) provider?: OrganisationEntity;
  @Index() @Column({ name: 'start_moment_id', type: 'uuid', nullable: true }) startMomentId!: string | null;
  @ManyToOne(() => StartMomentEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'start_moment_id' }) startMoment?: StartMomentEntity;
  /** Individual placement: the price agreed for this client (euro cents) and the agreed period; null on a lot. */
  @Column({ name: 'agreed_price_cents', type: 'integer', nullable: true }) agreedPriceCents!: number | null;
  @Column({ name: 'agreed_starts_on', type: 'date', nullable: true }) agreedStartsOn!: string | null;
  @Column({ name: 'agreed_ends_on', type: 'date', nullable: true }) agreedEndsOn!: string | null;
  /** REGULAR (a route or module, on a lot or individually) or INSTROOMKLAS (the intake class until the route starts). */
  @Column({ type: 'text', default: 'REGULAR' }) kind!: string;
  /** The PIP route at request time. */
  @Column({ type: 'text' }) route!: string;
  @Column({ type: 'text' }) status!: string;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true }) requestedByUserId!: string | null;
  @Column({ name: 'start_date', type: 'date', nullable: true }) startDate!: string | null;
  @Column({ type: 'text', nullable: true }) location!: string | null;
  @Column({ name: 'group_name', type: 'text', nullable: true }) groupName!: string | null;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason!: string | null;
  /** COMPLETED, SWITCHED_ROUTE, MOVED_AWAY, STOPPED, TERM_EXPIRED or ROUTE_STARTED (an instroomklas). */
  @Column({ name: 'end_reason', type: 'text', nullable: true }) endReason!: string | null;
  @Column({ name: 'ended_on', type: 'date', nullable: true }) endedOn!: string | null;
  /** Sent by the consultant's form, so a double click or a retry requests once. */
  @Index({ unique: true }) @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  /** Optimistic lock: a transition names the version it saw. */
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

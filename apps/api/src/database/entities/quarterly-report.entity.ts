import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { LotEntity } from './lot.entity';
import { OrganisationEntity } from './organisation.entity';

/**
 * One generation of a quarterly report of a region or one of its lots (issue #10): a new generation for the same scope
 * and quarter is the next version, never an overwrite. The worker fills in the XLSX and PDF (status QUEUED → READY/FAILED).
 */
@Entity({ name: 'quarterly_report' })
@Index(['regionId', 'scopeKey', 'year', 'quarter', 'version'], { unique: true })
@Index(['regionId', 'idempotencyKey'], { unique: true })
export class QuarterlyReportEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'region_id', type: 'uuid' }) regionId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'region_id' }) region?: OrganisationEntity;
  @Index() @Column({ name: 'lot_id', type: 'uuid', nullable: true }) lotId!: string | null;
  @ManyToOne(() => LotEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'lot_id' }) lot?: LotEntity;
  /** The lot's id, or REGION for the report of the whole region (one key for the version's uniqueness). */
  @Column({ name: 'scope_key', type: 'text' }) scopeKey!: string;
  @Column({ type: 'int' }) year!: number;
  @Column({ type: 'int' }) quarter!: number;
  @Column({ type: 'int' }) version!: number;
  /** QUEUED, READY or FAILED. */
  @Column({ type: 'text' }) status!: string;
  @Column({ type: 'text', nullable: true }) failure!: string | null;
  @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ name: 'requested_by_user_id', type: 'uuid', nullable: true }) requestedByUserId!: string | null;
  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' }) requestedAt!: Date;
  @Column({ name: 'generated_at', type: 'timestamptz', nullable: true }) generatedAt!: Date | null;
  /** The date the figures were computed on (the figures API's computedOn). */
  @Column({ name: 'computed_on', type: 'date', nullable: true }) computedOn!: string | null;
  @Column({ type: 'bytea', nullable: true, select: false }) xlsx!: Buffer | null;
  @Column({ type: 'bytea', nullable: true, select: false }) pdf!: Buffer | null;
}

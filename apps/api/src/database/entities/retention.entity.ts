import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/**
 * A municipality's own retention periods for its clients' personal data (issue 14), and whether the nightly job may carry
 * them out: until the municipality said so after seeing the preview, the job only shows what it would do.
 */
@Entity({ name: 'retention_policy' })
export class RetentionPolicyEntity {
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  @Column({ name: 'free_text_years', type: 'integer' }) freeTextYears!: number;
  @Column({ name: 'duo_exchange_years', type: 'integer' }) duoExchangeYears!: number;
  @Column({ name: 'identity_years', type: 'integer' }) identityYears!: number;
  /** Since when the nightly job removes for real; null: it only previews. */
  @Column({ name: 'carried_out_since', type: 'timestamptz', nullable: true }) carriedOutSince!: Date | null;
  @Column({ name: 'updated_by_user_id', type: 'uuid', nullable: true }) updatedByUserId!: string | null;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

/** One night's retention work for one municipality: what it would do (PREVIEW) or did (APPLIED). */
@Entity({ name: 'retention_run' })
@Index('UQ_retention_run_municipality_date', ['municipalityId', 'runDate'], { unique: true })
export class RetentionRunEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  @Column({ name: 'run_date', type: 'date' }) runDate!: string;
  /** PREVIEW or APPLIED. */
  @Column({ type: 'text' }) mode!: string;
  @Column({ name: 'free_text_clients', type: 'integer' }) freeTextClients!: number;
  @Column({ name: 'duo_exchange_clients', type: 'integer' }) duoExchangeClients!: number;
  @Column({ name: 'identity_clients', type: 'integer' }) identityClients!: number;
  /** Client numbers only (never names): which files the run touched or would touch. */
  @Column({ name: 'client_numbers', type: 'integer', array: true }) clientNumbers!: number[];
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

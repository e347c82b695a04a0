import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/** A month of hours of one provider for one municipality: OPEN → SUBMITTED (provider) → APPROVED (municipality, locked) or back to OPEN. */
@Entity({ name: 'hour_period' })
@Index(['providerId', 'municipalityId', 'month'], { unique: true })
export class HourPeriodEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_id' }) provider?: OrganisationEntity;
  @Index() @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  /** First day of the month. */
  @Column({ type: 'date' }) month!: string;
  @Column({ type: 'text', default: 'OPEN' }) status!: string;
  @Column({ name: 'submitted_at', type: 'timestamptz', nullable: true }) submittedAt!: Date | null;
  @Column({ name: 'submitted_by_user_id', type: 'uuid', nullable: true }) submittedByUserId!: string | null;
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt!: Date | null;
  @Column({ name: 'decided_by_user_id', type: 'uuid', nullable: true }) decidedByUserId!: string | null;
  @Column({ name: 'rejection_reason', type: 'text', nullable: true }) rejectionReason!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

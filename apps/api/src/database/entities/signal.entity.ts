import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/**
 * A signal (signalering) for one organisation to act on: evidence overdue, keurmerk expiring, a waiting client
 * offered, absence. Raised by the worker, once per occurrence (unique kind + organisation + occurrence key).
 */
@Entity({ name: 'signal' })
@Index(['kind', 'organisationId', 'occurrenceKey'], { unique: true })
export class SignalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ type: 'text' }) kind!: string;
  /** The organisation that sees the signal. */
  @Index() @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'organisation_id' }) organisation?: OrganisationEntity;
  /** What it is about: 'contract', 'quality_requirement', 'placement', 'client', … */
  @Column({ name: 'subject_type', type: 'text' }) subjectType!: string;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId!: string;
  @Column({ name: 'occurrence_key', type: 'text' }) occurrenceKey!: string;
  /** Dutch text without personal data beyond what the receiving organisation may see. */
  @Column({ type: 'text' }) message!: string;
  @CreateDateColumn({ name: 'raised_at', type: 'timestamptz' }) raisedAt!: Date;
  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true }) acknowledgedAt!: Date | null;
  @Column({ name: 'acknowledged_by_user_id', type: 'uuid', nullable: true }) acknowledgedByUserId!: string | null;
  @Column({ name: 'resolution', type: 'text', nullable: true }) resolution!: string | null;
}

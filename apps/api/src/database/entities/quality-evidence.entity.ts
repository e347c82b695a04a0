import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { QualityRequirementEntity } from './quality-requirement.entity';
import { StoredDocumentEntity } from './stored-document.entity';

/** Evidence a provider submits for one period of a requirement, and the projectleider's review of it. */
@Entity({ name: 'quality_evidence' })
@Index(['requirementId', 'dueOn'])
export class QualityEvidenceEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'requirement_id', type: 'uuid' }) requirementId!: string;
  @ManyToOne(() => QualityRequirementEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'requirement_id' }) requirement?: QualityRequirementEntity;
  /** The due date of the period this evidence is for. */
  @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Column({ type: 'text', nullable: true }) value!: string | null;
  @Column({ type: 'text', nullable: true }) comment!: string | null;
  @Column({ name: 'document_id', type: 'uuid', nullable: true }) documentId!: string | null;
  @ManyToOne(() => StoredDocumentEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'document_id' }) document?: StoredDocumentEntity;
  @Column({ name: 'submitted_by_user_id', type: 'uuid', nullable: true }) submittedByUserId!: string | null;
  @CreateDateColumn({ name: 'submitted_at', type: 'timestamptz' }) submittedAt!: Date;
  /** SUBMITTED, ACCEPTED or REJECTED. */
  @Column({ type: 'text', default: 'SUBMITTED' }) status!: string;
  @Column({ name: 'reviewed_by_user_id', type: 'uuid', nullable: true }) reviewedByUserId!: string | null;
  @Column({ name: 'reviewed_at', type: 'timestamptz', nullable: true }) reviewedAt!: Date | null;
  @Column({ name: 'review_reason', type: 'text', nullable: true }) reviewReason!: string | null;
  /** Sent by the client with a submission, so a retried upload is stored once. */
  @Index({ unique: true }) @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Append-only log of every read or change of personal data (Logboek dataverwerkingen). A trigger refuses updates and deletes. */
@Entity({ name: 'processing_log' })
export class ProcessingLogEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Index() @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId!: string | null;
  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true }) actorOrganisationId!: string | null;
  /** READ, CREATE, UPDATE, DELETE, REVEAL_BSN. */
  @Column({ type: 'text' }) action!: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType!: string;
  @Column({ name: 'subject_ids', type: 'uuid', array: true }) subjectIds!: string[];
  /** The purpose (grondslag) of the processing. */
  @Column({ type: 'text' }) purpose!: string;
}

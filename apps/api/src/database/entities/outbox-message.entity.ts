import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A job written in the same transaction as the change that caused it; the relay hands it to BullMQ. The row stays owed
 * until its job ran (`completed_at`, written in the job's own transaction) or failed for good (`failed_at`, `failure`):
 * a relayed row that is neither after a while is offered to BullMQ again (its job may have been lost with Redis's data).
 */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_pending', ['id'], { where: 'relayed_at IS NULL' })
@Index('outbox_message_owed', ['relayedAt'], { where: 'completed_at IS NULL AND failed_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ name: 'job_name', type: 'text' }) jobName!: string;
  /** Ids and tenant context only, never personal data. */
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  /** When the relay last handed the job to BullMQ. */
  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true }) relayedAt!: Date | null;
  /** When the job's work committed (or was found done already). */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  /** When the job failed for good (attempts used up, or it kept stopping its worker). */
  @Column({ name: 'failed_at', type: 'timestamptz', nullable: true }) failedAt!: Date | null;
  /** Why it failed for good (BullMQ's reason, no personal data). */
  @Column({ type: 'text', nullable: true }) failure!: string | null;
}

import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A job written in the same transaction as the change that caused it; the relay hands it to BullMQ. */
@Entity({ name: 'outbox_message' })
@Index('outbox_message_pending', ['id'], { where: 'relayed_at IS NULL' })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' }) id!: string;
  @Column({ name: 'job_name', type: 'text' }) jobName!: string;
  /** Ids and tenant context only, never personal data. */
  @Column({ type: 'jsonb' }) payload!: Record<string, unknown>;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'relayed_at', type: 'timestamptz', nullable: true }) relayedAt!: Date | null;
}

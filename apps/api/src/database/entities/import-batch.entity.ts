import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';

/**
 * One uploaded hours file, validated (dry run) and applied by the worker. The idempotency key of the submission
 * makes a retry the same batch; the file's hash per provider makes a second upload of an applied file add nothing.
 */
@Entity({ name: 'import_batch' })
@Index(['providerId', 'sha256'])
export class ImportBatchEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_id' }) provider?: OrganisationEntity;
  @Index({ unique: true }) @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ type: 'text' }) filename!: string;
  /** CSV or XLSX, detected from the content. */
  @Column({ type: 'text' }) format!: string;
  @Column({ type: 'text' }) sha256!: string;
  @Column({ type: 'bytea' }) content!: Buffer;
  /** DRY_RUN or APPLY. */
  @Column({ type: 'text' }) mode!: string;
  /** QUEUED, RUNNING, VALID, INVALID, APPLIED, DUPLICATE or FAILED. */
  @Column({ type: 'text', default: 'QUEUED' }) status!: string;
  @Column({ name: 'total_rows', type: 'integer', nullable: true }) totalRows!: number | null;
  @Column({ name: 'processed_rows', type: 'integer', default: 0 }) processedRows!: number;
  @Column({ name: 'error_count', type: 'integer', default: 0 }) errorCount!: number;
  /** Row, column and reason of each error (capped), for the dry-run report. */
  @Column({ type: 'jsonb', default: () => "'[]'" }) errors!: { row: number; column: string; message: string }[];
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId!: string | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt!: Date | null;
}

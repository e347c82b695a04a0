import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AppUserEntity } from './app-user.entity';
import { ContractEntity } from './contract.entity';

/** One change to a contract: who changed what and when. Written in the same transaction as the change. */
@Entity({ name: 'contract_version' })
@Index(['contractId', 'version'], { unique: true })
export class ContractVersionEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contract_id' }) contract?: ContractEntity;
  @Column({ type: 'integer' }) version!: number;
  @Column({ name: 'changed_by_user_id', type: 'uuid', nullable: true }) changedByUserId!: string | null;
  @ManyToOne(() => AppUserEntity, { onDelete: 'SET NULL' }) @JoinColumn({ name: 'changed_by_user_id' }) changedBy?: AppUserEntity;
  @CreateDateColumn({ name: 'changed_at', type: 'timestamptz' }) changedAt!: Date;
  /** Per field: { from, to }. The first version holds the initial values. */
  @Column({ type: 'jsonb' }) changes!: Record<string, { from: unknown; to: unknown }>;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
}

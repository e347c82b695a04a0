import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { OrganisationEntity } from './organisation.entity';
import { LotEntity } from './lot.entity';

export type ContractStatus = 'DRAFT' | 'ACTIVE' | 'EXTENDED' | 'ENDED';

/** A lot awarded to one provider (raamovereenkomst). */
@Entity({ name: 'contract' })
@Index(['lotId', 'providerId'], { unique: true })
export class ContractEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'lot_id', type: 'uuid' }) lotId!: string;
  @ManyToOne(() => LotEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'lot_id' }) lot?: LotEntity;
  @Index() @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'provider_id' }) provider?: OrganisationEntity;
  @Column({ type: 'text' }) status!: ContractStatus;
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn!: string;
  /** The agreed price model; falls back to the lot's when null. */
  @Column({ name: 'price_model', type: 'jsonb', nullable: true }) priceModel!: Record<string, unknown> | null;
  /** Maximum spend under this contract, in euro cents. */
  @Column({ name: 'ceiling_cents', type: 'bigint', nullable: true }) ceilingCents!: string | null;
  /** Bumped on every change; contract_version keeps what changed. */
  @Column({ type: 'integer', default: 1 }) version!: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

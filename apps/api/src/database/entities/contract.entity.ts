import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
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
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ContractEntity } from './contract.entity';

/** A quality requirement (kwaliteitseis) of a contract, with its norm and how often evidence is due. */
@Entity({ name: 'quality_requirement' })
export class QualityRequirementEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contract_id' }) contract?: ContractEntity;
  /** QualityRequirementType of libs/domain (KEURMERK_VALID, VOG_ALL_STAFF, …, CUSTOM). */
  @Column({ type: 'text' }) type!: string;
  @Column({ type: 'text' }) title!: string;
  /** The norm in words, e.g. "minimaal 80% NT2-bevoegd". */
  @Column({ type: 'text' }) norm!: string;
  /** A numeric norm where the type has one (percentage, score, group size). */
  @Column({ name: 'norm_value', type: 'numeric', nullable: true }) normValue!: string | null;
  /** ONCE, QUARTERLY or YEARLY. */
  @Column({ type: 'text' }) period!: string;
  @Column({ name: 'first_due_on', type: 'date' }) firstDueOn!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { ContractEntity } from './contract.entity';

/** A start moment (instroommoment) a provider declares on its contract: where, when, how many seats, which lesson pattern. */
@Entity({ name: 'start_moment' })
export class StartMomentEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'contract_id', type: 'uuid' }) contractId!: string;
  @ManyToOne(() => ContractEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'contract_id' }) contract?: ContractEntity;
  @Column({ type: 'text' }) location!: string;
  @Column({ name: 'starts_on', type: 'date' }) startsOn!: string;
  @Column({ type: 'integer' }) seats!: number;
  /** ISO weekdays 1 (Monday) to 7. */
  @Column({ name: 'lesson_days', type: 'smallint', array: true }) lessonDays!: number[];
  @Column({ name: 'minutes_per_week', type: 'integer' }) minutesPerWeek!: number;
  /** DAYTIME, EVENING or ON_THE_JOB. */
  @Column({ type: 'text' }) daypart!: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClientEntity } from './client.entity';
import { OrganisationEntity } from './organisation.entity';

/** What a client achieved, recorded by the consultant: work, study or participation at a date (the outcome KPIs of issue #10). */
@Entity({ name: 'client_outcome' })
@Index(['municipalityId', 'kind', 'achievedOn'])
export class ClientOutcomeEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'client_id' }) client?: ClientEntity;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @ManyToOne(() => OrganisationEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'municipality_id' }) municipality?: OrganisationEntity;
  /** WORK, STUDY or PARTICIPATION (CLIENT_OUTCOME_KINDS). */
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'achieved_on', type: 'date' }) achievedOn!: string;
  @Index({ unique: true }) @Column({ name: 'idempotency_key', type: 'text' }) idempotencyKey!: string;
  @Column({ name: 'recorded_by_user_id', type: 'uuid', nullable: true }) recordedByUserId!: string | null;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}

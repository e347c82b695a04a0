import { JoinColumn, ManyToOne, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { ClientEntity } from './client.entity';

/** A deadline of a client that is due soon or overdue, found by the deadline scan; one row per client, kind and deadline. */
@Entity({ name: 'deadline_signal' })
@Index(['clientId', 'kind', 'deadline'], { unique: true })
export class DeadlineSignalEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'client_id' }) client?: ClientEntity;
  @Index() @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  /** PIP_DEADLINE, ROUTE_SWITCH_WINDOW, MAP_DUE, PVT_DUE, TERM_END. */
  @Column({ type: 'text' }) kind!: string;
  @Column({ type: 'date' }) deadline!: string;
  /** DUE_SOON or OVERDUE at detection. */
  @Column({ type: 'text' }) status!: string;
  /** The day the scan found it resolved (deadline met, or moved by a change); null while open. */
  @Column({ name: 'resolved_on', type: 'date', nullable: true }) resolvedOn!: string | null;
  @CreateDateColumn({ name: 'detected_at', type: 'timestamptz' }) detectedAt!: Date;
}

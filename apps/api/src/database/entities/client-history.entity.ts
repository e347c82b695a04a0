import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ClientEntity } from './client.entity';

/** A route switch (within 18 months of the PIP, with a written reason) or a move to another municipality. */
@Entity({ name: 'client_history' })
export class ClientHistoryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'client_id' }) client?: ClientEntity;
  /** ROUTE_SWITCH or MOVED. */
  @Column({ type: 'text' }) kind!: string;
  @Column({ name: 'from_value', type: 'text', nullable: true }) fromValue!: string | null;
  @Column({ name: 'to_value', type: 'text', nullable: true }) toValue!: string | null;
  @Column({ name: 'effective_on', type: 'date' }) effectiveOn!: string;
  @Column({ type: 'text', nullable: true }) reason!: string | null;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId!: string | null;
  @CreateDateColumn({ name: 'recorded_at', type: 'timestamptz' }) recordedAt!: Date;
}

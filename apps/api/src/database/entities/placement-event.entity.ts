import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { PlacementEntity } from './placement.entity';

/** Every state change of a placement, with who did it and why: the placement history. */
@Entity({ name: 'placement_event' })
export class PlacementEventEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Index() @Column({ name: 'placement_id', type: 'uuid' }) placementId!: string;
  @ManyToOne(() => PlacementEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'placement_id' }) placement?: PlacementEntity;
  @Column({ name: 'from_status', type: 'text', nullable: true }) fromStatus!: string | null;
  @Column({ name: 'to_status', type: 'text' }) toStatus!: string;
  @Column({ name: 'actor_user_id', type: 'uuid', nullable: true }) actorUserId!: string | null;
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' }) occurredAt!: Date;
  @Column({ type: 'text', nullable: true }) note!: string | null;
}

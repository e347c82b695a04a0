import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ClientEntity } from './client.entity';

/**
 * One deadline of a client (PIP, term, route-switch window, MAP, PVT) as the domain derives it (`deadlineList`), stored so
 * the caseload can filter and sort by deadline in SQL: the date, the fulfilled status once fulfilled (MET/MET_LATE) and the
 * first due-soon day (`dueSoonFrom`); the status on a day follows from these (`deadlineStatusOn`). A trigger marks the
 * client's rows stale (`client.deadlines_stale`) in the same transaction as every change of what they derive from (the
 * client's dates, group, route and level, its results); the caseload re-derives stale clients before it reads.
 */
@Entity({ name: 'client_deadline' })
export class ClientDeadlineEntity {
  @PrimaryColumn({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'client_id' }) client?: ClientEntity;
  /** DeadlineKind. */
  @PrimaryColumn({ type: 'text' }) kind!: string;
  @Column({ type: 'date' }) deadline!: string;
  /** MET or MET_LATE once fulfilled, else null (open). */
  @Column({ type: 'text', nullable: true }) fulfilled!: string | null;
  @Column({ name: 'due_soon_from', type: 'date' }) dueSoonFrom!: string;
}

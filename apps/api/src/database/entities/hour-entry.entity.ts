import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, UpdateDateColumn, CreateDateColumn } from 'typeorm';
import { PlacementEntity } from './placement.entity';

/**
 * Hours of one lesson day and category for one placement. Rows of an open period are edited in place (with a
 * version for conflicting edits); after approval a correction is a new row with a higher revision that points at
 * the row it corrects, so the history is never rewritten. The current value is the highest revision.
 */
@Entity({ name: 'hour_entry' })
@Index(['placementId', 'lessonDate', 'category', 'revision'], { unique: true })
@Index(['providerId', 'lessonDate'])
@Index(['municipalityId', 'lessonDate'])
export class HourEntryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column({ name: 'placement_id', type: 'uuid' }) placementId!: string;
  @ManyToOne(() => PlacementEntity, { onDelete: 'CASCADE' }) @JoinColumn({ name: 'placement_id' }) placement?: PlacementEntity;
  /** Denormalised from the placement for tenant-scoped queries. */
  @Index() @Column({ name: 'client_id', type: 'uuid' }) clientId!: string;
  @Column({ name: 'provider_id', type: 'uuid' }) providerId!: string;
  @Column({ name: 'municipality_id', type: 'uuid' }) municipalityId!: string;
  @Column({ name: 'lesson_date', type: 'date' }) lessonDate!: string;
  /** HourCategory of libs/domain: LANGUAGE, KNM, MAP, PVT, PARTICIPATION, LITERACY, OTHER_SUBJECTS. */
  @Column({ type: 'text' }) category!: string;
  @Column({ name: 'planned_minutes', type: 'integer' }) plannedMinutes!: number;
  @Column({ name: 'attended_minutes', type: 'integer' }) attendedMinutes!: number;
  /** SICK, EXCUSED or UNEXCUSED when (part of) the planned time was missed. */
  @Column({ name: 'absence_reason', type: 'text', nullable: true }) absenceReason!: string | null;
  @Column({ type: 'integer', default: 0 }) revision!: number;
  @Index() @Column({ name: 'corrects_entry_id', type: 'uuid', nullable: true }) correctsEntryId!: string | null;
  @ManyToOne(() => HourEntryEntity, { onDelete: 'RESTRICT' }) @JoinColumn({ name: 'corrects_entry_id' }) corrects?: HourEntryEntity;
  @Column({ name: 'correction_reason', type: 'text', nullable: true }) correctionReason!: string | null;
  /** Optimistic lock for the autosaving grid. */
  @Column({ type: 'integer', default: 1 }) version!: number;
  @Column({ name: 'import_batch_id', type: 'uuid', nullable: true }) importBatchId!: string | null;
  /** PRESENCE_LIST when written by closing a presence list (read-only in the week grid); null for the grid and imports. */
  @Column({ type: 'text', nullable: true }) source!: string | null;
  @Column({ name: 'entered_by_user_id', type: 'uuid', nullable: true }) enteredByUserId!: string | null;
  @CreateDateColumn({ name: 'entered_at', type: 'timestamptz' }) enteredAt!: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}

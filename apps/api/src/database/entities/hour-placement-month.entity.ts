import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The current hours of one placement in one month, summed: kept up to date by the same statement triggers on hour_entry
 * as hour_month_total (migration AddHourPlacementMonths), so contract figures sum months instead of hour rows.
 */
@Entity({ name: 'hour_placement_month' })
export class HourPlacementMonthEntity {
  @PrimaryColumn({ name: 'placement_id', type: 'uuid', primaryKeyConstraintName: 'PK_hour_placement_month' }) placementId!: string;
  /** First day of the month. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_hour_placement_month' }) month!: string;
  @Column({ name: 'planned_minutes', type: 'integer', default: 0 }) plannedMinutes!: number;
  @Column({ name: 'attended_minutes', type: 'integer', default: 0 }) attendedMinutes!: number;
  /** Cells (day, category) with hours; 0 once all were emptied or deleted. */
  @Column({ name: 'entry_count', type: 'integer', default: 0 }) entryCount!: number;
}

import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The current hours of one provider for one municipality in one month, summed: kept up to date by statement triggers on
 * hour_entry in the same transaction as every hour write (see migration AddHourMonthTotals), so the months list and a
 * period's totals never aggregate the hour rows. "Current" is the highest revision of each (placement, day, category).
 * Spread over slots (migration SpreadHourMonthTotals): a statement's changes go to the row of its connection's slot (one
 * of 16), so saves of one month on different connections do not wait for one row's lock; readers sum the slots.
 */
@Entity({ name: 'hour_month_total' })
@Index(['municipalityId', 'month'])
export class HourMonthTotalEntity {
  @PrimaryColumn({ name: 'provider_id', type: 'uuid', primaryKeyConstraintName: 'PK_hour_month_total' }) providerId!: string;
  @PrimaryColumn({ name: 'municipality_id', type: 'uuid', primaryKeyConstraintName: 'PK_hour_month_total' }) municipalityId!: string;
  /** First day of the month. */
  @PrimaryColumn({ type: 'date', primaryKeyConstraintName: 'PK_hour_month_total' }) month!: string;
  @PrimaryColumn({ type: 'smallint', default: 0, primaryKeyConstraintName: 'PK_hour_month_total' }) slot!: number;
  @Column({ name: 'planned_minutes', type: 'integer', default: 0 }) plannedMinutes!: number;
  @Column({ name: 'attended_minutes', type: 'integer', default: 0 }) attendedMinutes!: number;
  /** Cells (placement, day, category) with hours. */
  @Column({ name: 'entry_count', type: 'integer', default: 0 }) entryCount!: number;
  /** Cells whose current value is a correction (revision > 0). */
  @Column({ name: 'correction_count', type: 'integer', default: 0 }) correctionCount!: number;
}

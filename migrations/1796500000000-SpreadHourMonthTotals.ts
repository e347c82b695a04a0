import type { MigrationInterface, QueryRunner } from 'typeorm';
import { shiftBoth, shiftFunction } from './1795910000000-AddHourPlacementMonths';

/** Rows per provider, municipality and month: enough that 10 providers' users saving at once rarely share one. */
const SLOTS = 16;

/** Replaces `from` in `sql`, which must occur exactly once (a changed earlier function fails loudly, not silently). */
function once(sql: string, from: string, to: string): string {
  const parts = sql.split(from);
  if (parts.length !== 2) throw new Error(`SpreadHourMonthTotals: "${from}" komt ${parts.length - 1} keer voor in de triggerfunctie.`);
  return parts.join(to);
}

/** AddHourPlacementMonths' shift, with each delta of hour_month_total going to its placement's slot. */
const shiftSpread = (newRows: string, oldRows: string): string => {
  let sql = shiftBoth(newRows, oldRows);
  sql = once(sql, `SELECT provider_id, municipality_id, date_trunc('month', lesson_date)::date AS month, sum(sign * planned_minutes)::int AS planned,`,
    `SELECT provider_id, municipality_id, date_trunc('month', lesson_date)::date AS month, (hashtext(placement_id::text) & ${SLOTS - 1})::smallint AS slot,
             sum(sign * planned_minutes)::int AS planned,`);
  sql = once(sql, `FROM d GROUP BY 1, 2, 3`, `FROM d GROUP BY 1, 2, 3, 4`);
  sql = once(sql, `(provider_id, municipality_id, month, planned_minutes, attended_minutes, entry_count, correction_count)
    SELECT provider_id, municipality_id, month, planned,`, `(provider_id, municipality_id, month, slot, planned_minutes, attended_minutes, entry_count, correction_count)
    SELECT provider_id, municipality_id, month, slot, planned,`);
  sql = once(sql, `ORDER BY provider_id, municipality_id, month
    ON CONFLICT (provider_id, municipality_id, month) DO UPDATE`, `ORDER BY provider_id, municipality_id, month, slot
    ON CONFLICT (provider_id, municipality_id, month, slot) DO UPDATE`);
  return sql;
};

/**
 * Spreads hour_month_total over 16 rows per provider, municipality and month (issue 9). Every hour save of a month shifted
 * the one total row of its provider and municipality, and held that row's lock until its commit: at national scale, 10
 * users of the largest provider saving at once waited for each other (p95 over 400 ms). Each placement's deltas now go to
 * one of 16 slots; readers sum the slots. The rows there are stay in slot 0.
 */
export class SpreadHourMonthTotals1796500000000 implements MigrationInterface {
  name = 'SpreadHourMonthTotals1796500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "hour_month_total" ADD COLUMN "slot" smallint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "hour_month_total" DROP CONSTRAINT "PK_0d6434edfae60e6777137214009"`);
    await queryRunner.query(`ALTER TABLE "hour_month_total" ADD CONSTRAINT "PK_hour_month_total" PRIMARY KEY ("provider_id", "municipality_id", "month", "slot")`);
    await queryRunner.query(shiftFunction(shiftSpread));
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(shiftFunction(shiftBoth));
    await queryRunner.query(`CREATE TABLE hour_month_total_merged AS
      SELECT provider_id, municipality_id, month, sum(planned_minutes)::int AS planned_minutes, sum(attended_minutes)::int AS attended_minutes,
             sum(entry_count)::int AS entry_count, sum(correction_count)::int AS correction_count
        FROM hour_month_total GROUP BY 1, 2, 3`);
    await queryRunner.query(`DELETE FROM hour_month_total`);
    await queryRunner.query(`ALTER TABLE "hour_month_total" DROP CONSTRAINT "PK_hour_month_total"`);
    await queryRunner.query(`ALTER TABLE "hour_month_total" DROP COLUMN "slot"`);
    await queryRunner.query(`ALTER TABLE "hour_month_total" ADD CONSTRAINT "PK_0d6434edfae60e6777137214009" PRIMARY KEY ("provider_id", "municipality_id", "month")`);
    await queryRunner.query(`INSERT INTO hour_month_total (provider_id, municipality_id, month, planned_minutes, attended_minutes, entry_count, correction_count)
      SELECT provider_id, municipality_id, month, planned_minutes, attended_minutes, entry_count, correction_count FROM hour_month_total_merged`);
    await queryRunner.query(`DROP TABLE hour_month_total_merged`);
  }
}

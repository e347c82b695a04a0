import type { MigrationInterface, QueryRunner } from 'typeorm';
import { shiftBoth, shiftFunction } from './1795910000000-AddHourPlacementMonths';

/** Rows per provider, municipality and month: enough that the connections of the API and the worker rarely share one. */
const SLOTS = 16;

/** Replaces `from` in `sql`, which must occur exactly once (a changed earlier function fails loudly, not silently). */
function once(sql: string, from: string, to: string): string {
  const parts = sql.split(from);
  if (parts.length !== 2) throw new Error(`SpreadHourMonthTotals: "${from}" komt ${parts.length - 1} keer voor in de triggerfunctie.`);
  return parts.join(to);
}

/** AddHourPlacementMonths' shift, with hour_month_total's deltas going to the slot of the writing connection. */
const shiftSpread = (newRows: string, oldRows: string): string => {
  let sql = shiftBoth(newRows, oldRows);
  sql = once(sql, `(provider_id, municipality_id, month, planned_minutes, attended_minutes, entry_count, correction_count)
    SELECT provider_id, municipality_id, month, planned,`, `(provider_id, municipality_id, month, slot, planned_minutes, attended_minutes, entry_count, correction_count)
    SELECT provider_id, municipality_id, month, (pg_backend_pid() & ${SLOTS - 1})::smallint, planned,`);
  sql = once(sql, `ON CONFLICT (provider_id, municipality_id, month) DO UPDATE`, `ON CONFLICT (provider_id, municipality_id, month, slot) DO UPDATE`);
  return sql;
};

/**
 * Spreads hour_month_total over 16 rows per provider, municipality and month (issue 9). Every hour save of a month shifted
 * the one total row of its provider and municipality, and held that row's lock until its commit: at national scale, 10
 * users of the largest provider saving at once waited for each other (p95 over 400 ms). Each statement's deltas now go to
 * the slot of its connection (backend pid mod 16); readers sum the slots; the rows there are stay in slot 0. By connection,
 * not by placement: a transaction then only ever holds the rows of its own slot, so two transactions that write hours
 * in several statements (a save's delete and upsert, an import's chunks) wait for each other as before, never deadlock.
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

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { NONE, shift } from './1795620000000-AddHourMonthTotals';

/**
 * The same shift as hour_month_total's (see AddHourMonthTotals), computed once per statement, now also kept per placement
 * and month: a data-modifying CTE shifts hour_placement_month, the main statement hour_month_total, both in key order.
 */
export const shiftBoth = (newRows: string, oldRows: string): string => `
    WITH n AS (${newRows}), o AS (${oldRows}),
    cells AS (
      SELECT DISTINCT placement_id, lesson_date, category FROM (SELECT placement_id, lesson_date, category FROM n UNION ALL SELECT placement_id, lesson_date, category FROM o) x
    ), after_rows AS (
      SELECT h.id, h.provider_id, h.municipality_id, h.placement_id, h.lesson_date, h.category, h.revision, h.planned_minutes, h.attended_minutes
        FROM cells c JOIN hour_entry h ON h.placement_id = c.placement_id AND h.lesson_date = c.lesson_date AND h.category = c.category
    ), before_rows AS (
      SELECT a.* FROM after_rows a WHERE NOT EXISTS (SELECT 1 FROM n WHERE n.id = a.id)
      UNION ALL SELECT id, provider_id, municipality_id, placement_id, lesson_date, category, revision, planned_minutes, attended_minutes FROM o
    ), after_current AS (
      SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM after_rows ORDER BY placement_id, lesson_date, category, revision DESC
    ), before_current AS (
      SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM before_rows ORDER BY placement_id, lesson_date, category, revision DESC
    ), d AS (
      SELECT 1 AS sign, * FROM after_current UNION ALL SELECT -1 AS sign, * FROM before_current
    ), placement_delta AS (
      SELECT placement_id, date_trunc('month', lesson_date)::date AS month, sum(sign * planned_minutes)::int AS planned,
             sum(sign * attended_minutes)::int AS attended, sum(sign)::int AS entries
        FROM d GROUP BY 1, 2
    ), placement_shift AS (
      INSERT INTO hour_placement_month AS t (placement_id, month, planned_minutes, attended_minutes, entry_count)
      SELECT placement_id, month, planned, attended, entries FROM placement_delta
       WHERE planned <> 0 OR attended <> 0 OR entries <> 0
       ORDER BY placement_id, month
      ON CONFLICT (placement_id, month) DO UPDATE
         SET planned_minutes = t.planned_minutes + EXCLUDED.planned_minutes, attended_minutes = t.attended_minutes + EXCLUDED.attended_minutes,
             entry_count = t.entry_count + EXCLUDED.entry_count
      RETURNING 1
    ), delta AS (
      SELECT provider_id, municipality_id, date_trunc('month', lesson_date)::date AS month, sum(sign * planned_minutes)::int AS planned,
             sum(sign * attended_minutes)::int AS attended, sum(sign)::int AS entries, coalesce(sum(sign) FILTER (WHERE revision > 0), 0)::int AS corrections
        FROM d GROUP BY 1, 2, 3
    )
    INSERT INTO hour_month_total AS t (provider_id, municipality_id, month, planned_minutes, attended_minutes, entry_count, correction_count)
    SELECT provider_id, municipality_id, month, planned, attended, entries, corrections FROM delta
     WHERE planned <> 0 OR attended <> 0 OR entries <> 0 OR corrections <> 0
     ORDER BY provider_id, municipality_id, month
    ON CONFLICT (provider_id, municipality_id, month) DO UPDATE
       SET planned_minutes = t.planned_minutes + EXCLUDED.planned_minutes, attended_minutes = t.attended_minutes + EXCLUDED.attended_minutes,
           entry_count = t.entry_count + EXCLUDED.entry_count, correction_count = t.correction_count + EXCLUDED.correction_count;`;

export const shiftFunction = (body: (newRows: string, oldRows: string) => string): string => `CREATE OR REPLACE FUNCTION hour_month_total_shift() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF TG_OP = 'INSERT' THEN ${body(`SELECT * FROM new_rows`, NONE)}
    ELSIF TG_OP = 'UPDATE' THEN ${body(`SELECT * FROM new_rows`, `SELECT * FROM old_rows`)}
    ELSIF TG_OP = 'DELETE' THEN ${body(NONE, `SELECT * FROM old_rows`)}
    END IF;
    RETURN NULL;
  END $fn$`;

/**
 * The current hours per placement and month (issue 10: contract management figures at national scale). The figures
 * group hours per contract and count the clients with hours; neither follows from the provider × municipality totals, and
 * aggregating millions of hour rows per dashboard took seconds. Kept by the hour_entry triggers in the same transaction.
 */
export class AddHourPlacementMonths1795910000000 implements MigrationInterface {
  name = 'AddHourPlacementMonths1795910000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "hour_placement_month" ("placement_id" uuid NOT NULL, "month" date NOT NULL, "planned_minutes" integer NOT NULL DEFAULT '0', "attended_minutes" integer NOT NULL DEFAULT '0', "entry_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_hour_placement_month" PRIMARY KEY ("placement_id", "month"))`);
    await queryRunner.query(shiftFunction(shiftBoth));
    await queryRunner.query(`CREATE OR REPLACE FUNCTION hour_month_total_clear() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN DELETE FROM hour_month_total; DELETE FROM hour_placement_month; RETURN NULL; END $fn$`);
    await queryRunner.query(`INSERT INTO hour_placement_month (placement_id, month, planned_minutes, attended_minutes, entry_count)
      SELECT placement_id, date_trunc('month', lesson_date)::date, sum(planned_minutes)::int, sum(attended_minutes)::int, count(*)::int
        FROM (SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM hour_entry ORDER BY placement_id, lesson_date, category, revision DESC) current
       GROUP BY 1, 2`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION hour_month_total_clear() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN DELETE FROM hour_month_total; RETURN NULL; END $fn$`);
    await queryRunner.query(shiftFunction(shift));
    await queryRunner.query(`DROP TABLE "hour_placement_month"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The columns of hour_entry the totals need. */
export const COLUMNS = 'id, provider_id, municipality_id, placement_id, lesson_date, category, revision, planned_minutes, attended_minutes';
/** An empty relation of hour_entry's row type, for the transition table an event does not have. */
export const NONE = 'SELECT * FROM hour_entry WHERE false';

/**
 * Shifts the monthly totals by what one statement changed, set-based: for every touched cell (placement, day, category) the
 * current row (highest revision) after the statement minus the current row before it. "Before" is the cell's rows now,
 * without the rows the statement wrote, plus the rows it replaced or deleted. Rows go in key order, so concurrent
 * statements take the total rows' locks in the same order.
 */
export const shift = (newRows: string, oldRows: string): string => `
    WITH n AS (${newRows}), o AS (${oldRows}),
    cells AS (
      SELECT DISTINCT placement_id, lesson_date, category FROM (SELECT placement_id, lesson_date, category FROM n UNION ALL SELECT placement_id, lesson_date, category FROM o) x
    ), after_rows AS (
      SELECT h.id, h.provider_id, h.municipality_id, h.placement_id, h.lesson_date, h.category, h.revision, h.planned_minutes, h.attended_minutes
        FROM cells c JOIN hour_entry h ON h.placement_id = c.placement_id AND h.lesson_date = c.lesson_date AND h.category = c.category
    ), before_rows AS (
      SELECT a.* FROM after_rows a WHERE NOT EXISTS (SELECT 1 FROM n WHERE n.id = a.id)
      UNION ALL SELECT ${COLUMNS} FROM o
    ), after_current AS (
      SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM after_rows ORDER BY placement_id, lesson_date, category, revision DESC
    ), before_current AS (
      SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM before_rows ORDER BY placement_id, lesson_date, category, revision DESC
    ), delta AS (
      SELECT provider_id, municipality_id, date_trunc('month', lesson_date)::date AS month, sum(sign * planned_minutes)::int AS planned,
             sum(sign * attended_minutes)::int AS attended, sum(sign)::int AS entries, coalesce(sum(sign) FILTER (WHERE revision > 0), 0)::int AS corrections
        FROM (SELECT 1 AS sign, * FROM after_current UNION ALL SELECT -1 AS sign, * FROM before_current) d
       GROUP BY 1, 2, 3
    )
    INSERT INTO hour_month_total AS t (provider_id, municipality_id, month, planned_minutes, attended_minutes, entry_count, correction_count)
    SELECT provider_id, municipality_id, month, planned, attended, entries, corrections FROM delta
     WHERE planned <> 0 OR attended <> 0 OR entries <> 0 OR corrections <> 0
     ORDER BY provider_id, municipality_id, month
    ON CONFLICT (provider_id, municipality_id, month) DO UPDATE
       SET planned_minutes = t.planned_minutes + EXCLUDED.planned_minutes, attended_minutes = t.attended_minutes + EXCLUDED.attended_minutes,
           entry_count = t.entry_count + EXCLUDED.entry_count, correction_count = t.correction_count + EXCLUDED.correction_count;`;

/**
 * The current hours per provider, municipality and month, summed in a table that statement triggers on hour_entry keep up
 * to date in the same transaction as every write (grid, import, copy, correction, seed, direct SQL), backfilled from the
 * rows there are. The months list and a period's totals read this instead of aggregating millions of hour rows.
 */
export class AddHourMonthTotals1795620000000 implements MigrationInterface {
  name = 'AddHourMonthTotals1795620000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "hour_month_total" ("provider_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "month" date NOT NULL, "planned_minutes" integer NOT NULL DEFAULT '0', "attended_minutes" integer NOT NULL DEFAULT '0', "entry_count" integer NOT NULL DEFAULT '0', "correction_count" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_0d6434edfae60e6777137214009" PRIMARY KEY ("provider_id", "municipality_id", "month"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c4ee927bcaa9811e671ecc23db" ON "hour_month_total" ("municipality_id", "month") `);
    await queryRunner.query(`CREATE FUNCTION hour_month_total_shift() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF TG_OP = 'INSERT' THEN ${shift(`SELECT * FROM new_rows`, NONE)}
    ELSIF TG_OP = 'UPDATE' THEN ${shift(`SELECT * FROM new_rows`, `SELECT * FROM old_rows`)}
    ELSIF TG_OP = 'DELETE' THEN ${shift(NONE, `SELECT * FROM old_rows`)}
    END IF;
    RETURN NULL;
  END $fn$`);
    await queryRunner.query(`CREATE TRIGGER hour_month_total_insert AFTER INSERT ON "hour_entry" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hour_month_total_shift()`);
    await queryRunner.query(`CREATE TRIGGER hour_month_total_update AFTER UPDATE ON "hour_entry" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION hour_month_total_shift()`);
    await queryRunner.query(`CREATE TRIGGER hour_month_total_delete AFTER DELETE ON "hour_entry" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION hour_month_total_shift()`);
    await queryRunner.query(`CREATE FUNCTION hour_month_total_clear() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN DELETE FROM hour_month_total; RETURN NULL; END $fn$`);
    await queryRunner.query(`CREATE TRIGGER hour_month_total_truncate AFTER TRUNCATE ON "hour_entry" FOR EACH STATEMENT EXECUTE FUNCTION hour_month_total_clear()`);
    await queryRunner.query(`INSERT INTO hour_month_total (provider_id, municipality_id, month, planned_minutes, attended_minutes, entry_count, correction_count)
      SELECT provider_id, municipality_id, date_trunc('month', lesson_date)::date, sum(planned_minutes)::int, sum(attended_minutes)::int, count(*)::int,
             (count(*) FILTER (WHERE revision > 0))::int
        FROM (SELECT DISTINCT ON (placement_id, lesson_date, category) * FROM hour_entry ORDER BY placement_id, lesson_date, category, revision DESC) current
       GROUP BY 1, 2, 3`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER hour_month_total_truncate ON "hour_entry"`);
    await queryRunner.query(`DROP TRIGGER hour_month_total_delete ON "hour_entry"`);
    await queryRunner.query(`DROP TRIGGER hour_month_total_update ON "hour_entry"`);
    await queryRunner.query(`DROP TRIGGER hour_month_total_insert ON "hour_entry"`);
    await queryRunner.query(`DROP FUNCTION hour_month_total_clear()`);
    await queryRunner.query(`DROP FUNCTION hour_month_total_shift()`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c4ee927bcaa9811e671ecc23db"`);
    await queryRunner.query(`DROP TABLE "hour_month_total"`);
  }
}

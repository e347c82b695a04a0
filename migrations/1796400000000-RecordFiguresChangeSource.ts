import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ALL_REGIONS_CHANGED, REGIONS_CHANGED } from './1795970000000-ScopeFiguresDataVersionToRegions';

/**
 * The figures' data version per region and per source table (issue 10): a statement on hour_entry (the most frequent
 * write: providers saving hours every week) now makes only the figures that read hours old, not the intake, results and
 * KPIs of the whole region. Every change row records the table it came from; a row without source (older rows, or one
 * written by hand) counts for every source, as a row without region counts for every region.
 */
export class RecordFiguresChangeSource1796400000000 implements MigrationInterface {
  name = 'RecordFiguresChangeSource1796400000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE figures_region_change ADD COLUMN source text`);
    await queryRunner.query(`DROP INDEX figures_region_change_version`);
    await queryRunner.query(`CREATE INDEX figures_region_change_version ON figures_region_change (region_id, source, version)`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION figures_regions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          EXECUTE format('WITH changed AS (SELECT * FROM new_rows) INSERT INTO figures_region_change (region_id, source) SELECT DISTINCT region_id, %L FROM (%s) AS r WHERE region_id IS NOT NULL', TG_TABLE_NAME, TG_ARGV[0]);
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          EXECUTE format('WITH changed AS (SELECT * FROM old_rows) INSERT INTO figures_region_change (region_id, source) SELECT DISTINCT region_id, %L FROM (%s) AS r WHERE region_id IS NOT NULL', TG_TABLE_NAME, TG_ARGV[0]);
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION figures_all_regions_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO figures_region_change (region_id, source) VALUES (NULL, TG_TABLE_NAME);
        RETURN NULL;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION figures_regions_changed() ${REGIONS_CHANGED}`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION figures_all_regions_changed() ${ALL_REGIONS_CHANGED}`);
    await queryRunner.query(`DROP INDEX figures_region_change_version`);
    await queryRunner.query(`CREATE INDEX figures_region_change_version ON figures_region_change (region_id, version)`);
    await queryRunner.query(`ALTER TABLE figures_region_change DROP COLUMN source`);
  }
}

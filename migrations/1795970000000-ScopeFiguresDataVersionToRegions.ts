import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per figure source table: the regions a set of its rows (the transition table, as `changed`) belongs to. A placement counts
 * for the region of its lot and of its municipality (individual placements have no lot; a moved client's old placement
 * stays with its lot); everything else through its placement, client or contract.
 */
const PLACEMENT_REGIONS = `SELECT l.region_id FROM placement p JOIN lot l ON l.id = p.lot_id WHERE p.id IN (SELECT placement_id FROM changed)
   UNION SELECT o.region_id FROM placement p JOIN organisation o ON o.id = p.municipality_id WHERE p.id IN (SELECT placement_id FROM changed)`;
const CONTRACT_REGIONS = (contractIds: string): string => `SELECT l.region_id FROM contract k JOIN lot l ON l.id = k.lot_id WHERE k.id IN (${contractIds})`;
const REGIONS_OF: Record<string, string> = {
  placement: `SELECT l.region_id FROM changed JOIN lot l ON l.id = changed.lot_id UNION SELECT o.region_id FROM changed JOIN organisation o ON o.id = changed.municipality_id`,
  client: `SELECT o.region_id FROM changed JOIN organisation o ON o.id = changed.municipality_id`,
  hour_entry: PLACEMENT_REGIONS,
  integration_result: `${PLACEMENT_REGIONS} UNION SELECT o.region_id FROM changed JOIN client c ON c.id = changed.client_id JOIN organisation o ON o.id = c.municipality_id`,
  client_outcome: `SELECT o.region_id FROM changed JOIN client c ON c.id = changed.client_id JOIN organisation o ON o.id = c.municipality_id`,
  invoice: `${CONTRACT_REGIONS('SELECT contract_id FROM changed')} UNION SELECT o.region_id FROM changed JOIN organisation o ON o.id = changed.paying_municipality_id`,
  invoice_line: `${CONTRACT_REGIONS('SELECT i.contract_id FROM invoice i WHERE i.id IN (SELECT invoice_id FROM changed)')}
     UNION SELECT o.region_id FROM invoice i JOIN organisation o ON o.id = i.paying_municipality_id WHERE i.id IN (SELECT invoice_id FROM changed)`,
};

/** The trigger functions as this migration made them (RecordFiguresChangeSource's down restores them). */
export const REGIONS_CHANGED = `RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          EXECUTE format('WITH changed AS (SELECT * FROM new_rows) INSERT INTO figures_region_change (region_id) SELECT DISTINCT region_id FROM (%s) AS r WHERE region_id IS NOT NULL', TG_ARGV[0]);
        END IF;
        IF TG_OP IN ('UPDATE', 'DELETE') THEN
          EXECUTE format('WITH changed AS (SELECT * FROM old_rows) INSERT INTO figures_region_change (region_id) SELECT DISTINCT region_id FROM (%s) AS r WHERE region_id IS NOT NULL', TG_ARGV[0]);
        END IF;
        RETURN NULL;
      END $$`;
export const ALL_REGIONS_CHANGED = `RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO figures_region_change (region_id) VALUES (NULL);
        RETURN NULL;
      END $$`;

/**
 * The figures' data version per region (issue 10), instead of one for the whole country: a write in Groningen no longer
 * makes Midden-Gelderland's cached figures old. Every statement that writes a source table appends one row per region
 * its rows belong to, numbered from the same sequence; a region's version is its highest number (a row without region,
 * from TRUNCATE, counts for all). Appending takes no lock, so concurrent writers never wait for each other; the nightly
 * housekeeping keeps only the highest row per region.
 */
export class ScopeFiguresDataVersionToRegions1795970000000 implements MigrationInterface {
  name = 'ScopeFiguresDataVersionToRegions1795970000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE figures_region_change (
      region_id uuid, version bigint NOT NULL DEFAULT nextval('figures_data_version'))`);
    await queryRunner.query(`CREATE INDEX figures_region_change_version ON figures_region_change (region_id, version)`);
    // TG_ARGV[0]: the regions of the rows in `changed`; the transition tables are new_rows and old_rows (UPDATE: both).
    await queryRunner.query(`CREATE FUNCTION figures_regions_changed() ${REGIONS_CHANGED}`);
    await queryRunner.query(`CREATE FUNCTION figures_all_regions_changed() ${ALL_REGIONS_CHANGED}`);
    for (const [table, regions] of Object.entries(REGIONS_OF)) {
      const argument = regions.replace(/'/g, "''");
      await queryRunner.query(`DROP TRIGGER figures_data_changed ON "${table}"`);
      // Transition tables allow one event per trigger.
      await queryRunner.query(`CREATE TRIGGER figures_data_inserted AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION figures_regions_changed('${argument}')`);
      await queryRunner.query(`CREATE TRIGGER figures_data_updated AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION figures_regions_changed('${argument}')`);
      await queryRunner.query(`CREATE TRIGGER figures_data_deleted AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows
        FOR EACH STATEMENT EXECUTE FUNCTION figures_regions_changed('${argument}')`);
      await queryRunner.query(`CREATE TRIGGER figures_data_truncated AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION figures_all_regions_changed()`);
    }
    // Written only by hour_entry's triggers, within hour_entry's statement: its regions are already recorded.
    await queryRunner.query(`DROP TRIGGER figures_data_changed ON hour_placement_month`);
    await queryRunner.query(`DROP FUNCTION figures_data_changed()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION figures_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('figures_data_version');
        RETURN NULL;
      END $$`);
    for (const table of [...Object.keys(REGIONS_OF), 'hour_placement_month']) {
      if (table !== 'hour_placement_month') for (const trigger of ['figures_data_inserted', 'figures_data_updated', 'figures_data_deleted', 'figures_data_truncated']) {
        await queryRunner.query(`DROP TRIGGER ${trigger} ON "${table}"`);
      }
      await queryRunner.query(`CREATE TRIGGER figures_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION figures_data_changed()`);
    }
    await queryRunner.query(`DROP FUNCTION figures_all_regions_changed()`);
    await queryRunner.query(`DROP FUNCTION figures_regions_changed()`);
    await queryRunner.query(`DROP TABLE figures_region_change`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the contract figures are computed from (figures.repository.ts); a write to any of them makes cached figures old. */
const FIGURE_SOURCES = ['placement', 'client', 'hour_entry', 'hour_placement_month', 'integration_result', 'client_outcome', 'invoice', 'invoice_line'];

/**
 * A version number of the figures' source data (issue 10): every statement that writes one of their tables takes the
 * next value. A sequence, not a counter row: nextval takes no lock, so concurrent writers never wait for each other.
 * The API keeps computed figures while this number stands still.
 */
export class AddFiguresDataVersion1795960000000 implements MigrationInterface {
  name = 'AddFiguresDataVersion1795960000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE figures_data_version`);
    await queryRunner.query(`CREATE FUNCTION figures_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM nextval('figures_data_version');
        RETURN NULL;
      END $$`);
    for (const table of FIGURE_SOURCES) {
      await queryRunner.query(`CREATE TRIGGER figures_data_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION figures_data_changed()`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of FIGURE_SOURCES) await queryRunner.query(`DROP TRIGGER figures_data_changed ON "${table}"`);
    await queryRunner.query(`DROP FUNCTION figures_data_changed()`);
    await queryRunner.query(`DROP SEQUENCE figures_data_version`);
  }
}

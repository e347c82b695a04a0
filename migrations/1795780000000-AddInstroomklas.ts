import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The instroomklas as a kind of placement (Oss, issue #15): its own hours, not counted towards the route's norms. */
export class AddInstroomklas1795780000000 implements MigrationInterface {
  name = 'AddInstroomklas1795780000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement" ADD "kind" text NOT NULL DEFAULT 'REGULAR'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "placement" WHERE "kind" = 'INSTROOMKLAS'`);
    await queryRunner.query(`ALTER TABLE "placement" DROP COLUMN "kind"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Contract figures select a contract's placements; without an index every dashboard read all placements (issue 10). */
export class IndexPlacementContract1795920000000 implements MigrationInterface {
  name = 'IndexPlacementContract1795920000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_e0e11ca7d6cb91674cc8dd4c96" ON "placement" ("contract_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_e0e11ca7d6cb91674cc8dd4c96"`);
  }
}

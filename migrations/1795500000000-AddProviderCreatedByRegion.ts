import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddProviderCreatedByRegion1795500000000 implements MigrationInterface {
  name = 'AddProviderCreatedByRegion1795500000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" ADD "created_by_region_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "created_by_region_id"`);
  }
}

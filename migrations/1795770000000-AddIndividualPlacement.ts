import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Individual placements outside a lot (Kerkrade's Onderwijsroute, issue #15): lot and contract optional, agreed price and period. */
export class AddIndividualPlacement1795770000000 implements MigrationInterface {
  name = 'AddIndividualPlacement1795770000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "placement" ADD "agreed_price_cents" integer`);
    await queryRunner.query(`ALTER TABLE "placement" ADD "agreed_starts_on" date`);
    await queryRunner.query(`ALTER TABLE "placement" ADD "agreed_ends_on" date`);
    await queryRunner.query(`ALTER TABLE "placement" ALTER COLUMN "lot_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "placement" ALTER COLUMN "contract_id" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "placement" WHERE "lot_id" IS NULL OR "contract_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "placement" ALTER COLUMN "contract_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "placement" ALTER COLUMN "lot_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "placement" DROP COLUMN "agreed_ends_on"`);
    await queryRunner.query(`ALTER TABLE "placement" DROP COLUMN "agreed_starts_on"`);
    await queryRunner.query(`ALTER TABLE "placement" DROP COLUMN "agreed_price_cents"`);
  }
}

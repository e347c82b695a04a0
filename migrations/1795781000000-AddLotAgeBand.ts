import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A lot's age band (policy), e.g. 18–30 for ROC De Leijgraaf's entree/inburgering track (issue #15). */
export class AddLotAgeBand1795781000000 implements MigrationInterface {
  name = 'AddLotAgeBand1795781000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lot" ADD "min_age" integer`);
    await queryRunner.query(`ALTER TABLE "lot" ADD "max_age" integer`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lot" DROP COLUMN "max_age"`);
    await queryRunner.query(`ALTER TABLE "lot" DROP COLUMN "min_age"`);
  }
}

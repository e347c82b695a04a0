import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first PIP's date, kept apart from later PIP versions (the term and the route-switch window run from it), backfilled
 * from the current PIP for existing clients; and the day a deadline signal was resolved (met, or its deadline moved).
 */
export class AddFirstPipAndResolvedDeadlineSignals1795537080000 implements MigrationInterface {
  name = 'AddFirstPipAndResolvedDeadlineSignals1795537080000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "client" ADD "first_pip_signed_on" date`);
    await queryRunner.query(`UPDATE "client" SET "first_pip_signed_on" = "pip_signed_on" WHERE "pip_signed_on" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "deadline_signal" ADD "resolved_on" date`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "deadline_signal" DROP COLUMN "resolved_on"`);
    await queryRunner.query(`ALTER TABLE "client" DROP COLUMN "first_pip_signed_on"`);
  }
}

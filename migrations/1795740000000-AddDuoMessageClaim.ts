import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Which send job has a DUO message in flight, and until when (the call to DUO happens outside any transaction). */
export class AddDuoMessageClaim1795740000000 implements MigrationInterface {
  name = 'AddDuoMessageClaim1795740000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "duo_message" ADD "claimed_by" text`);
    await queryRunner.query(`ALTER TABLE "duo_message" ADD "claimed_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "duo_message" DROP COLUMN "claimed_until"`);
    await queryRunner.query(`ALTER TABLE "duo_message" DROP COLUMN "claimed_by"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 14: second factor (authenticator app with recovery codes) and session rules (idle timeout, login stages).
export class AddSecondFactor1795830000000 implements MigrationInterface {
  name = 'AddSecondFactor1795830000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user_totp" ("user_id" uuid NOT NULL, "secret_encrypted" text NOT NULL, "confirmed_at" TIMESTAMP WITH TIME ZONE, "last_time_step" bigint, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_04aa6aca4a656f0d4e1fd30ab10" PRIMARY KEY ("user_id"))`);
    await queryRunner.query(`CREATE TABLE "user_recovery_code" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "code_hash" text NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ce52b21a69d394e0d8b4e549bdd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_007947ce13dc1b0c5039e75c66" ON "user_recovery_code"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "user_session" ADD "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`ALTER TABLE "user_session" ADD "stage" text NOT NULL DEFAULT 'FULL'`);
    await queryRunner.query(`ALTER TABLE "user_totp" ADD CONSTRAINT "FK_04aa6aca4a656f0d4e1fd30ab10" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_recovery_code" ADD CONSTRAINT "FK_007947ce13dc1b0c5039e75c668" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "user_recovery_code" DROP CONSTRAINT "FK_007947ce13dc1b0c5039e75c668"`);
    await queryRunner.query(`ALTER TABLE "user_totp" DROP CONSTRAINT "FK_04aa6aca4a656f0d4e1fd30ab10"`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP COLUMN "stage"`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP COLUMN "last_seen_at"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_007947ce13dc1b0c5039e75c66"`);
    await queryRunner.query(`DROP TABLE "user_recovery_code"`);
    await queryRunner.query(`DROP TABLE "user_totp"`);
  }
}

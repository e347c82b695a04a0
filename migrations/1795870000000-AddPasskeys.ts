import type { MigrationInterface, QueryRunner } from 'typeorm';

// Issue 14: passkeys (WebAuthn) as second factor, and the open challenge of a session.
export class AddPasskeys1795870000000 implements MigrationInterface {
  name = 'AddPasskeys1795870000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user_passkey" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "credential_id" text NOT NULL, "public_key" bytea NOT NULL, "counter" bigint NOT NULL DEFAULT '0', "transports" text array NOT NULL DEFAULT '{}', "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_85011ddb1f9d68d5123a51d9851" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_b1c96a38aeb7cebeeae08c9019" ON "user_passkey"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_99481788137d2fa1950b1964ac" ON "user_passkey"  ("credential_id") `);
    await queryRunner.query(`CREATE TABLE "passkey_challenge" ("session_id" uuid NOT NULL, "purpose" text NOT NULL, "challenge" text NOT NULL, "rp_id" text NOT NULL, "origin" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_f89e3826ccf8814c59a47e3fcaf" PRIMARY KEY ("session_id"))`);
    await queryRunner.query(`ALTER TABLE "user_passkey" ADD CONSTRAINT "FK_b1c96a38aeb7cebeeae08c9019e" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "passkey_challenge" ADD CONSTRAINT "FK_f89e3826ccf8814c59a47e3fcaf" FOREIGN KEY ("session_id") REFERENCES "user_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "passkey_challenge" DROP CONSTRAINT "FK_f89e3826ccf8814c59a47e3fcaf"`);
    await queryRunner.query(`ALTER TABLE "user_passkey" DROP CONSTRAINT "FK_b1c96a38aeb7cebeeae08c9019e"`);
    await queryRunner.query(`DROP TABLE "passkey_challenge"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_99481788137d2fa1950b1964ac"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b1c96a38aeb7cebeeae08c9019"`);
    await queryRunner.query(`DROP TABLE "user_passkey"`);
  }
}

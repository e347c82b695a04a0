import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Single sign-on (issue 14): per-organisation OpenID Connect connections, the subjects matched to users, login attempts (state, nonce, PKCE) and the sessions that began at an identity provider. */
export class AddSingleSignOn1795840000000 implements MigrationInterface {
  name = 'AddSingleSignOn1795840000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "sso_connection" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "organisation_id" uuid NOT NULL, "kind" text NOT NULL, "issuer_url" text NOT NULL, "oidc_client_id" text NOT NULL, "client_secret_encrypted" text NOT NULL, "email_domains" text array NOT NULL, "email_matching" text NOT NULL DEFAULT 'VERIFIED', "enabled" boolean NOT NULL DEFAULT true, "updated_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5158ac85025e15df591a62eb7ab" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7168731b217ab67569c34f36f5" ON "sso_connection"  ("organisation_id") `);
    await queryRunner.query(`CREATE TABLE "sso_identity" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "issuer" text NOT NULL, "subject" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_db3de767ebaf969f33f59a5196b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_64b30884088c3c4e7a720fbff0" ON "sso_identity"  ("user_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_86578878ea37918c6bd482712a" ON "sso_identity"  ("issuer", "subject") `);
    await queryRunner.query(`CREATE TABLE "sso_login_attempt" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "state_hash" text NOT NULL, "connection_id" uuid NOT NULL, "nonce" text NOT NULL, "code_verifier" text NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d76fc052347b7fefc1caccc8a0d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_11345438f5770d65358e25e3ec" ON "sso_login_attempt"  ("state_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_856f8f4744fe7864505f234015" ON "sso_login_attempt"  ("connection_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_9d612fd4ea6ee7dd726c706516" ON "sso_login_attempt"  ("expires_at") `);
    await queryRunner.query(`CREATE TABLE "sso_session" ("session_id" uuid NOT NULL, "connection_id" uuid NOT NULL, "id_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_079f6208f2342462277e4ad6bb1" PRIMARY KEY ("session_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_ee62831b7747c0aa4ae3327429" ON "sso_session"  ("connection_id") `);
    await queryRunner.query(`ALTER TABLE "sso_connection" ADD CONSTRAINT "FK_7168731b217ab67569c34f36f50" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sso_identity" ADD CONSTRAINT "FK_64b30884088c3c4e7a720fbff09" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sso_login_attempt" ADD CONSTRAINT "FK_856f8f4744fe7864505f2340150" FOREIGN KEY ("connection_id") REFERENCES "sso_connection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sso_session" ADD CONSTRAINT "FK_079f6208f2342462277e4ad6bb1" FOREIGN KEY ("session_id") REFERENCES "user_session"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sso_session" ADD CONSTRAINT "FK_ee62831b7747c0aa4ae3327429d" FOREIGN KEY ("connection_id") REFERENCES "sso_connection"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sso_session" DROP CONSTRAINT "FK_ee62831b7747c0aa4ae3327429d"`);
    await queryRunner.query(`ALTER TABLE "sso_session" DROP CONSTRAINT "FK_079f6208f2342462277e4ad6bb1"`);
    await queryRunner.query(`ALTER TABLE "sso_login_attempt" DROP CONSTRAINT "FK_856f8f4744fe7864505f2340150"`);
    await queryRunner.query(`ALTER TABLE "sso_identity" DROP CONSTRAINT "FK_64b30884088c3c4e7a720fbff09"`);
    await queryRunner.query(`ALTER TABLE "sso_connection" DROP CONSTRAINT "FK_7168731b217ab67569c34f36f50"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ee62831b7747c0aa4ae3327429"`);
    await queryRunner.query(`DROP TABLE "sso_session"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9d612fd4ea6ee7dd726c706516"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_856f8f4744fe7864505f234015"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_11345438f5770d65358e25e3ec"`);
    await queryRunner.query(`DROP TABLE "sso_login_attempt"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_86578878ea37918c6bd482712a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_64b30884088c3c4e7a720fbff0"`);
    await queryRunner.query(`DROP TABLE "sso_identity"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7168731b217ab67569c34f36f5"`);
    await queryRunner.query(`DROP TABLE "sso_connection"`);
  }
}

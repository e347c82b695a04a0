import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on with private_key_jwt (issue 14): many eHerkenning brokers take no shared secret, only a signed assertion.
 * A connection says how the platform authenticates, and holds its own signing key (private half sealed, public half as JWK).
 */
export class AddSsoPrivateKeyJwt1795900000000 implements MigrationInterface {
  name = 'AddSsoPrivateKeyJwt1795900000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sso_connection" ADD "client_authentication" text NOT NULL DEFAULT 'CLIENT_SECRET'`);
    await queryRunner.query(`ALTER TABLE "sso_connection" ADD "signing_key_encrypted" text`);
    await queryRunner.query(`ALTER TABLE "sso_connection" ADD "signing_key_id" text`);
    await queryRunner.query(`ALTER TABLE "sso_connection" ADD "signing_public_jwk" jsonb`);
    await queryRunner.query(`ALTER TABLE "sso_connection" ADD CONSTRAINT "CHK_sso_connection_client_authentication" CHECK ("client_authentication" IN ('CLIENT_SECRET', 'PRIVATE_KEY_JWT'))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sso_connection" DROP CONSTRAINT "CHK_sso_connection_client_authentication"`);
    await queryRunner.query(`ALTER TABLE "sso_connection" DROP COLUMN "signing_public_jwk"`);
    await queryRunner.query(`ALTER TABLE "sso_connection" DROP COLUMN "signing_key_id"`);
    await queryRunner.query(`ALTER TABLE "sso_connection" DROP COLUMN "signing_key_encrypted"`);
    await queryRunner.query(`ALTER TABLE "sso_connection" DROP COLUMN "client_authentication"`);
  }
}

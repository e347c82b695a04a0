import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Administration (issue 14): municipalities' OIN, deactivated accounts, provider administrators, invitations, sent mail and the change history. */
export class AddAdministration1795850000000 implements MigrationInterface {
  name = 'AddAdministration1795850000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "user_invitation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "email" text NOT NULL, "display_name" text NOT NULL, "role" text NOT NULL, "organisation_id" uuid NOT NULL, "invited_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "accepted_at" TIMESTAMP WITH TIME ZONE, "user_id" uuid, CONSTRAINT "PK_41026b90b70299ac5dc0183351a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_65f8dcac30954ce6930e3c44f8" ON "user_invitation"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_dae1fbb7380870edf9b6098665" ON "user_invitation"  ("organisation_id") `);
    await queryRunner.query(`CREATE TABLE "outgoing_mail" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "sender_organisation_id" uuid NOT NULL, "invitation_id" uuid, "recipient" text NOT NULL, "subject" text NOT NULL, "body" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "sent_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_ed85381cac829352bf9e8238ff8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_549d862088db7074d54861aacf" ON "outgoing_mail"  ("sender_organisation_id") `);
    await queryRunner.query(`CREATE TABLE "admin_change" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid, "organisation_id" uuid NOT NULL, "actor_user_id" uuid, "actor_name" text NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "subject_kind" text NOT NULL, "subject_id" uuid NOT NULL, "summary" text NOT NULL, CONSTRAINT "PK_0fd49cea66fee6e0b08559f11ff" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_1640d25bbb4b7e9495f5ce9cbf" ON "admin_change"  ("organisation_id", "occurred_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_1827d2928b40b10ba9c8f3a0dc" ON "admin_change"  ("region_id", "occurred_at") `);
    await queryRunner.query(`ALTER TABLE "organisation" ADD "oin" text`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "deactivated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD "manages_own_users" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "user_invitation" ADD CONSTRAINT "FK_dae1fbb7380870edf9b60986658" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_invitation" ADD CONSTRAINT "FK_8cf874010075c7d8408300be961" FOREIGN KEY ("invited_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_invitation" ADD CONSTRAINT "FK_79f68a9007a10c9fa07febc9e1c" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outgoing_mail" ADD CONSTRAINT "FK_549d862088db7074d54861aacf0" FOREIGN KEY ("sender_organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "outgoing_mail" ADD CONSTRAINT "FK_1de192beffdd8668eab034534a4" FOREIGN KEY ("invitation_id") REFERENCES "user_invitation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "admin_change" ADD CONSTRAINT "FK_980c95a0d7a9726914816e99afd" FOREIGN KEY ("actor_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "admin_change" DROP CONSTRAINT "FK_980c95a0d7a9726914816e99afd"`);
    await queryRunner.query(`ALTER TABLE "outgoing_mail" DROP CONSTRAINT "FK_1de192beffdd8668eab034534a4"`);
    await queryRunner.query(`ALTER TABLE "outgoing_mail" DROP CONSTRAINT "FK_549d862088db7074d54861aacf0"`);
    await queryRunner.query(`ALTER TABLE "user_invitation" DROP CONSTRAINT "FK_79f68a9007a10c9fa07febc9e1c"`);
    await queryRunner.query(`ALTER TABLE "user_invitation" DROP CONSTRAINT "FK_8cf874010075c7d8408300be961"`);
    await queryRunner.query(`ALTER TABLE "user_invitation" DROP CONSTRAINT "FK_dae1fbb7380870edf9b60986658"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "manages_own_users"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP COLUMN "deactivated_at"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP COLUMN "oin"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1827d2928b40b10ba9c8f3a0dc"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1640d25bbb4b7e9495f5ce9cbf"`);
    await queryRunner.query(`DROP TABLE "admin_change"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_549d862088db7074d54861aacf"`);
    await queryRunner.query(`DROP TABLE "outgoing_mail"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_dae1fbb7380870edf9b6098665"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_65f8dcac30954ce6930e3c44f8"`);
    await queryRunner.query(`DROP TABLE "user_invitation"`);
  }
}

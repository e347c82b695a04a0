import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateFoundation1795447532735 implements MigrationInterface {
  name = 'CreateFoundation1795447532735';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "organisation" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "kind" text NOT NULL, "name" text NOT NULL, "region_id" uuid, "cbs_code" text, "kvk_number" text, "provider_kind" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_c725ae234ef1b74cce43d2d00c1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_baf378a702da51ca448b9f7634" ON "organisation"  ("region_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_16c6295071fa07cdcdcdb020c6" ON "organisation"  ("cbs_code") WHERE cbs_code IS NOT NULL`);
    await queryRunner.query(`CREATE TABLE "app_user" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text NOT NULL, "role" text NOT NULL, "organisation_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22a5c4a3d9b2fb8e4e73fc4ada1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_3fa909d0e37c531ebc23770339" ON "app_user"  ("email") `);
    await queryRunner.query(`CREATE INDEX "IDX_6fa42e978fa7d7adc32736e26f" ON "app_user"  ("organisation_id") `);
    await queryRunner.query(`CREATE TABLE "client" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "client_number" integer NOT NULL, "bsn_encrypted" text NOT NULL, "bsn_hash" text NOT NULL, "first_name" text NOT NULL, "last_name" text NOT NULL, "date_of_birth" date NOT NULL, "target_group" text NOT NULL, "brp_registration_date" date NOT NULL, "pip_signed_on" date, "route" text, "level" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_96da49381769303a6515a8785c7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e5de03cf1dccf30037682c036f" ON "client"  ("municipality_id", "bsn_hash") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_74ad8c1364daa0f45e687f4bb5" ON "client"  ("municipality_id", "client_number") `);
    await queryRunner.query(`CREATE TABLE "lot" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "name" text NOT NULL, "subject" text NOT NULL, "period_start" date NOT NULL, "period_end" date NOT NULL, "expected_volume_per_year" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_2ba293e2165c7b93cd766c8ac9b" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_14709ab675a430af4eeafacc6d" ON "lot"  ("region_id") `);
    await queryRunner.query(`CREATE TABLE "lot_municipality" ("lot_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, CONSTRAINT "PK_f4a63ecacc54a4dfcfa8fc4b7bd" PRIMARY KEY ("lot_id", "municipality_id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_eb3d24d298e6a7effc67bd2ef1" ON "lot_municipality"  ("municipality_id") `);
    await queryRunner.query(`CREATE TABLE "contract" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "lot_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "status" text NOT NULL, "starts_on" date NOT NULL, "ends_on" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_17c3a89f58a2997276084e706e8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d44fd7313bdaffcf260f84ceb8" ON "contract"  ("provider_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_7dacb25e6a9938afab235ffc50" ON "contract"  ("lot_id", "provider_id") `);
    await queryRunner.query(`CREATE TABLE "deadline_signal" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "kind" text NOT NULL, "deadline" date NOT NULL, "status" text NOT NULL, "detected_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b7189d828c96b93b9920a1db4fd" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_9e99964d0bbd48f69ef3595e91" ON "deadline_signal"  ("municipality_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_c628d98fc4e8831ae2b23ba4e8" ON "deadline_signal"  ("client_id", "kind", "deadline") `);
    await queryRunner.query(`CREATE TABLE "job_execution" ("job_key" text NOT NULL, "job_name" text NOT NULL, "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_b107fbdeba7f75e9830e2867053" PRIMARY KEY ("job_key"))`);
    await queryRunner.query(`CREATE TABLE "outbox_message" ("id" BIGSERIAL NOT NULL, "job_name" text NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "relayed_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_2f36ee5236f2793f3e7bd554589" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "outbox_message_pending" ON "outbox_message"  ("id") WHERE relayed_at IS NULL`);
    await queryRunner.query(`CREATE TABLE "processing_log" ("id" BIGSERIAL NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_user_id" uuid, "actor_organisation_id" uuid, "action" text NOT NULL, "subject_type" text NOT NULL, "subject_ids" uuid array NOT NULL, "purpose" text NOT NULL, CONSTRAINT "PK_ac2c2376d6246ad6b04b3323c25" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_982cf5bd45392e729752b9fa10" ON "processing_log"  ("actor_user_id") `);
    await queryRunner.query(`CREATE TABLE "sub_region" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "name" text NOT NULL, CONSTRAINT "PK_ce80f6dcc9a4ac8324f48b10975" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_8f18e24ed62c0d96fe17c7aff6" ON "sub_region"  ("region_id") `);
    await queryRunner.query(`CREATE TABLE "sub_region_municipality" ("sub_region_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, CONSTRAINT "PK_09deec649860226a860ed5f53c3" PRIMARY KEY ("sub_region_id", "municipality_id"))`);
    await queryRunner.query(`CREATE TABLE "user_session" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_adf3b49590842ac3cf54cac451a" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_9ccf6d901cef4067214284f327" ON "user_session"  ("token_hash") `);
    await queryRunner.query(`CREATE INDEX "IDX_13275383dcdf095ee29f2b3455" ON "user_session"  ("user_id") `);
    await queryRunner.query(`ALTER TABLE "organisation" ADD CONSTRAINT "FK_baf378a702da51ca448b9f76340" FOREIGN KEY ("region_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "app_user" ADD CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "client" ADD CONSTRAINT "FK_50d2f8e286975d06a2238f2f69a" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lot" ADD CONSTRAINT "FK_14709ab675a430af4eeafacc6d1" FOREIGN KEY ("region_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lot_municipality" ADD CONSTRAINT "FK_ef7e5c143663d16ba05cf18a2a7" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "lot_municipality" ADD CONSTRAINT "FK_eb3d24d298e6a7effc67bd2ef1f" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract" ADD CONSTRAINT "FK_5fecafcf0cfb9b61ce5cc0a4e70" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract" ADD CONSTRAINT "FK_d44fd7313bdaffcf260f84ceb8c" FOREIGN KEY ("provider_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "deadline_signal" ADD CONSTRAINT "FK_24c48e4af4ac4ee4c49980054ce" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sub_region" ADD CONSTRAINT "FK_8f18e24ed62c0d96fe17c7aff6a" FOREIGN KEY ("region_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sub_region_municipality" ADD CONSTRAINT "FK_80770ec6d0e94000f2eadcccc24" FOREIGN KEY ("sub_region_id") REFERENCES "sub_region"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sub_region_municipality" ADD CONSTRAINT "FK_e33981e6d98510b423a901faaa2" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "user_session" ADD CONSTRAINT "FK_13275383dcdf095ee29f2b3455a" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Hand-written: the processing log is append-only (Logboek dataverwerkingen); not part of the entity diff.
    await queryRunner.query(`CREATE FUNCTION processing_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'processing_log is append-only'; END $$`);
    await queryRunner.query(`CREATE TRIGGER processing_log_no_change BEFORE UPDATE OR DELETE ON "processing_log" FOR EACH ROW EXECUTE FUNCTION processing_log_append_only()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER processing_log_no_change ON "processing_log"`);
    await queryRunner.query(`DROP FUNCTION processing_log_append_only()`);
    await queryRunner.query(`ALTER TABLE "user_session" DROP CONSTRAINT "FK_13275383dcdf095ee29f2b3455a"`);
    await queryRunner.query(`ALTER TABLE "sub_region_municipality" DROP CONSTRAINT "FK_e33981e6d98510b423a901faaa2"`);
    await queryRunner.query(`ALTER TABLE "sub_region_municipality" DROP CONSTRAINT "FK_80770ec6d0e94000f2eadcccc24"`);
    await queryRunner.query(`ALTER TABLE "sub_region" DROP CONSTRAINT "FK_8f18e24ed62c0d96fe17c7aff6a"`);
    await queryRunner.query(`ALTER TABLE "deadline_signal" DROP CONSTRAINT "FK_24c48e4af4ac4ee4c49980054ce"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "FK_d44fd7313bdaffcf260f84ceb8c"`);
    await queryRunner.query(`ALTER TABLE "contract" DROP CONSTRAINT "FK_5fecafcf0cfb9b61ce5cc0a4e70"`);
    await queryRunner.query(`ALTER TABLE "lot_municipality" DROP CONSTRAINT "FK_eb3d24d298e6a7effc67bd2ef1f"`);
    await queryRunner.query(`ALTER TABLE "lot_municipality" DROP CONSTRAINT "FK_ef7e5c143663d16ba05cf18a2a7"`);
    await queryRunner.query(`ALTER TABLE "lot" DROP CONSTRAINT "FK_14709ab675a430af4eeafacc6d1"`);
    await queryRunner.query(`ALTER TABLE "client" DROP CONSTRAINT "FK_50d2f8e286975d06a2238f2f69a"`);
    await queryRunner.query(`ALTER TABLE "app_user" DROP CONSTRAINT "FK_6fa42e978fa7d7adc32736e26fd"`);
    await queryRunner.query(`ALTER TABLE "organisation" DROP CONSTRAINT "FK_baf378a702da51ca448b9f76340"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_13275383dcdf095ee29f2b3455"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9ccf6d901cef4067214284f327"`);
    await queryRunner.query(`DROP TABLE "user_session"`);
    await queryRunner.query(`DROP TABLE "sub_region_municipality"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8f18e24ed62c0d96fe17c7aff6"`);
    await queryRunner.query(`DROP TABLE "sub_region"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_982cf5bd45392e729752b9fa10"`);
    await queryRunner.query(`DROP TABLE "processing_log"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_pending"`);
    await queryRunner.query(`DROP TABLE "outbox_message"`);
    await queryRunner.query(`DROP TABLE "job_execution"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c628d98fc4e8831ae2b23ba4e8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_9e99964d0bbd48f69ef3595e91"`);
    await queryRunner.query(`DROP TABLE "deadline_signal"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7dacb25e6a9938afab235ffc50"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d44fd7313bdaffcf260f84ceb8"`);
    await queryRunner.query(`DROP TABLE "contract"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_eb3d24d298e6a7effc67bd2ef1"`);
    await queryRunner.query(`DROP TABLE "lot_municipality"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_14709ab675a430af4eeafacc6d"`);
    await queryRunner.query(`DROP TABLE "lot"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_74ad8c1364daa0f45e687f4bb5"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e5de03cf1dccf30037682c036f"`);
    await queryRunner.query(`DROP TABLE "client"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_6fa42e978fa7d7adc32736e26f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3fa909d0e37c531ebc23770339"`);
    await queryRunner.query(`DROP TABLE "app_user"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_16c6295071fa07cdcdcdb020c6"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_baf378a702da51ca448b9f7634"`);
    await queryRunner.query(`DROP TABLE "organisation"`);
  }
}

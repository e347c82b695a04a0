import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The digital presence list (issue 12): groups with a weekly schedule and teacher, their lessons, the students' sign-in
 * cards (hashed codes), the append-only lines of each list, and the source of an hour entry. A trigger keeps the lines
 * append-only and refuses a plain line on a closed list (only a correction with a reason may be added).
 */
export class AddPresenceLists1795680000000 implements MigrationInterface {
  name = 'AddPresenceLists1795680000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "presence_group" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "name" text NOT NULL, "location" text NOT NULL, "daypart" text NOT NULL, "start_moment_id" uuid, "category" text NOT NULL DEFAULT 'LANGUAGE', "teacher_user_id" uuid NOT NULL, "weekdays" integer array NOT NULL, "start_time" text NOT NULL, "end_time" text NOT NULL, "schedule_from" date NOT NULL, "schedule_until" date NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e8419c992bb8082f530bbc6a4a8" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_5930a647c96440c354b3c10553" ON "presence_group"  ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_7a588f27b7b833fadd42cd94a7" ON "presence_group"  ("teacher_user_id") `);
    await queryRunner.query(`CREATE TABLE "presence_group_member" ("group_id" uuid NOT NULL, "placement_id" uuid NOT NULL, CONSTRAINT "PK_dad0de420c61912ca0aa4aa9ffa" PRIMARY KEY ("group_id", "placement_id"))`);
    await queryRunner.query(`CREATE TABLE "presence_lesson" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "group_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "lesson_date" date NOT NULL, "start_time" text NOT NULL, "end_time" text NOT NULL, "kind" text NOT NULL, "teacher_user_id" uuid NOT NULL, "cancellation" text, "closed_at" TIMESTAMP WITH TIME ZONE, "closed_by_user_id" uuid, "closing_signature" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_22f68668ea82a984f6cef201851" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_09a48f0116f66d1d62da4b781a" ON "presence_lesson"  ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_bf1276bfe13de585df811ef058" ON "presence_lesson"  ("teacher_user_id", "lesson_date") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_047b6145fd46d8d83f57a07471" ON "presence_lesson"  ("group_id", "lesson_date", "start_time") `);
    await queryRunner.query(`CREATE TABLE "presence_credential" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "placement_id" uuid NOT NULL, "code_hash" text NOT NULL, "code_hint" text NOT NULL, "issued_by_user_id" uuid NOT NULL, "issued_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_user_id" uuid, CONSTRAINT "PK_64125cab37d1237612c50e873e4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_1bfb725806aef433acae3677d3" ON "presence_credential"  ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_ba46e409a961a8d844e54789ba" ON "presence_credential"  ("placement_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2b4cfa18fb7e5437dab15bc87c" ON "presence_credential"  ("code_hash") `);
    await queryRunner.query(`CREATE TABLE "presence_mark" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" SERIAL NOT NULL, "lesson_id" uuid NOT NULL, "placement_id" uuid NOT NULL, "client_mark_id" uuid NOT NULL, "kind" text NOT NULL, "at_minutes" integer, "credential_kind" text, "credential_id" uuid, "absence_reason" text, "late" boolean NOT NULL DEFAULT false, "corrects_mark_id" uuid, "correction_reason" text, "recorded_by_user_id" uuid NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_d656c4f68ccad863f2d512f4ecf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_d79e767a8edbe51d4cea147faf" ON "presence_mark"  ("lesson_id", "placement_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_65d0689968e2a58311c869c6d8" ON "presence_mark"  ("lesson_id", "client_mark_id") `);
    await queryRunner.query(`ALTER TABLE "hour_entry" ADD "source" text`);
    await queryRunner.query(`ALTER TABLE "presence_group" ADD CONSTRAINT "FK_5930a647c96440c354b3c105533" FOREIGN KEY ("provider_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "presence_group" ADD CONSTRAINT "FK_7a588f27b7b833fadd42cd94a78" FOREIGN KEY ("teacher_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "presence_group_member" ADD CONSTRAINT "FK_8f9cc5f9a3e6b82b19e3b08bfca" FOREIGN KEY ("group_id") REFERENCES "presence_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "presence_group_member" ADD CONSTRAINT "FK_74e8944f0d22e10dd2aff7996aa" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "presence_lesson" ADD CONSTRAINT "FK_a0fd0cc5619324bd52b9968a528" FOREIGN KEY ("group_id") REFERENCES "presence_group"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "presence_lesson" ADD CONSTRAINT "FK_1edb45083b6664279001aaaf46e" FOREIGN KEY ("teacher_user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "presence_credential" ADD CONSTRAINT "FK_ba46e409a961a8d844e54789ba8" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "presence_mark" ADD CONSTRAINT "FK_c93ea22662353fee7b2a57661f4" FOREIGN KEY ("lesson_id") REFERENCES "presence_lesson"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "presence_mark" ADD CONSTRAINT "FK_6d022d1d7750764889ba10bb5a7" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE FUNCTION presence_mark_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION 'presence_mark is append-only' USING ERRCODE = 'check_violation'; END IF;
        IF NEW.correction_reason IS NULL AND EXISTS (SELECT 1 FROM presence_lesson l WHERE l.id = NEW.lesson_id AND l.closed_at IS NOT NULL) THEN
          RAISE EXCEPTION 'presence list is closed' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER presence_mark_guard BEFORE INSERT OR UPDATE ON "presence_mark" FOR EACH ROW EXECUTE FUNCTION presence_mark_guard()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER presence_mark_guard ON "presence_mark"`);
    await queryRunner.query(`DROP FUNCTION presence_mark_guard()`);
    await queryRunner.query(`ALTER TABLE "presence_mark" DROP CONSTRAINT "FK_6d022d1d7750764889ba10bb5a7"`);
    await queryRunner.query(`ALTER TABLE "presence_mark" DROP CONSTRAINT "FK_c93ea22662353fee7b2a57661f4"`);
    await queryRunner.query(`ALTER TABLE "presence_credential" DROP CONSTRAINT "FK_ba46e409a961a8d844e54789ba8"`);
    await queryRunner.query(`ALTER TABLE "presence_lesson" DROP CONSTRAINT "FK_1edb45083b6664279001aaaf46e"`);
    await queryRunner.query(`ALTER TABLE "presence_lesson" DROP CONSTRAINT "FK_a0fd0cc5619324bd52b9968a528"`);
    await queryRunner.query(`ALTER TABLE "presence_group_member" DROP CONSTRAINT "FK_74e8944f0d22e10dd2aff7996aa"`);
    await queryRunner.query(`ALTER TABLE "presence_group_member" DROP CONSTRAINT "FK_8f9cc5f9a3e6b82b19e3b08bfca"`);
    await queryRunner.query(`ALTER TABLE "presence_group" DROP CONSTRAINT "FK_7a588f27b7b833fadd42cd94a78"`);
    await queryRunner.query(`ALTER TABLE "presence_group" DROP CONSTRAINT "FK_5930a647c96440c354b3c105533"`);
    await queryRunner.query(`ALTER TABLE "hour_entry" DROP COLUMN "source"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_65d0689968e2a58311c869c6d8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_d79e767a8edbe51d4cea147faf"`);
    await queryRunner.query(`DROP TABLE "presence_mark"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2b4cfa18fb7e5437dab15bc87c"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_ba46e409a961a8d844e54789ba"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_1bfb725806aef433acae3677d3"`);
    await queryRunner.query(`DROP TABLE "presence_credential"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_047b6145fd46d8d83f57a07471"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_bf1276bfe13de585df811ef058"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_09a48f0116f66d1d62da4b781a"`);
    await queryRunner.query(`DROP TABLE "presence_lesson"`);
    await queryRunner.query(`DROP TABLE "presence_group_member"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_7a588f27b7b833fadd42cd94a7"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5930a647c96440c354b3c10553"`);
    await queryRunner.query(`DROP TABLE "presence_group"`);
  }
}

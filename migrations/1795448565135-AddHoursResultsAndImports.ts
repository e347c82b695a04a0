import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddHoursResultsAndImports1795448565135 implements MigrationInterface {
  name = 'AddHoursResultsAndImports1795448565135';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "hour_entry" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "placement_id" uuid NOT NULL, "client_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "lesson_date" date NOT NULL, "category" text NOT NULL, "planned_minutes" integer NOT NULL, "attended_minutes" integer NOT NULL, "absence_reason" text, "revision" integer NOT NULL DEFAULT '0', "corrects_entry_id" uuid, "correction_reason" text, "version" integer NOT NULL DEFAULT '1', "import_batch_id" uuid, "entered_by_user_id" uuid, "entered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_186234a86346572b8d1733225f3" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_c2a284520716d7bef2dab6177e" ON "hour_entry"  ("client_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_2a83beb486e9afee127a878503" ON "hour_entry"  ("municipality_id", "lesson_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_5f093768b3ef3faf5871a9afda" ON "hour_entry"  ("provider_id", "lesson_date") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_4ffbb42a53b2d11c2eec703c09" ON "hour_entry"  ("placement_id", "lesson_date", "category", "revision") `);
    await queryRunner.query(`CREATE TABLE "hour_period" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "month" date NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_user_id" uuid, "rejection_reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a5eecec13adeb4d43febd5b7167" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_23ecc789b101f814d852f8e68a" ON "hour_period"  ("municipality_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_03faa95da48860075b9090c9dd" ON "hour_period"  ("provider_id", "municipality_id", "month") `);
    await queryRunner.query(`CREATE TABLE "import_batch" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "provider_id" uuid NOT NULL, "idempotency_key" text NOT NULL, "filename" text NOT NULL, "format" text NOT NULL, "sha256" text NOT NULL, "content" bytea NOT NULL, "mode" text NOT NULL, "status" text NOT NULL DEFAULT 'QUEUED', "total_rows" integer, "processed_rows" integer NOT NULL DEFAULT '0', "error_count" integer NOT NULL DEFAULT '0', "errors" jsonb NOT NULL DEFAULT '[]', "created_by_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_f408daa3bbc77ffc37eca041312" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_19da40b05d3c3b6493649a047d" ON "import_batch"  ("idempotency_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_8a05448d067d545b1511f76b96" ON "import_batch"  ("provider_id", "sha256") `);
    await queryRunner.query(`CREATE TABLE "integration_result" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "placement_id" uuid, "municipality_id" uuid NOT NULL, "provider_id" uuid, "kind" text NOT NULL, "exam_part" text, "level" text, "attempt" integer, "passed" boolean, "result_date" date NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "idempotency_key" text NOT NULL, "recorded_by_user_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_9a991f133e15d5419a35204a3cf" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_f2dd62be13a045f7e9bf3850cc" ON "integration_result"  ("client_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_07c9f2044cb023e914ddd94509" ON "integration_result"  ("municipality_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_48bb1fe082be8c6fb5f869b374" ON "integration_result"  ("provider_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_513b6041359e3b8c9b95c44ee9" ON "integration_result"  ("idempotency_key") `);
    await queryRunner.query(`CREATE TABLE "absence_rule" ("municipality_id" uuid NOT NULL, "low_attendance_percent" integer NOT NULL DEFAULT '80', "window_weeks" integer NOT NULL DEFAULT '4', "consecutive_unexcused" integer NOT NULL DEFAULT '3', CONSTRAINT "PK_8122595765a7b661d589f870691" PRIMARY KEY ("municipality_id"))`);
    await queryRunner.query(`ALTER TABLE "hour_entry" ADD CONSTRAINT "FK_1659169ed6a5178e042404e7036" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "hour_entry" ADD CONSTRAINT "FK_9f547fd32ce02a84b6cbec4ccce" FOREIGN KEY ("corrects_entry_id") REFERENCES "hour_entry"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "hour_period" ADD CONSTRAINT "FK_31d2257643d38dca99306d0bd0b" FOREIGN KEY ("provider_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "hour_period" ADD CONSTRAINT "FK_23ecc789b101f814d852f8e68a6" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "import_batch" ADD CONSTRAINT "FK_d2b0f32d820ebf5b4eb00ce24e5" FOREIGN KEY ("provider_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "integration_result" ADD CONSTRAINT "FK_f2dd62be13a045f7e9bf3850cc2" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "absence_rule" ADD CONSTRAINT "FK_8122595765a7b661d589f870691" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "absence_rule" DROP CONSTRAINT "FK_8122595765a7b661d589f870691"`);
    await queryRunner.query(`ALTER TABLE "integration_result" DROP CONSTRAINT "FK_f2dd62be13a045f7e9bf3850cc2"`);
    await queryRunner.query(`ALTER TABLE "import_batch" DROP CONSTRAINT "FK_d2b0f32d820ebf5b4eb00ce24e5"`);
    await queryRunner.query(`ALTER TABLE "hour_period" DROP CONSTRAINT "FK_23ecc789b101f814d852f8e68a6"`);
    await queryRunner.query(`ALTER TABLE "hour_period" DROP CONSTRAINT "FK_31d2257643d38dca99306d0bd0b"`);
    await queryRunner.query(`ALTER TABLE "hour_entry" DROP CONSTRAINT "FK_9f547fd32ce02a84b6cbec4ccce"`);
    await queryRunner.query(`ALTER TABLE "hour_entry" DROP CONSTRAINT "FK_1659169ed6a5178e042404e7036"`);
    await queryRunner.query(`DROP TABLE "absence_rule"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_513b6041359e3b8c9b95c44ee9"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_48bb1fe082be8c6fb5f869b374"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_07c9f2044cb023e914ddd94509"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_f2dd62be13a045f7e9bf3850cc"`);
    await queryRunner.query(`DROP TABLE "integration_result"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_8a05448d067d545b1511f76b96"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_19da40b05d3c3b6493649a047d"`);
    await queryRunner.query(`DROP TABLE "import_batch"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_03faa95da48860075b9090c9dd"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_23ecc789b101f814d852f8e68a"`);
    await queryRunner.query(`DROP TABLE "hour_period"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_4ffbb42a53b2d11c2eec703c09"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_5f093768b3ef3faf5871a9afda"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_2a83beb486e9afee127a878503"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_c2a284520716d7bef2dab6177e"`);
    await queryRunner.query(`DROP TABLE "hour_entry"`);
  }
}

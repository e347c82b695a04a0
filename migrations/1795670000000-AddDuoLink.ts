import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The DUO link: per-municipality configuration, outgoing messages, received notifications and what DUO knows per client. */
export class AddDuoLink1795670000000 implements MigrationInterface {
  name = 'AddDuoLink1795670000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "duo_link" ("municipality_id" uuid NOT NULL, "enabled" boolean NOT NULL DEFAULT false, "municipality_oin" text NOT NULL, "duo_oin" text NOT NULL, "base_url" text NOT NULL, "cert_path" text NOT NULL, "key_path" text NOT NULL, "ca_path" text, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_52d712e5b27062c812b152ceccf" PRIMARY KEY ("municipality_id"))`);
    await queryRunner.query(`CREATE TABLE "duo_message" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "seq" BIGSERIAL NOT NULL, "municipality_id" uuid NOT NULL, "client_id" uuid NOT NULL, "kind" text NOT NULL, "subject_key" text NOT NULL, "status" text NOT NULL DEFAULT 'WAITING', "method" text NOT NULL, "path" text NOT NULL, "body" jsonb, "bericht_id" uuid NOT NULL, "attempts" integer NOT NULL DEFAULT '0', "http_status" integer, "errors" jsonb, "last_error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "answered_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_b8f70026641e40198932bf18f17" UNIQUE ("bericht_id"), CONSTRAINT "PK_fdf4273d7b326e54727fe89c7b1" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "duo_message_municipality_status" ON "duo_message"  ("municipality_id", "status")`);
    await queryRunner.query(`CREATE INDEX "duo_message_client" ON "duo_message"  ("client_id", "seq")`);
    await queryRunner.query(`CREATE TABLE "duo_notification" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "bericht_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "client_id" uuid, "event_id" text NOT NULL, "registered_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" text NOT NULL DEFAULT 'RECEIVED', "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_a8fc0f7d3af65ae3261dcd77081" UNIQUE ("bericht_id"), CONSTRAINT "PK_65d61173e7b3698ccb693724028" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "duo_client_state" ("client_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "obligation" jsonb, "term_start" date, "term_end" date, "exam_results" jsonb, "exemptions" jsonb, "dispensations" jsonb, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5dfcd28b132e3b7419769595dbc" PRIMARY KEY ("client_id"))`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "duo_client_state"`);
    await queryRunner.query(`DROP TABLE "duo_notification"`);
    await queryRunner.query(`DROP TABLE "duo_message"`);
    await queryRunner.query(`DROP TABLE "duo_link"`);
  }
}

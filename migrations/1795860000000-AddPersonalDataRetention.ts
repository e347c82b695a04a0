import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a removed free-text reason on an append-only presence line becomes (the retention repository writes it). */
const REASON_REMOVED = 'Verwijderd (bewaartermijn)';

/**
 * Retention of clients' personal data (issue 14): a municipality's own periods, the nightly runs (previewed until the
 * municipality lets them remove for real), and on the client when each kind was removed. An anonymised client keeps its
 * row (figures and invoices still count it) but no BSN.
 */
export class AddPersonalDataRetention1795860000000 implements MigrationInterface {
  name = 'AddPersonalDataRetention1795860000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "client" ALTER COLUMN "bsn_encrypted" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "client" ADD "free_text_removed_on" date`);
    await queryRunner.query(`ALTER TABLE "client" ADD "duo_exchange_removed_on" date`);
    await queryRunner.query(`ALTER TABLE "client" ADD "anonymised_on" date`);
    await queryRunner.query(`CREATE TABLE "retention_policy" ("municipality_id" uuid NOT NULL, "free_text_years" integer NOT NULL, "duo_exchange_years" integer NOT NULL, "identity_years" integer NOT NULL, "carried_out_since" TIMESTAMP WITH TIME ZONE, "updated_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8474601e3b18e9c6bb322f7b10c" PRIMARY KEY ("municipality_id"))`);
    await queryRunner.query(`CREATE TABLE "retention_run" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "run_date" date NOT NULL, "mode" text NOT NULL, "free_text_clients" integer NOT NULL, "duo_exchange_clients" integer NOT NULL, "identity_clients" integer NOT NULL, "client_numbers" integer array NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6ca0ca7552b6832d70c9c95a57d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_retention_run_municipality_date" ON "retention_run" ("municipality_id", "run_date") `);
    await queryRunner.query(`ALTER TABLE "retention_policy" ADD CONSTRAINT "FK_8474601e3b18e9c6bb322f7b10c" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "retention_run" ADD CONSTRAINT "FK_318898f8aa995ca2bbd3ace5b6f" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);    // Presence lines stay append-only; the one change allowed is retention replacing a correction's free-text reason.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION presence_mark_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN
          IF NEW.correction_reason = '${REASON_REMOVED}' AND (to_jsonb(NEW) - 'correction_reason') = (to_jsonb(OLD) - 'correction_reason') THEN RETURN NEW; END IF;
          RAISE EXCEPTION 'presence_mark is append-only' USING ERRCODE = 'check_violation';
        END IF;
        IF NEW.correction_reason IS NULL AND EXISTS (SELECT 1 FROM presence_lesson l WHERE l.id = NEW.lesson_id AND l.closed_at IS NOT NULL) THEN
          RAISE EXCEPTION 'presence list is closed' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION presence_mark_guard() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'UPDATE' THEN RAISE EXCEPTION 'presence_mark is append-only' USING ERRCODE = 'check_violation'; END IF;
        IF NEW.correction_reason IS NULL AND EXISTS (SELECT 1 FROM presence_lesson l WHERE l.id = NEW.lesson_id AND l.closed_at IS NOT NULL) THEN
          RAISE EXCEPTION 'presence list is closed' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`ALTER TABLE "retention_run" DROP CONSTRAINT "FK_318898f8aa995ca2bbd3ace5b6f"`);
    await queryRunner.query(`ALTER TABLE "retention_policy" DROP CONSTRAINT "FK_8474601e3b18e9c6bb322f7b10c"`);
    await queryRunner.query(`DROP INDEX "public"."UQ_retention_run_municipality_date"`);
    await queryRunner.query(`DROP TABLE "retention_run"`);
    await queryRunner.query(`DROP TABLE "retention_policy"`);
    await queryRunner.query(`ALTER TABLE "client" DROP COLUMN "anonymised_on"`);
    await queryRunner.query(`ALTER TABLE "client" DROP COLUMN "duo_exchange_removed_on"`);
    await queryRunner.query(`ALTER TABLE "client" DROP COLUMN "free_text_removed_on"`);
    // Anonymised clients have no BSN to put back; the column stays nullable then.
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An outbox row stays owed until its job ran or failed for good (`completed_at`, `failed_at`, `failure`), so a job lost
 * with Redis's data is offered again; rows whose job already ran (its default or import key in `job_execution`) are
 * backfilled as completed. A statement trigger wakes the relay (LISTEN outbox_message) when rows are committed.
 */
export class AddOutboxCompletion1795610000000 implements MigrationInterface {
  name = 'AddOutboxCompletion1795610000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "completed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "failed_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "outbox_message" ADD "failure" text`);
    await queryRunner.query(`CREATE INDEX "outbox_message_owed" ON "outbox_message" ("relayed_at") WHERE completed_at IS NULL AND failed_at IS NULL`);
    await queryRunner.query(
      `UPDATE "outbox_message" o SET "completed_at" = o."relayed_at"
       WHERE o."relayed_at" IS NOT NULL
         AND EXISTS (SELECT 1 FROM "job_execution" j WHERE j."job_key" IN (o."job_name" || ':outbox-' || o."id", o."job_name" || ':' || (o."payload"->>'batchId')))`,
    );
    await queryRunner.query(
      `CREATE FUNCTION "outbox_message_notify"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM pg_notify('outbox_message', ''); RETURN NULL; END $$`,
    );
    await queryRunner.query(`CREATE TRIGGER "outbox_message_notify" AFTER INSERT ON "outbox_message" FOR EACH STATEMENT EXECUTE FUNCTION "outbox_message_notify"()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "outbox_message_notify" ON "outbox_message"`);
    await queryRunner.query(`DROP FUNCTION "outbox_message_notify"()`);
    await queryRunner.query(`DROP INDEX "public"."outbox_message_owed"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "failure"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "failed_at"`);
    await queryRunner.query(`ALTER TABLE "outbox_message" DROP COLUMN "completed_at"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/** What a client's deadlines derive from (besides its results): the domain's `clientDeadlines` input and `completionDates`' route and level. */
const INPUTS = ['target_group', 'route', 'level', 'brp_registration_date', 'pip_signed_on', 'first_pip_signed_on'];

/**
 * Each client's deadlines as stored rows (client_deadline), so the caseload filters and sorts by deadline in SQL instead of
 * deriving every client's deadlines in JavaScript. The rows are derived by the domain rules in the API; triggers mark a
 * client stale (`deadlines_stale`) in the same transaction as every change of what they derive from: its dates, group,
 * route or level (any writer, direct SQL too) and any insert, change or removal of its results. Every existing client
 * starts stale; the caseload re-derives a municipality's stale clients before it reads.
 */
export class AddClientDeadlines1795820000000 implements MigrationInterface {
  name = 'AddClientDeadlines1795820000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "client_deadline" ("client_id" uuid NOT NULL, "kind" text NOT NULL, "deadline" date NOT NULL, "fulfilled" text, "due_soon_from" date NOT NULL, CONSTRAINT "PK_f9eda8a26ccf0fe25704d614710" PRIMARY KEY ("client_id", "kind"))`);
    await queryRunner.query(`ALTER TABLE "client" ADD "deadlines_stale" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`CREATE INDEX "IDX_client_deadlines_stale" ON "client"  ("municipality_id") WHERE deadlines_stale`);
    await queryRunner.query(`ALTER TABLE "client_deadline" ADD CONSTRAINT "FK_9e560273ac38619c70a76ff551a" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`CREATE FUNCTION client_deadlines_mark_stale() RETURNS trigger LANGUAGE plpgsql AS $fn$ BEGIN NEW.deadlines_stale := true; RETURN NEW; END $fn$`);
    const old = INPUTS.map((c) => `OLD.${c}`).join(', ');
    const now = INPUTS.map((c) => `NEW.${c}`).join(', ');
    await queryRunner.query(`CREATE TRIGGER client_deadlines_stale BEFORE UPDATE OF ${INPUTS.join(', ')} ON "client" FOR EACH ROW
      WHEN ((${old}) IS DISTINCT FROM (${now})) EXECUTE FUNCTION client_deadlines_mark_stale()`);
    const mark = (rows: string) => `UPDATE client SET deadlines_stale = true WHERE id IN (SELECT client_id FROM ${rows}) AND NOT deadlines_stale;`;
    await queryRunner.query(`CREATE FUNCTION client_deadlines_stale_by_result() RETURNS trigger LANGUAGE plpgsql AS $fn$
  BEGIN
    IF TG_OP = 'INSERT' THEN ${mark('new_rows')}
    ELSIF TG_OP = 'UPDATE' THEN ${mark('(SELECT client_id FROM new_rows UNION SELECT client_id FROM old_rows) changed')}
    ELSIF TG_OP = 'DELETE' THEN ${mark('old_rows')}
    END IF;
    RETURN NULL;
  END $fn$`);
    await queryRunner.query(`CREATE TRIGGER client_deadlines_result_insert AFTER INSERT ON "integration_result" REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_deadlines_stale_by_result()`);
    await queryRunner.query(`CREATE TRIGGER client_deadlines_result_update AFTER UPDATE ON "integration_result" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION client_deadlines_stale_by_result()`);
    await queryRunner.query(`CREATE TRIGGER client_deadlines_result_delete AFTER DELETE ON "integration_result" REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION client_deadlines_stale_by_result()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER client_deadlines_result_delete ON "integration_result"`);
    await queryRunner.query(`DROP TRIGGER client_deadlines_result_update ON "integration_result"`);
    await queryRunner.query(`DROP TRIGGER client_deadlines_result_insert ON "integration_result"`);
    await queryRunner.query(`DROP FUNCTION client_deadlines_stale_by_result()`);
    await queryRunner.query(`DROP TRIGGER client_deadlines_stale ON "client"`);
    await queryRunner.query(`DROP FUNCTION client_deadlines_mark_stale()`);
    await queryRunner.query(`ALTER TABLE "client_deadline" DROP CONSTRAINT "FK_9e560273ac38619c70a76ff551a"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_client_deadlines_stale"`);
    await queryRunner.query(`ALTER TABLE "client" DROP COLUMN "deadlines_stale"`);
    await queryRunner.query(`DROP TABLE "client_deadline"`);
  }
}

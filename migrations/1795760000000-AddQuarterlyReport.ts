import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Quarterly reports per region and lot, in versions, with their XLSX and PDF (issue #10). */
export class AddQuarterlyReport1795760000000 implements MigrationInterface {
  name = 'AddQuarterlyReport1795760000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "quarterly_report" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "lot_id" uuid, "scope_key" text NOT NULL, "year" integer NOT NULL, "quarter" integer NOT NULL, "version" integer NOT NULL, "status" text NOT NULL, "failure" text, "idempotency_key" text NOT NULL, "requested_by_user_id" uuid, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "generated_at" TIMESTAMP WITH TIME ZONE, "computed_on" date, "xlsx" bytea, "pdf" bytea, CONSTRAINT "PK_364373d9b85854b0da9f5414c8e" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_e7278ee722a7c84fcb99960361" ON "quarterly_report"  ("lot_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_2ba96409856f92de2a4642369c" ON "quarterly_report"  ("region_id", "idempotency_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_094266982e42dd0a74413df6de" ON "quarterly_report"  ("region_id", "scope_key", "year", "quarter", "version") `);
    await queryRunner.query(`ALTER TABLE "quarterly_report" ADD CONSTRAINT "FK_204184294b8e3c242638454cdee" FOREIGN KEY ("region_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "quarterly_report" ADD CONSTRAINT "FK_e7278ee722a7c84fcb999603615" FOREIGN KEY ("lot_id") REFERENCES "lot"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "quarterly_report" DROP CONSTRAINT "FK_e7278ee722a7c84fcb999603615"`);
    await queryRunner.query(`ALTER TABLE "quarterly_report" DROP CONSTRAINT "FK_204184294b8e3c242638454cdee"`);
    await queryRunner.query(`DROP INDEX "IDX_094266982e42dd0a74413df6de"`);
    await queryRunner.query(`DROP INDEX "IDX_2ba96409856f92de2a4642369c"`);
    await queryRunner.query(`DROP INDEX "IDX_e7278ee722a7c84fcb99960361"`);
    await queryRunner.query(`DROP TABLE "quarterly_report"`);
  }
}

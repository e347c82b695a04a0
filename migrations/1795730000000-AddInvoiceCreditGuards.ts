import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Credit notes: a line is credited at most once, and neither a credit line nor a credited line holds its cause (never invoiced twice net). */
export class AddInvoiceCreditGuards1795730000000 implements MigrationInterface {
  name = 'AddInvoiceCreditGuards1795730000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_invoice_line_credits_line" ON "invoice_line" ("credits_line_id") WHERE "credits_line_id" IS NOT NULL`);
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "CHK_invoice_line_credit_inactive" CHECK ("credits_line_id" IS NULL OR NOT "active")`);
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "CHK_invoice_line_credited_inactive" CHECK ("status" <> 'CREDITED' OR NOT "active")`);
    await queryRunner.query(`CREATE INDEX "IDX_invoice_credited_invoice" ON "invoice" ("credited_invoice_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_invoice_credited_invoice"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "CHK_invoice_line_credited_inactive"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "CHK_invoice_line_credit_inactive"`);
    await queryRunner.query(`DROP INDEX "IDX_invoice_line_credits_line"`);
  }
}

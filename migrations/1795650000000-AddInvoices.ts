import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invoicing: per-contract invoice settings (paying party, VAT, terms, caps), e-invoice party data (OIN, IBAN), invoices and
 * credit notes with lines that point at their cause (unique per active cause), disputes, and gapless number counters.
 */
export class AddInvoices1795650000000 implements MigrationInterface {
  name = 'AddInvoices1795650000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "contract_invoice_setting" ("contract_id" uuid NOT NULL, "paying_party_mode" text NOT NULL DEFAULT 'OWN_MUNICIPALITY', "lead_municipality_id" uuid, "vat_category" text NOT NULL DEFAULT 'E', "payment_terms_days" integer NOT NULL DEFAULT '30', "max_minutes_per_month" integer, "seat_price_cents" bigint, "trajectory_months" integer NOT NULL DEFAULT '12', "buyer_reference" text, CONSTRAINT "PK_cc3fcc7dc8c848e537893a36c38" PRIMARY KEY ("contract_id"))`);
    await queryRunner.query(`CREATE TABLE "invoice_party" ("organisation_id" uuid NOT NULL, "oin" text, "iban" text, "vat_number" text, "street" text, "postal_code" text, "city" text, CONSTRAINT "PK_e7ce9f0e5957cbf2f685d7a0a87" PRIMARY KEY ("organisation_id"))`);
    await queryRunner.query(`CREATE TABLE "invoice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "document_type" text NOT NULL, "provider_id" uuid NOT NULL, "contract_id" uuid NOT NULL, "paying_municipality_id" uuid NOT NULL, "month" date NOT NULL, "status" text NOT NULL DEFAULT 'PROPOSAL', "sequence" integer, "number" text, "issue_date" date, "due_date" date, "provider_reference" text, "provider_note" text, "vat_category" text NOT NULL DEFAULT 'E', "exceeds_ceiling" boolean NOT NULL DEFAULT false, "credited_invoice_id" uuid, "submit_idempotency_key" text, "submitted_at" TIMESTAMP WITH TIME ZONE, "submitted_by_user_id" uuid, "decided_at" TIMESTAMP WITH TIME ZONE, "decided_by_user_id" uuid, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_15d25c200d9bcd8a33f698daf18" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_88304112e8ef2361ee961b0128" ON "invoice"  ("provider_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_a10f103f8a97fbb9e11173dbc4" ON "invoice"  ("contract_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_b3dddef044051fb6f591f17860" ON "invoice"  ("paying_municipality_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_e8373d2e6ea4c5ab7a0699599f" ON "invoice"  ("submit_idempotency_key") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_75874203323b3e4010a6836ba0" ON "invoice"  ("provider_id", "sequence") WHERE sequence IS NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_23188eb62a3fdb35fc20c16c8e" ON "invoice"  ("contract_id", "paying_municipality_id", "month") WHERE "document_type" = 'INVOICE'`);
    await queryRunner.query(`CREATE TABLE "invoice_line" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "position" integer NOT NULL, "kind" text NOT NULL, "cause_key" text NOT NULL, "placement_id" uuid, "milestone_name" text, "hour_period_id" uuid, "result_id" uuid, "start_moment_id" uuid, "credits_line_id" uuid, "client_number" integer, "route" text, "line_date" date NOT NULL, "description" text NOT NULL, "quantity" integer NOT NULL, "unit_code" text NOT NULL, "unit_price_cents" bigint NOT NULL, "base_quantity" integer NOT NULL, "amount_cents" bigint NOT NULL, "price_model_valid_from" date NOT NULL, "status" text NOT NULL DEFAULT 'OPEN', "active" boolean NOT NULL DEFAULT true, CONSTRAINT "PK_112d67e85951a56ee5123e9c803" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_36e6eecdb00b171d90ff63f2d2" ON "invoice_line"  ("invoice_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_464f5ac9d67d7a67b57e326f1b" ON "invoice_line"  ("placement_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_68ae9ea0239932ac92e3ff3812" ON "invoice_line"  ("cause_key") WHERE active`);
    await queryRunner.query(`CREATE TABLE "invoice_dispute" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "invoice_id" uuid NOT NULL, "invoice_line_id" uuid NOT NULL, "reason" text NOT NULL, "disputed_by_user_id" uuid, "disputed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ac511f30a8e4ef7d6f3ac557ce4" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_3b15603bd49de6e885da9338f9" ON "invoice_dispute"  ("invoice_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_87fa734a5e615ac007f5362308" ON "invoice_dispute"  ("invoice_line_id") `);
    await queryRunner.query(`CREATE TABLE "invoice_number_counter" ("provider_id" uuid NOT NULL, "last_sequence" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_ae24706ef286b8c8bd8bd091266" PRIMARY KEY ("provider_id"))`);
    await queryRunner.query(`ALTER TABLE "contract_invoice_setting" ADD CONSTRAINT "FK_cc3fcc7dc8c848e537893a36c38" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "contract_invoice_setting" ADD CONSTRAINT "FK_36f0f71f8cf1977cf8a291c5bb6" FOREIGN KEY ("lead_municipality_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_party" ADD CONSTRAINT "FK_e7ce9f0e5957cbf2f685d7a0a87" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "FK_88304112e8ef2361ee961b01287" FOREIGN KEY ("provider_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "FK_a10f103f8a97fbb9e11173dbc42" FOREIGN KEY ("contract_id") REFERENCES "contract"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "FK_b3dddef044051fb6f591f17860f" FOREIGN KEY ("paying_municipality_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "FK_06ff8a74fb55dd09dcbd4f48180" FOREIGN KEY ("credited_invoice_id") REFERENCES "invoice"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "FK_325c9799968b66666b52c2a052f" FOREIGN KEY ("submitted_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice" ADD CONSTRAINT "FK_60de614985c88e1ee1bc1180d31" FOREIGN KEY ("decided_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "FK_36e6eecdb00b171d90ff63f2d20" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "FK_464f5ac9d67d7a67b57e326f1b1" FOREIGN KEY ("placement_id") REFERENCES "placement"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "FK_8ddc5bff3768b78c6bc07622b56" FOREIGN KEY ("hour_period_id") REFERENCES "hour_period"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "FK_5b195414e8d14d4124bf2652b08" FOREIGN KEY ("result_id") REFERENCES "integration_result"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "FK_88dc9c72798e5b5df1722b2810d" FOREIGN KEY ("start_moment_id") REFERENCES "start_moment"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_line" ADD CONSTRAINT "FK_7e71619592be42e088332539ad0" FOREIGN KEY ("credits_line_id") REFERENCES "invoice_line"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_dispute" ADD CONSTRAINT "FK_3b15603bd49de6e885da9338f9b" FOREIGN KEY ("invoice_id") REFERENCES "invoice"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_dispute" ADD CONSTRAINT "FK_87fa734a5e615ac007f53623085" FOREIGN KEY ("invoice_line_id") REFERENCES "invoice_line"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_dispute" ADD CONSTRAINT "FK_2f916cdb8af8555c93b361de563" FOREIGN KEY ("disputed_by_user_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "invoice_number_counter" ADD CONSTRAINT "FK_ae24706ef286b8c8bd8bd091266" FOREIGN KEY ("provider_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "invoice_number_counter" DROP CONSTRAINT "FK_ae24706ef286b8c8bd8bd091266"`);
    await queryRunner.query(`ALTER TABLE "invoice_dispute" DROP CONSTRAINT "FK_2f916cdb8af8555c93b361de563"`);
    await queryRunner.query(`ALTER TABLE "invoice_dispute" DROP CONSTRAINT "FK_87fa734a5e615ac007f53623085"`);
    await queryRunner.query(`ALTER TABLE "invoice_dispute" DROP CONSTRAINT "FK_3b15603bd49de6e885da9338f9b"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "FK_7e71619592be42e088332539ad0"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "FK_88dc9c72798e5b5df1722b2810d"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "FK_5b195414e8d14d4124bf2652b08"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "FK_8ddc5bff3768b78c6bc07622b56"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "FK_464f5ac9d67d7a67b57e326f1b1"`);
    await queryRunner.query(`ALTER TABLE "invoice_line" DROP CONSTRAINT "FK_36e6eecdb00b171d90ff63f2d20"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_60de614985c88e1ee1bc1180d31"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_325c9799968b66666b52c2a052f"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_06ff8a74fb55dd09dcbd4f48180"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_b3dddef044051fb6f591f17860f"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_a10f103f8a97fbb9e11173dbc42"`);
    await queryRunner.query(`ALTER TABLE "invoice" DROP CONSTRAINT "FK_88304112e8ef2361ee961b01287"`);
    await queryRunner.query(`ALTER TABLE "invoice_party" DROP CONSTRAINT "FK_e7ce9f0e5957cbf2f685d7a0a87"`);
    await queryRunner.query(`ALTER TABLE "contract_invoice_setting" DROP CONSTRAINT "FK_36f0f71f8cf1977cf8a291c5bb6"`);
    await queryRunner.query(`ALTER TABLE "contract_invoice_setting" DROP CONSTRAINT "FK_cc3fcc7dc8c848e537893a36c38"`);
    await queryRunner.query(`DROP TABLE "invoice_number_counter"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_87fa734a5e615ac007f5362308"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_3b15603bd49de6e885da9338f9"`);
    await queryRunner.query(`DROP TABLE "invoice_dispute"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_68ae9ea0239932ac92e3ff3812"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_464f5ac9d67d7a67b57e326f1b"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_36e6eecdb00b171d90ff63f2d2"`);
    await queryRunner.query(`DROP TABLE "invoice_line"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_23188eb62a3fdb35fc20c16c8e"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_75874203323b3e4010a6836ba0"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_e8373d2e6ea4c5ab7a0699599f"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_b3dddef044051fb6f591f17860"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_a10f103f8a97fbb9e11173dbc4"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_88304112e8ef2361ee961b0128"`);
    await queryRunner.query(`DROP TABLE "invoice"`);
    await queryRunner.query(`DROP TABLE "invoice_party"`);
    await queryRunner.query(`DROP TABLE "contract_invoice_setting"`);
  }
}

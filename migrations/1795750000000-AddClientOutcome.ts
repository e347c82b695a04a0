import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Client outcomes (work, study, participation at a date), recorded by the consultant for the outcome KPIs (issue #10). */
export class AddClientOutcome1795750000000 implements MigrationInterface {
  name = 'AddClientOutcome1795750000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "client_outcome" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "kind" text NOT NULL, "achieved_on" date NOT NULL, "idempotency_key" text NOT NULL, "recorded_by_user_id" uuid, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_34f11a66cff8df08896f5db7100" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_a361355277695109b270b4dcdd" ON "client_outcome"  ("client_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_b73ea8bd094ddd6be70078a922" ON "client_outcome"  ("idempotency_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_eba031e34b457768ad0c290b92" ON "client_outcome"  ("municipality_id", "kind", "achieved_on") `);
    await queryRunner.query(`ALTER TABLE "client_outcome" ADD CONSTRAINT "FK_a361355277695109b270b4dcdd0" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "client_outcome" ADD CONSTRAINT "FK_870f536e8d04f7df9f8b982053d" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "client_outcome" DROP CONSTRAINT "FK_870f536e8d04f7df9f8b982053d"`);
    await queryRunner.query(`ALTER TABLE "client_outcome" DROP CONSTRAINT "FK_a361355277695109b270b4dcdd0"`);
    await queryRunner.query(`DROP INDEX "IDX_eba031e34b457768ad0c290b92"`);
    await queryRunner.query(`DROP INDEX "IDX_b73ea8bd094ddd6be70078a922"`);
    await queryRunner.query(`DROP INDEX "IDX_a361355277695109b270b4dcdd"`);
    await queryRunner.query(`DROP TABLE "client_outcome"`);
  }
}

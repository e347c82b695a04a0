import type { MigrationInterface, QueryRunner } from 'typeorm';

/** MAP parts cafeteria (Zuid-Limburg/Parkstad, issue 15): a region's catalogue of MAP parts and the parts a client chose. */
export class AddMapPartCatalogue1795800000000 implements MigrationInterface {
  name = 'AddMapPartCatalogue1795800000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "map_part" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "region_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "name" text NOT NULL, "description" text NOT NULL, "minutes" integer NOT NULL, "price_cents" integer NOT NULL, "themes" text array NOT NULL, "practical" boolean NOT NULL DEFAULT false, "active" boolean NOT NULL DEFAULT true, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_6272c706a6035184ac7206c71ce" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_4f79523a501897b096f563e8d9" ON "map_part"  ("region_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_fc787b036ba1502d52a56128a1" ON "map_part"  ("provider_id") `);
    await queryRunner.query(`CREATE TABLE "map_part_choice" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "client_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, "map_part_id" uuid NOT NULL, "provider_id" uuid NOT NULL, "status" text NOT NULL DEFAULT 'CHOSEN', "chosen_on" date NOT NULL, "chosen_by_user_id" uuid, "completed_on" date, "completed_by_user_id" uuid, "idempotency_key" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_127d4c8248ae47b96c22838fe45" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "IDX_943a34af42e34e54c1103344a8" ON "map_part_choice"  ("client_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_d73650d15e631dca935cd5a7eb" ON "map_part_choice"  ("municipality_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_eeda1c0e9857903044df6c88be" ON "map_part_choice"  ("map_part_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_26b8b448ab7bc63cbd89135ab9" ON "map_part_choice"  ("idempotency_key") `);
    await queryRunner.query(`CREATE INDEX "IDX_f2dde844b9254318bb39dda9f6" ON "map_part_choice"  ("provider_id", "status") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "IDX_a06b7aef5c2194e4dfa879283f" ON "map_part_choice"  ("client_id", "map_part_id") `);
    await queryRunner.query(`ALTER TABLE "map_part" ADD CONSTRAINT "FK_4f79523a501897b096f563e8d91" FOREIGN KEY ("region_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "map_part" ADD CONSTRAINT "FK_fc787b036ba1502d52a56128a1b" FOREIGN KEY ("provider_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "map_part_choice" ADD CONSTRAINT "FK_943a34af42e34e54c1103344a8a" FOREIGN KEY ("client_id") REFERENCES "client"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "map_part_choice" ADD CONSTRAINT "FK_d73650d15e631dca935cd5a7ebe" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "map_part_choice" ADD CONSTRAINT "FK_eeda1c0e9857903044df6c88be3" FOREIGN KEY ("map_part_id") REFERENCES "map_part"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "map_part_choice" ADD CONSTRAINT "FK_3064941bc79ed74acd56434bfbd" FOREIGN KEY ("provider_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "map_part_choice" DROP CONSTRAINT "FK_3064941bc79ed74acd56434bfbd"`);
    await queryRunner.query(`ALTER TABLE "map_part_choice" DROP CONSTRAINT "FK_eeda1c0e9857903044df6c88be3"`);
    await queryRunner.query(`ALTER TABLE "map_part_choice" DROP CONSTRAINT "FK_d73650d15e631dca935cd5a7ebe"`);
    await queryRunner.query(`ALTER TABLE "map_part_choice" DROP CONSTRAINT "FK_943a34af42e34e54c1103344a8a"`);
    await queryRunner.query(`ALTER TABLE "map_part" DROP CONSTRAINT "FK_fc787b036ba1502d52a56128a1b"`);
    await queryRunner.query(`ALTER TABLE "map_part" DROP CONSTRAINT "FK_4f79523a501897b096f563e8d91"`);
    await queryRunner.query(`DROP INDEX "IDX_a06b7aef5c2194e4dfa879283f"`);
    await queryRunner.query(`DROP INDEX "IDX_f2dde844b9254318bb39dda9f6"`);
    await queryRunner.query(`DROP INDEX "IDX_26b8b448ab7bc63cbd89135ab9"`);
    await queryRunner.query(`DROP INDEX "IDX_eeda1c0e9857903044df6c88be"`);
    await queryRunner.query(`DROP INDEX "IDX_d73650d15e631dca935cd5a7eb"`);
    await queryRunner.query(`DROP INDEX "IDX_943a34af42e34e54c1103344a8"`);
    await queryRunner.query(`DROP INDEX "IDX_fc787b036ba1502d52a56128a1"`);
    await queryRunner.query(`DROP INDEX "IDX_4f79523a501897b096f563e8d9"`);
    await queryRunner.query(`DROP TABLE "map_part_choice"`);
    await queryRunner.query(`DROP TABLE "map_part"`);
  }
}

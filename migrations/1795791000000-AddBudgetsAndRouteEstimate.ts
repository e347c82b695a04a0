import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A budget per municipality and year, and a region's route estimate (Leidschendam-Voorburg, Voorschoten, Wassenaar; issue #15). */
export class AddBudgetsAndRouteEstimate1795791000000 implements MigrationInterface {
  name = 'AddBudgetsAndRouteEstimate1795791000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "municipality_budget" ("municipality_id" uuid NOT NULL, "year" integer NOT NULL, "amount_cents" bigint NOT NULL, "updated_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a7ac8a6b4b055eeb8d65e7918ce" PRIMARY KEY ("municipality_id", "year"))`);
    await queryRunner.query(`CREATE TABLE "region_route_estimate" ("region_id" uuid NOT NULL, "b1_percent" integer NOT NULL, "z_percent" integer NOT NULL, "onderwijs_percent" integer NOT NULL, "updated_by_user_id" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_345d785b163bd27f3b4fcd056c7" PRIMARY KEY ("region_id"))`);
    await queryRunner.query(`ALTER TABLE "municipality_budget" ADD CONSTRAINT "FK_3a3d980af0dc611513438c7ff1c" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "region_route_estimate" ADD CONSTRAINT "FK_345d785b163bd27f3b4fcd056c7" FOREIGN KEY ("region_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "region_route_estimate" DROP CONSTRAINT "FK_345d785b163bd27f3b4fcd056c7"`);
    await queryRunner.query(`ALTER TABLE "municipality_budget" DROP CONSTRAINT "FK_3a3d980af0dc611513438c7ff1c"`);
    await queryRunner.query(`DROP TABLE "region_route_estimate"`);
    await queryRunner.query(`DROP TABLE "municipality_budget"`);
  }
}

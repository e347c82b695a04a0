import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A shared service (uitvoeringsdienst) working for several municipalities (Leidschendam-Voorburg, Voorschoten, Wassenaar; issue #15). */
export class AddSharedService1795790000000 implements MigrationInterface {
  name = 'AddSharedService1795790000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "shared_service_municipality" ("shared_service_id" uuid NOT NULL, "municipality_id" uuid NOT NULL, CONSTRAINT "PK_9e7a50f70ae3c3cdcf924a3f585" PRIMARY KEY ("shared_service_id", "municipality_id"))`);
    await queryRunner.query(`ALTER TABLE "shared_service_municipality" ADD CONSTRAINT "FK_8ec65d91711a344e865d51ad81d" FOREIGN KEY ("shared_service_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "shared_service_municipality" ADD CONSTRAINT "FK_242d47cb6cfb1cfd2aff727e175" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "shared_service_municipality" DROP CONSTRAINT "FK_242d47cb6cfb1cfd2aff727e175"`);
    await queryRunner.query(`ALTER TABLE "shared_service_municipality" DROP CONSTRAINT "FK_8ec65d91711a344e865d51ad81d"`);
    await queryRunner.query(`DROP TABLE "shared_service_municipality"`);
  }
}

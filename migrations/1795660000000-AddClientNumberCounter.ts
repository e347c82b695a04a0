import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AddClientNumberCounter1795660000000 implements MigrationInterface {
  name = 'AddClientNumberCounter1795660000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "client_number_counter" ("municipality_id" uuid NOT NULL, "last_number" integer NOT NULL, CONSTRAINT "PK_e06f62db3ead08fd224673ca3dd" PRIMARY KEY ("municipality_id"))`);
    await queryRunner.query(`ALTER TABLE "client_number_counter" ADD CONSTRAINT "FK_e06f62db3ead08fd224673ca3dd" FOREIGN KEY ("municipality_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    // Every municipality starts at the highest number it has given so far (1000 when none: the first client gets 1001).
    await queryRunner.query(
      `INSERT INTO "client_number_counter" ("municipality_id", "last_number")
       SELECT o."id", GREATEST(1000, coalesce(max(c."client_number"), 0)) FROM "organisation" o LEFT JOIN "client" c ON c."municipality_id" = o."id"
       WHERE o."kind" = 'MUNICIPALITY' GROUP BY o."id"`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "client_number_counter" DROP CONSTRAINT "FK_e06f62db3ead08fd224673ca3dd"`);
    await queryRunner.query(`DROP TABLE "client_number_counter"`);
  }
}

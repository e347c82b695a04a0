import type { MigrationInterface, QueryRunner } from 'typeorm';

/** DUO contact persons of a municipality, and the contact person a CONTACT_PERSON message links to the client. */
export class AddDuoContactPerson1795720000000 implements MigrationInterface {
  name = 'AddDuoContactPerson1795720000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "duo_contact_person" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "municipality_id" uuid NOT NULL, "name" text NOT NULL, "email" text NOT NULL, "phone" text NOT NULL, "duo_id" integer, "create_bericht_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_duo_contact_person_bericht" UNIQUE ("create_bericht_id"), CONSTRAINT "PK_duo_contact_person" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE UNIQUE INDEX "duo_contact_person_details" ON "duo_contact_person" ("municipality_id", "name", "email", "phone")`);
    await queryRunner.query(`ALTER TABLE "duo_message" ADD "contact_person_id" uuid`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "duo_message" DROP COLUMN "contact_person_id"`);
    await queryRunner.query(`DROP INDEX "duo_contact_person_details"`);
    await queryRunner.query(`DROP TABLE "duo_contact_person"`);
  }
}

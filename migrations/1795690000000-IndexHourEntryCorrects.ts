import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Deleting or correcting an hour row looks up the rows that correct it: without an index that scans the whole table. */
export class IndexHourEntryCorrects1795690000000 implements MigrationInterface {
  name = 'IndexHourEntryCorrects1795690000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_9f547fd32ce02a84b6cbec4ccc" ON "hour_entry" ("corrects_entry_id") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_9f547fd32ce02a84b6cbec4ccc"`);
  }
}

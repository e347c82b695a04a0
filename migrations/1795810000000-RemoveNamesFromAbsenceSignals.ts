import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Absence signals raised before issue 14 named the client in their text ("Noor Al-Khatib (klantnummer 1009) bij …").
 * The text now names the client number only; this rewrites the old texts the same way. There is no way back.
 */
export class RemoveNamesFromAbsenceSignals1795810000000 implements MigrationInterface {
  name = 'RemoveNamesFromAbsenceSignals1795810000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "signal" SET "message" = regexp_replace("message", '^.*? \\(klantnummer (\\d+)\\) bij ', 'Klantnummer \\1 bij ')
       WHERE "kind" LIKE 'ABSENCE_%' AND "message" ~ '^.*? \\(klantnummer \\d+\\) bij '`,
    );
    await queryRunner.query(
      `UPDATE "signal" SET "message" = regexp_replace("message", '^(Verzuimsignaal aan .*? over ).*? \\(klantnummer (\\d+)\\): ', '\\1Klantnummer \\2: ')
       WHERE "kind" LIKE 'ABSENCE_%' AND "message" ~ '^Verzuimsignaal aan .*? over .*? \\(klantnummer \\d+\\): '`,
    );
  }

  public async down(): Promise<void> {
    // The names are gone on purpose.
  }
}

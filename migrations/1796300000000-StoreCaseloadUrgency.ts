import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The caseload at national scale (issue 9): its name order walks an index instead of sorting the municipality's clients,
 * and its urgency order reads two stored dates per client (written with client_deadline) instead of a subquery per client.
 */
export class StoreCaseloadUrgency1796300000000 implements MigrationInterface {
  name = 'StoreCaseloadUrgency1796300000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "client" ADD "next_deadline" date`);
    await queryRunner.query(`ALTER TABLE "client" ADD "route_switch_deadline" date`);
    await queryRunner.query(
      `UPDATE client c SET next_deadline = d.next_deadline, route_switch_deadline = d.route_switch_deadline
         FROM (SELECT client_id, min(deadline) FILTER (WHERE kind <> 'ROUTE_SWITCH') AS next_deadline,
                      min(deadline) FILTER (WHERE kind = 'ROUTE_SWITCH') AS route_switch_deadline
                 FROM client_deadline WHERE fulfilled IS NULL GROUP BY client_id) d
        WHERE d.client_id = c.id`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_client_caseload_by_name" ON "client" ("municipality_id", "last_name", "first_name", "client_number", "id") WHERE anonymised_on IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_client_caseload_by_name"`);
    await queryRunner.query(`ALTER TABLE "client" DROP COLUMN "route_switch_deadline"`);
    await queryRunner.query(`ALTER TABLE "client" DROP COLUMN "next_deadline"`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The provider's pages over its own placements (the hour week and the placed clients, issue 9): with only an index on
 * provider_id, every request read one heap page per placement of the provider (about 1,450 pages for the largest one at
 * national scale) to filter on status and dates, and then sorted them all. With the filter and sort columns in the index
 * the groups and totals are an index-only scan, the placed clients are paged in the index, and the hour week follows
 * the index in group order.
 */
export class IndexProviderPlacements1796200000000 implements MigrationInterface {
  name = 'IndexProviderPlacements1796200000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "IDX_placement_provider_pages" ON "placement" ("provider_id", "group_name", "status", "start_date", "ended_on", "requested_at", "client_id", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_placement_provider_pages"`);
  }
}

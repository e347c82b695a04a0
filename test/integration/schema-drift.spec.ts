import { openDataSource } from '../../apps/api/src/database/open-data-source';
import { createTestDatabase } from '../support/test-database';

// Fails when an entity changed without a migration (or a migration without the entity): the schema comes from migrations only.
it('the migrated database matches the entities exactly', async () => {
  const database = await createTestDatabase();
  const db = await openDataSource(database.url);
  try {
    const pending = await db.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    expect(await db.showMigrations()).toBe(false);
  } finally {
    await db.destroy();
    await database.drop();
  }
});

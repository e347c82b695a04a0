// Applies pending migrations and, with --seed, loads the demo data into an empty database.
import { OrganisationEntity, openDataSource } from '../database';
import { loadConfig } from '../config';
import { enqueueInOutbox } from '../outbox';
import { seedDemoData } from '../seed';

async function main() {
  const seed = process.argv.includes('--seed');
  const config = loadConfig();
  const db = await openDataSource(config.databaseUrl);
  try {
    const applied = await db.runMigrations({ transaction: 'each' });
    console.log(`Migraties: ${applied.length} toegepast.`);
    if (seed) {
      const organisations = await db.getRepository(OrganisationEntity).count();
      if (organisations === 0) {
        const summary = await seedDemoData(db, config.bsnKey);
        // The deadline scan writes the signals consultants see; run it once now instead of waiting for the night.
        await enqueueInOutbox(db.manager, 'deadlines.scan-all', {}, null);
        console.log(`Demodata geladen: ${summary}.`);
      } else {
        console.log('Database bevat al gegevens; demodata overgeslagen.');
      }
    }
  } finally {
    await db.destroy();
  }
}

main().catch((err: unknown) => {
  // A missing variable is the operator's to fix: its message, without a stack trace.
  console.error(err instanceof Error && err.name === 'ConfigurationError' ? err.message : err);
  process.exit(1);
});

// Writes a migration from the difference between the entities and a database migrated to the latest migration.
// Usage: DATABASE_URL=... node -r ./scripts/register.cjs apps/api/src/cli/generate-migration.ts AddSomething
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDataSource } from '../database';
import { processEnvironment } from '../env';

async function main() {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) throw new Error('Geef een naam als VerbNoun, bijvoorbeeld AddContracts.');
  const db = await openDataSource(processEnvironment().DATABASE_URL ?? '');
  try {
    await db.runMigrations();
    const sql = await db.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('Geen verschil tussen entiteiten en migraties.');
      return;
    }
    const timestamp = Date.now();
    const esc = (q: string) => q.replace(/\\/g, '\\\\').replace(/`/g, '\\`');
    const up = sql.upQueries.map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`).join('\n');
    const down = [...sql.downQueries].reverse().map((q) => `    await queryRunner.query(\`${esc(q.query)}\`);`).join('\n');
    const file = join(__dirname, '../../../../migrations', `${timestamp}-${name}.ts`);
    writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\nexport class ${name}${timestamp} implements MigrationInterface {\n  name = '${name}${timestamp}';\n\n  public async up(queryRunner: QueryRunner): Promise<void> {\n${up}\n  }\n\n  public async down(queryRunner: QueryRunner): Promise<void> {\n${down}\n  }\n}\n`,
    );
    console.log(`Migratie geschreven: ${file}`);
  } finally {
    await db.destroy();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

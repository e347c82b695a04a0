import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { withDatabase } from './global-setup';

/** A fresh database for one test file, cloned from the migrated template (fast: a file copy, no migrations). */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env.IR_TEST_ADMIN_URL;
  const template = process.env.IR_TEST_TEMPLATE;
  if (!adminUrl || !template) throw new Error('Test-database niet beschikbaar: draai de tests via de jest-config met globalSetup.');
  const name = `ir_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).finally(() => client.end());
    },
  };
}

export function testRedisUrl(): string {
  const url = process.env.IR_TEST_REDIS_URL;
  if (!url) throw new Error('Test-Redis niet beschikbaar: draai de tests via de jest-config met globalSetup.');
  return url;
}

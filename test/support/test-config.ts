import { randomBytes } from 'node:crypto';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import { testRedisUrl } from './test-database';

export const TEST_BSN_KEY = Buffer.alloc(32, 42);

/** Config for one test file: its own database and its own BullMQ key prefix in the shared Redis. */
export function testConfig(databaseUrl: string, overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    databaseUrl,
    redisUrl: testRedisUrl(),
    queuePrefix: `t${randomBytes(4).toString('hex')}`,
    port: 0,
    bsnKey: TEST_BSN_KEY,
    production: false,
    development: true,
    sessionTtlHours: 1,
    // The demo accounts have no second factor; specs of the second factor pass `secondFactor: 'required'`.
    secondFactor: 'offered',
    ...overrides,
  };
}

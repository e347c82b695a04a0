import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { AppConfig } from '../../apps/api/src/config/app-config';
import type { Clock } from '../../apps/api/src/clock/clock';
import { createApiApp, requestListenerOf } from '../../apps/api/src/create-api-app';
import { openDataSource } from '../../apps/api/src/database/open-data-source';
import { seedDemoData } from '../../apps/api/src/seed/seed-demo-data';
import { startWorker, type RunningWorker } from '../../apps/api/src/worker/create-worker';
import { createTestDatabase } from './test-database';
import { testConfig } from './test-config';

export interface TestPlatform {
  url: string;
  databaseUrl: string;
  config: AppConfig;
  worker: RunningWorker | null;
  /** The API's request handler, to put another listener (e.g. mutual TLS for DUO) in front of the same app. */
  httpHandler: (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void;
  close(): Promise<void>;
}

export interface TestPlatformOptions {
  /** Load the demo data (default true). */
  seed?: boolean;
  /** Serve a built portal at / (browser tests). */
  portalDist?: string;
  /** Also run a worker (outbox relay + BullMQ) against this database. */
  worker?: boolean;
  /** Use this Redis instead of the run's shared one (to stop and start it in a test). */
  redisUrl?: string;
  /** The clock the API and worker read; a test sets it instead of depending on today. */
  clock?: Clock;
  /** Further config for the API (and worker), e.g. `{ development: false }` for the secure defaults. */
  config?: Partial<AppConfig>;
}

export const DEFAULT_PORTAL_DIST = join(__dirname, '../../dist/provider-portal');

/** The real API on a free port, on a fresh clone of the migrated template database. */
export async function startTestPlatform(options: TestPlatformOptions = {}): Promise<TestPlatform> {
  const database = await createTestDatabase();
  const config = testConfig(database.url, { portalDist: options.portalDist, ...(options.redisUrl ? { redisUrl: options.redisUrl } : {}), ...(options.clock ? { clock: options.clock } : {}), ...options.config });
  if (options.seed ?? true) {
    const db = await openDataSource(database.url);
    await seedDemoData(db, config.bsnKey);
    await db.destroy();
  }
  const app = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const worker = options.worker ? await startWorker(config, { relayIntervalMs: 100 }) : null;
  return {
    url: `http://127.0.0.1:${port}`,
    databaseUrl: database.url,
    config,
    worker,
    httpHandler: requestListenerOf(app),
    async close() {
      await worker?.close();
      await app.close();
      await database.drop();
    },
  };
}

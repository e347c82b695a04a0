// Real worker processes (as `npm start` runs them) on a test's database and queue, for the specs that kill them.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import type { Client } from 'pg';
import type { TestPlatform } from './test-platform';
import { waitFor } from './wait-for';

const root = join(__dirname, '../..');

export interface WorkerProcesses {
  /** Everything the workers printed, for a failing test's message. */
  readonly output: string[];
  /** Starts a worker and waits until it runs (its relay listens), so a wait after it measures the job, not the boot. */
  startReady(): Promise<ChildProcess>;
  kill(child: ChildProcess): Promise<void>;
  /** Waits until a backend not yet seen waits on a lock (a dead worker's backend may have given up its wait meanwhile). */
  newLockWaiter(what: string, seen: Set<number>, timeoutMs: number): Promise<void>;
  /** Kills what still runs (afterAll). */
  killAll(): void;
}

/**
 * Workers with the platform's configuration plus `env` (e.g. shorter lock timings). Like the API, they log to the run's
 * server log (LOG_FILE), which the run checks for personal data.
 */
export function workerProcesses(platform: TestPlatform, pg: Client, env: Record<string, string> = {}): WorkerProcesses {
  const children: ChildProcess[] = [];
  const output: string[] = [];
  const pids = async (sql: string): Promise<number[]> => (await pg.query(sql)).rows.map((r: { pid: number }) => r.pid);
  // Backends of this database waiting on a lock: each worker that picked the job up hangs on one until it is killed.
  const lockWaiters = () => pids(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`);
  // Backends LISTENing for the outbox: one per running worker (its relay).
  const listeners = () => pids(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN outbox_message'`);

  function start(): ChildProcess {
    const child = spawn(process.execPath, ['-r', join(root, 'scripts/register.cjs'), join(root, 'apps/api/src/worker.ts')], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: platform.databaseUrl,
        REDIS_URL: platform.config.redisUrl,
        QUEUE_PREFIX: platform.config.queuePrefix,
        BSN_ENCRYPTION_KEY: platform.config.bsnKey.toString('base64'),
        SERVICE_NAME: 'worker',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    children.push(child);
    return child;
  }

  return {
    output,
    async startReady() {
      const before = new Set(await listeners());
      const child = start();
      await waitFor('the worker has started', async () => (await listeners()).some((pid) => !before.has(pid)), 180_000);
      return child;
    },
    kill(child) {
      return new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      });
    },
    async newLockWaiter(what, seen, timeoutMs) {
      const pid = await waitFor(what, async () => (await lockWaiters()).find((p) => !seen.has(p)), timeoutMs);
      seen.add(pid);
    },
    killAll() {
      for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

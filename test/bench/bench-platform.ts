// The platform as it runs in production: the API and the worker as separate Node processes on the compiled JavaScript
// (`npm run build`, as the image runs them: main.js, worker.js) with their default settings (relay interval, timings), on
// the bench's PostgreSQL and a Redis with append-only file. Not through the on-the-fly TypeScript compiler of `npm start`
// and the tests: it holds every module's source and source map in memory (about 100 MB more RSS at start).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './bench-database';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../scripts/lib/free-port.cjs') as typeof import('../../scripts/lib/free-port.cjs');

export interface BenchProcess {
  name: string;
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startNodeProcess(name: string, script: string, env: NodeJS.ProcessEnv, logDir: string): BenchProcess {
  mkdirSync(logDir, { recursive: true });
  const log = createWriteStream(join(logDir, `${name}.log`));
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of this process (written when it stops), for finding where the time goes.
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`, `--cpu-prof-name=${name}.cpuprofile`] : [];
  const args = [...profile, ...(script.endsWith('.ts') ? ['-r', join(ROOT, 'scripts/register.cjs'), join(ROOT, script)] : [join(ROOT, script)])];
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    name,
    child,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      log.end();
    },
  };
}

export async function startPlatform(databaseUrl: string, redisUrl: string, bsnKey: Buffer, logDir: string): Promise<{ url: string; api: BenchProcess; worker: BenchProcess }> {
  const port = await freePort();
  // The environment scripts/start.mjs gives both processes (without the portal: the bench measures the API), with its
  // second factor "offered": the bench users have none, and under the API's default ("required") their password-only
  // sessions would wait for one and every measured request would be refused as not logged in.
  const env = {
    ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl, BSN_ENCRYPTION_KEY: bsnKey.toString('base64'), PORT: String(port), APP_ENV: 'development',
    // As the image sets it (deploy/Dockerfile): libraries take their production paths (graphql-js's instanceOf without
    // its development check).
    NODE_ENV: 'production',
    SECOND_FACTOR: process.env.SECOND_FACTOR ?? 'offered',
  };
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--api-only'], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('Het bouwen van API en worker (npm run build) mislukte.');
  const api = startNodeProcess('api', 'dist/api/apps/api/src/main.js', { ...env, SERVICE_NAME: 'api' }, logDir);
  const worker = startNodeProcess('worker', 'dist/api/apps/api/src/worker.js', { ...env, SERVICE_NAME: 'worker' }, logDir);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (api.child.exitCode !== null) throw new Error(`De API stopte bij het starten; zie ${join(logDir, 'api.log')}.`);
    try {
      if ((await fetch(`${url}/health/ready`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (Date.now() > deadline) throw new Error('De API werd niet gereed binnen twee minuten.');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { url, api, worker };
}

/** Samples a process's resident memory (VmRSS) and reads its peak (VmHWM) from /proc. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  maxRssKb = 0;

  constructor(private readonly pid: number) {}

  private read(field: 'VmRSS' | 'VmHWM'): number {
    try {
      const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${this.pid}/status`, 'utf8'));
      return match ? Number(match[1]) : 0;
    } catch {
      return 0;
    }
  }

  start(): void {
    this.timer = setInterval(() => { this.maxRssKb = Math.max(this.maxRssKb, this.read('VmRSS')); }, 200);
  }

  stop(): { maxRssMb: number; hwmMb: number } {
    if (this.timer) clearInterval(this.timer);
    this.maxRssKb = Math.max(this.maxRssKb, this.read('VmRSS'));
    return { maxRssMb: this.maxRssKb / 1024, hwmMb: this.read('VmHWM') / 1024 };
  }
}

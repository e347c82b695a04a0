import type { FastifyReply, FastifyRequest } from 'fastify';
import { performance } from 'node:perf_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { logAbortedRequest, logFinishedRequest } from './request-log';
import { logContextOf } from '../common';

// Prometheus metrics of one process (API or worker), served on their own port (metrics-server.ts), never by the API's
// HTTP port or with the portal. Labels are operation names, routes, queues and codes: never ids or personal data.
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

const SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Duur van HTTP-verzoeken, per methode, route en statuscode',
  labelNames: ['method', 'route', 'status_code'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const operationDuration = new Histogram({
  name: 'graphql_operation_duration_seconds',
  help: 'Duur van GraphQL-operaties (query/mutatie), per veld op het hoogste niveau',
  labelNames: ['type', 'operation', 'outcome'] as const,
  buckets: SECONDS,
  registers: [metricsRegistry],
});

export const errorsByCode = new Counter({
  name: 'app_errors_total',
  help: 'Fouten die de API beantwoordde, per foutcode',
  labelNames: ['code'] as const,
  registers: [metricsRegistry],
});

export const jobDuration = new Histogram({
  name: 'job_duration_seconds',
  help: 'Looptijd van jobs in de worker, per wachtrij, job en uitkomst',
  labelNames: ['queue', 'job', 'outcome'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
  registers: [metricsRegistry],
});

export const jobWait = new Histogram({
  name: 'job_wait_seconds',
  help: 'Tijd tussen in de wachtrij zetten en starten van een job, per wachtrij en job',
  labelNames: ['queue', 'job'] as const,
  buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 3600],
  registers: [metricsRegistry],
});

/** A low-cardinality route label: the matched route, or the first path segment of the API's prefixes. */
function routeOf(request: FastifyRequest, path: string): string {
  const route = request.routeOptions.url;
  // The portal's catch-all (`/*`) keeps the route's fixed part, as before.
  if (route) return route.replace(/\/\*$/, '') || '/';
  const known = ['/graphql', '/health', '/api', '/documents'].find((prefix) => path.startsWith(prefix));
  return known ?? (request.method === 'GET' ? 'portal' : 'other');
}

/** One observation and one log line per finished request (request-log.ts); started by the request hook. */
export function measureHttp(request: FastifyRequest, reply: FastifyReply): void {
  const started = performance.now();
  const res = reply.raw;
  const path = request.url.split('?', 1)[0];
  // One listener: 'close' follows 'finish' for every answer that was sent, and comes alone when the client went away.
  res.on('close', () => {
    const ms = performance.now() - started;
    if (!res.writableFinished) return logAbortedRequest(request.method, path, ms, logContextOf(request));
    httpRequestDuration.observe({ method: request.method, route: routeOf(request, path), status_code: String(res.statusCode) }, ms / 1000);
    logFinishedRequest(request.method, path, res.statusCode, ms, logContextOf(request));
  });
}

export interface PoolStats {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

export interface PlatformProbes {
  /** Jobs per state of one BullMQ queue. */
  queueCounts?: () => Promise<Record<string, number>>;
  queueName?: string;
  /** Seconds the oldest unrelayed outbox message has waited, and how many wait. */
  outbox?: () => Promise<{ lagSeconds: number; pending: number }>;
  pool?: () => PoolStats | undefined;
}

/** Gauges read when Prometheus scrapes: queue depth, outbox lag, database pool use. Registering twice replaces. */
export function registerPlatformGauges(probes: PlatformProbes): void {
  for (const name of ['queue_jobs', 'outbox_lag_seconds', 'outbox_pending_messages', 'db_pool_connections']) metricsRegistry.removeSingleMetric(name);
  if (probes.queueCounts) {
    const read = probes.queueCounts;
    const queue = probes.queueName ?? 'jobs';
    new Gauge({
      name: 'queue_jobs',
      help: 'Jobs in de wachtrij, per wachtrij en toestand (waiting, active, delayed, failed)',
      labelNames: ['queue', 'state'] as const,
      registers: [metricsRegistry],
      async collect() {
        const counts = await read().catch(() => ({}) as Record<string, number>);
        for (const [state, count] of Object.entries(counts)) this.set({ queue, state }, count);
      },
    });
  }
  if (probes.outbox) {
    const read = probes.outbox;
    let last = Promise.resolve({ lagSeconds: 0, pending: 0 });
    const sample = () => (last = read().catch(() => ({ lagSeconds: -1, pending: -1 })));
    new Gauge({ name: 'outbox_lag_seconds', help: 'Hoe lang het oudste nog niet doorgegeven outbox-bericht wacht (s)', registers: [metricsRegistry], async collect() { this.set((await sample()).lagSeconds); } });
    new Gauge({ name: 'outbox_pending_messages', help: 'Outbox-berichten die nog niet aan de wachtrij zijn doorgegeven', registers: [metricsRegistry], async collect() { this.set((await last).pending); } });
  }
  if (probes.pool) {
    const read = probes.pool;
    new Gauge({
      name: 'db_pool_connections',
      help: 'Verbindingen van de databasepool: totaal, vrij en wachtende aanvragen',
      labelNames: ['state'] as const,
      registers: [metricsRegistry],
      collect() {
        const stats = read();
        if (!stats) return;
        this.set({ state: 'total' }, stats.totalCount);
        this.set({ state: 'idle' }, stats.idleCount);
        this.set({ state: 'in_use' }, stats.totalCount - stats.idleCount);
        this.set({ state: 'waiting' }, stats.waitingCount);
      },
    });
  }
}

// Tracing starts before the worker's modules load (see main.ts); the rest is imported after startTracing.
import { exitIfStillStopping, logger } from './common';
import { ConfigurationError, loadConfig } from './config';
import { limitHeapGrowth } from './heap-growth';
import { startTracing } from './tracing';

async function main() {
  limitHeapGrowth();
  const config = loadConfig();
  const tracing = await startTracing({ otlpEndpoint: config.otlpEndpoint, serviceName: 'inburgering-regio-worker' });
  const { startWorker } = await import('./worker/index');
  const { createRedisConnection } = await import('./jobs');
  const { measureJobs, startMetricsServer, startWorkerHeartbeat } = await import('./observability');
  const running = await startWorker(config, { schedule: true, ...config.workerTimings });
  measureJobs(running.worker);
  const heartbeatRedis = createRedisConnection(config.redisUrl, 'producer');
  const heartbeat = startWorkerHeartbeat(heartbeatRedis, config.queuePrefix);
  const metrics = config.metricsPort !== undefined ? await startMetricsServer(config.metricsPort, config.host ?? '127.0.0.1') : null;
  logger.info({ tracing: tracing.enabled, metricsPort: metrics?.port }, 'worker gestart');

  // SIGTERM: stop taking jobs, let the current ones finish (BullMQ's close waits for them). After the grace period the
  // worker closes without waiting: its unfinished jobs lose their lock and another worker picks them up again.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopt: geen nieuwe jobs, lopende worden afgemaakt');
    exitIfStillStopping(config.shutdownGraceMs ?? 25_000, 'worker');
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), config.shutdownGraceMs ?? 25_000); });
    Promise.race([running.close().then(() => 'closed' as const), grace])
      .then(async (how) => {
        clearTimeout(timer);
        if (how === 'timeout') {
          logger.warn('worker stopt na de wachttijd; lopende jobs worden door een andere worker opnieuw opgepakt');
          await running.worker.close(true);
        }
        await heartbeat.stop();
        heartbeatRedis.disconnect();
        await Promise.all([metrics?.close(), tracing.shutdown()]);
        logger.info('worker gestopt');
        process.exit(0);
      })
      .catch((err: unknown) => { logger.error({ err }, 'worker stoppen mislukt'); process.exit(1); });
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigurationError) {
    logger.fatal(err.message);
    console.error(err.message);
  } else logger.fatal({ err }, 'worker kon niet starten');
  process.exit(1);
});

import { logger } from './common';
import { ConfigurationError, loadConfig } from './config';
import { startWorker } from './worker/index';

async function main() {
  const config = loadConfig();
  const running = await startWorker(config, { schedule: true, ...config.workerTimings });
  logger.info('worker gestart');
  // SIGTERM: stop taking jobs, let the current ones finish (BullMQ's close waits for them). After the grace period the
  // worker closes without waiting: its unfinished jobs lose their lock and another worker picks them up again.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopt: geen nieuwe jobs, lopende worden afgemaakt');
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), config.shutdownGraceMs ?? 25_000); });
    Promise.race([running.close().then(() => 'closed' as const), grace])
      .then(async (how) => {
        clearTimeout(timer);
        if (how === 'timeout') {
          logger.warn('worker stopt na de wachttijd; lopende jobs worden door een andere worker opnieuw opgepakt');
          await running.worker.close(true);
        }
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

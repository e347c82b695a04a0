import { logger } from './common';
import { loadConfig } from './config';
import { startWorker, workerTimingsFromEnv } from './worker/index';

async function main() {
  const running = await startWorker(loadConfig(), { schedule: true, ...workerTimingsFromEnv(process.env) });
  logger.info('worker gestart');
  const stop = async () => {
    await running.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err) => {
  logger.fatal({ err }, 'worker kon niet starten');
  process.exit(1);
});

import { logger } from './common';
import { loadConfig } from './config';
import { createApiApp } from './create-api-app';

async function main() {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  logger.info({ port: config.port }, 'API luistert');
}

main().catch((err) => {
  logger.fatal({ err }, 'API kon niet starten');
  process.exit(1);
});

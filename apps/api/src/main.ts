import type { Server } from 'node:http';
import { logger } from './common';
import { ConfigurationError, loadConfig } from './config';
import { createApiApp } from './create-api-app';

async function main() {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, config.host ?? '127.0.0.1');
  logger.info({ port: config.port }, 'API luistert');

  // SIGTERM (Kubernetes, npm start) drains: the listener closes at once (no new requests, idle keep-alive connections
  // closed), requests in flight finish, then the app shuts down (database, Redis). After the grace period it stops anyway.
  let stopping = false;
  const drain = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'API stopt: geen nieuwe verzoeken, lopende worden afgemaakt');
    const server = app.getHttpServer() as Server;
    const grace = setTimeout(() => {
      logger.warn('API stopt na de wachttijd; verzoeken die nog liepen zijn afgebroken');
      server.closeAllConnections();
    }, config.shutdownGraceMs ?? 25_000);
    grace.unref();
    server.close(() => {
      clearTimeout(grace);
      app.close()
        .then(() => { logger.info('API gestopt'); process.exit(0); })
        .catch((err: unknown) => { logger.error({ err }, 'API stoppen mislukt'); process.exit(1); });
    });
    server.closeIdleConnections();
  };
  process.once('SIGTERM', drain);
  process.once('SIGINT', drain);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigurationError) {
    // No stack trace for an operator's missing variable: the message says what to set.
    logger.fatal(err.message);
    console.error(err.message);
  } else logger.fatal({ err }, 'API kon niet starten');
  process.exit(1);
});

// Tracing starts before the API's modules load (its instrumentations patch http, pg, graphql and ioredis as they are
// required), so this file imports only config, the logger and tracing statically and the rest after startTracing.
import type { Server } from 'node:http';
import { exitIfStillStopping, logger } from './common';
import { ConfigurationError, loadConfig } from './config';
import { limitHeapGrowth } from './heap-growth';
import { startTracing } from './tracing';

async function main() {
  limitHeapGrowth();
  const config = loadConfig();
  const tracing = await startTracing({ otlpEndpoint: config.otlpEndpoint, serviceName: 'inburgering-regio-api' });
  const { createApiApp, requestListenerOf } = await import('./create-api-app');
  const { startMetricsServer } = await import('./observability');
  const app = await createApiApp(config);
  await app.listen(config.port, config.host ?? '127.0.0.1');
  logger.info({ port: config.port, tracing: tracing.enabled }, 'API luistert');
  // DUO's notifications arrive over mutual TLS on a port of their own (DUO_NOTIFY_PORT with the municipality's server
  // certificate and the CA of DUO's client certificate); without it the endpoint refuses every call.
  if (config.duoNotify) {
    const { listenForDuoNotifications } = await import('./duo');
    await listenForDuoNotifications(requestListenerOf(app), config.duoNotify);
    logger.info({ port: config.duoNotify.port }, 'DUO-notificaties (wederzijdse TLS) luisteren');
  }
  const metrics = config.metricsPort !== undefined ? await startMetricsServer(config.metricsPort, config.host ?? '127.0.0.1') : null;
  if (metrics) logger.info({ port: metrics.port }, 'metrics op een eigen poort');

  // SIGTERM (Kubernetes, npm start) drains: the listener closes at once (no new requests, idle keep-alive connections
  // closed), requests in flight finish, then the app shuts down (database, Redis). After the grace period it stops anyway.
  let stopping = false;
  const drain = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'API stopt: geen nieuwe verzoeken, lopende worden afgemaakt');
    exitIfStillStopping(config.shutdownGraceMs ?? 25_000, 'API');
    const server = app.getHttpServer() as Server;
    const grace = setTimeout(() => {
      logger.warn('API stopt na de wachttijd; verzoeken die nog liepen zijn afgebroken');
      server.closeAllConnections();
    }, config.shutdownGraceMs ?? 25_000);
    grace.unref();
    server.close(() => {
      clearTimeout(grace);
      app.close()
        .then(() => Promise.all([metrics?.close(), tracing.shutdown()]))
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

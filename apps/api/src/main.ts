import { logger } from './common';
import { loadConfig } from './config';
import { createApiApp } from './create-api-app';
import { listenForDuoNotifications } from './duo';

async function main() {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port, process.env.HOST ?? '127.0.0.1');
  logger.info({ port: config.port }, 'API luistert');
  // DUO's notifications arrive over mutual TLS on a port of their own (DUO_NOTIFY_PORT with the municipality's server
  // certificate and the CA of DUO's client certificate); without it the endpoint refuses every call.
  const { DUO_NOTIFY_PORT, DUO_NOTIFY_CERT, DUO_NOTIFY_KEY, DUO_NOTIFY_CA } = process.env;
  if (DUO_NOTIFY_PORT && DUO_NOTIFY_CERT && DUO_NOTIFY_KEY && DUO_NOTIFY_CA) {
    await listenForDuoNotifications(app.getHttpAdapter().getInstance(), {
      port: Number(DUO_NOTIFY_PORT), host: process.env.DUO_NOTIFY_HOST ?? '0.0.0.0', certPath: DUO_NOTIFY_CERT, keyPath: DUO_NOTIFY_KEY, caPath: DUO_NOTIFY_CA,
    });
    logger.info({ port: Number(DUO_NOTIFY_PORT) }, 'DUO-notificaties (wederzijdse TLS) luisteren');
  }
}

main().catch((err) => {
  logger.fatal({ err }, 'API kon niet starten');
  process.exit(1);
});

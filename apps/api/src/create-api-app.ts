import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { AppConfig } from './config';
import { NestPinoLogger, securityHeaders } from './common';
import { measureHttp, requestContext } from './observability';
import { servePortal } from './portal';

/** Builds the HTTP API (and the portal, when built); used by main.ts and by the integration tests. */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new NestPinoLogger(),
    bodyParser: true,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  // First: every request gets its id and log context, and is measured (latency histogram by route and status).
  app.use(requestContext);
  app.use(measureHttp);
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: '1mb' });
  if (config.portalDist) servePortal(app, config.portalDist);
  return app;
}

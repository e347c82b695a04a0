import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import type { AppConfig } from './config';
import { NestPinoLogger, securityHeaders } from './common';
import { servePortal } from './portal';

/** Builds the HTTP API (and the portal, when built); used by main.ts and by the integration tests. */
export async function createApiApp(config: AppConfig): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new NestPinoLogger(),
    bodyParser: true,
  });
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(securityHeaders);
  app.useBodyParser('json', { limit: '1mb' });
  if (config.portalDist) servePortal(app, config.portalDist);
  return app;
}

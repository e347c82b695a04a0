import 'reflect-metadata';
import type { RequestListener } from 'node:http';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import type { AppConfig } from './config';
import { NestPinoLogger } from './common';
import { observeRequests } from './observability';
import { servePortal } from './portal';

/** JSON bodies (GraphQL) up to 1 MB; files go through multipart with each endpoint's own limit. */
const BODY_LIMIT_BYTES = 1024 * 1024;
const REQUEST_TIMEOUT_MS = 300_000;

/**
 * Builds the HTTP API (and the portal, when built); used by main.ts and by the integration tests. On Fastify: behind
 * Express the cheapest logged-in request answered at 31% of a bare Apollo Server's rate, on Fastify at 57%, and at 65%–68% (the
 * bench's medians, December 2026) since the request path keeps no AsyncLocalStorage. Its request line costs 20–30 µs of
 * the API's 220 µs there; writing it batched, synchronously or hand-built did not measurably lower that.
 */
export async function createApiApp(config: AppConfig): Promise<NestFastifyApplication> {
  // A proxy on the same host may say which address and protocol the browser used (login throttling, SSO callback).
  // A request must arrive whole within five minutes, Node's own default, which Fastify turns off (0): a client sending
  // its body a byte at a time would otherwise hold its connection for ever.
  const adapter = new FastifyAdapter({ trustProxy: 'loopback', bodyLimit: BODY_LIMIT_BYTES, requestTimeout: REQUEST_TIMEOUT_MS });
  // First: every request gets its id, security headers and log context, and is measured (route and status).
  observeRequests(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, { logger: new NestPinoLogger() });
  // Cookies are only written through it; the session cookie is read where it is needed (auth/session-cookie.ts).
  await app.register(cookie, { hook: false });
  // Limits per upload endpoint are set where the file is read (common/read-upload.ts).
  await app.register(multipart);
  if (config.portalDist) await servePortal(app, config.portalDist);
  return app;
}

/** The app's request handler, for another listener in front of the same routes (DUO's mutual TLS port); after listen. */
export function requestListenerOf(app: NestFastifyApplication): RequestListener {
  const fastify = app.getHttpAdapter().getInstance();
  return (req, res) => fastify.routing(req, res);
}

import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the API answers itself; every other GET is a portal page (client-side routing). */
const API_PREFIXES = ['/graphql', '/health', '/api/', '/documents'];

// The portal and the API share one origin: the session cookie stays SameSite=Strict and no CORS is needed.
export async function servePortal(app: NestFastifyApplication, portalDist: string): Promise<void> {
  if (!existsSync(join(portalDist, 'index.html'))) throw new Error(`Portaal niet gevonden in ${portalDist}; bouw het eerst.`);
  // One route per built file (the build is done before the API starts); the catch-all below answers the pages.
  await app.register(fastifyStatic, { root: portalDist, index: false, maxAge: '1h', wildcard: false });
  app.getHttpAdapter().getInstance().get('/*', (request, reply) => {
    if (API_PREFIXES.some((prefix) => request.url.startsWith(prefix))) return reply.callNotFound();
    reply.header('Cache-Control', 'no-cache');
    return reply.sendFile('index.html', { cacheControl: false });
  });
}

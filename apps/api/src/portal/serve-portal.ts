import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import express from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the API answers itself; every other GET is a portal page (client-side routing). */
const API_PREFIXES = ['/graphql', '/health', '/api/', '/documents'];

// The portal and the API share one origin: the session cookie stays SameSite=Strict and no CORS is needed.
export function servePortal(app: NestExpressApplication, portalDist: string): void {
  const index = join(portalDist, 'index.html');
  if (!existsSync(index)) throw new Error(`Portaal niet gevonden in ${portalDist}; bouw het eerst.`);
  app.use(express.static(portalDist, { index: false, maxAge: '1h' }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || API_PREFIXES.some((prefix) => req.path.startsWith(prefix))) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

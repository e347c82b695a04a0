import type { Request, Response } from 'express';

export const SESSION_COOKIE = 'ir_session';

export function readSessionToken(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      try {
        return decodeURIComponent(rest.join('='));
      } catch {
        return null;
      }
    }
  }
  return null;
}

/**
 * httpOnly so scripts cannot read it; SameSite=Strict so other sites cannot send it along; `Secure` (HTTPS only)
 * unless the app runs in explicit local development over plain http (`AppConfig.development`).
 */
export function writeSessionCookie(res: Response, token: string, expiresAt: Date, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

/** The request header (or, for a plain download link, the query parameter `gemeente`) naming the municipality a shared service's consultant acts for. */
export const ACTING_MUNICIPALITY_HEADER = 'x-gemeente';

export function actingMunicipalityOf(req: Request): string | null {
  const header = req.headers[ACTING_MUNICIPALITY_HEADER];
  if (typeof header === 'string' && header) return header;
  // Express parses the query string anew on every read of req.query: only a URL with one is asked (every GraphQL request reads this).
  if (typeof req.url === 'string' && !req.url.includes('?')) return null;
  const query: unknown = req.query?.['gemeente'];
  return typeof query === 'string' && query ? query : null;
}

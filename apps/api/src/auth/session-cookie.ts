import type { FastifyReply, FastifyRequest } from 'fastify';

export const SESSION_COOKIE = 'ir_session';

export function readSessionToken(req: Pick<FastifyRequest, 'headers'>): string | null {
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
export function writeSessionCookie(res: FastifyReply, token: string, expiresAt: Date, secure: boolean): void {
  res.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires: expiresAt });
}

export function clearSessionCookie(res: FastifyReply, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

/** The request header (or, for a plain download link, the query parameter `gemeente`) naming the municipality a shared service's consultant acts for. */
export const ACTING_MUNICIPALITY_HEADER = 'x-gemeente';

export function actingMunicipalityOf(req: FastifyRequest): string | null {
  const header = req.headers[ACTING_MUNICIPALITY_HEADER];
  if (typeof header === 'string' && header) return header;
  const query: unknown = (req.query as Record<string, unknown> | undefined)?.['gemeente'];
  return typeof query === 'string' && query ? query : null;
}

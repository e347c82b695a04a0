import type { FastifyReply } from 'fastify';

// Conservative headers for a government application: no framing, no sniffing, only same-origin scripts.
const HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; script-src 'self'; frame-ancestors 'none'; base-uri 'self'",
};

/** Sets the security headers on every answer (called from the request hook, observability/request-context.ts). */
export function securityHeaders(reply: FastifyReply): void {
  reply.headers(HEADERS);
}

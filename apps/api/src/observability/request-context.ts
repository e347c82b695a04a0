import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type LogContext, runWithLogContext, securityHeaders } from '../common';
import { measureHttp } from './metrics';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id from a proxy is kept when it looks like one (no free text into the log). */
const VALID_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type RequestWithContext = FastifyRequest & { logContext?: LogContext };

/**
 * Every request, first thing: its id (answered in X-Request-Id), the security headers, its log context (the rest of
 * the request runs inside it: Fastify carries the async context across reading the body) and its measurement.
 * Hooks on the Fastify instance itself, so they run for every route Nest registers later and for the portal's files.
 */
export function observeRequests(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request: RequestWithContext, reply, done) => {
    const incoming = request.headers[REQUEST_ID_HEADER];
    const id = typeof incoming === 'string' && VALID_ID.test(incoming) ? incoming : randomUUID();
    request.logContext = { requestId: id };
    reply.header('X-Request-Id', id);
    securityHeaders(reply);
    measureHttp(request, reply);
    runWithLogContext(request.logContext, done);
  });
}

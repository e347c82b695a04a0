import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type RequestWithLogContext, securityHeaders } from '../common';
import { measureHttp } from './metrics';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A request id from a proxy is kept when it looks like one (no free text into the log). */
const VALID_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type RequestWithContext = FastifyRequest & RequestWithLogContext;

/**
 * Every request, first thing: its id (answered in X-Request-Id), the security headers, its log context (on the request
 * object: the request line, error lines and caused jobs take it from there) and its measurement.
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
    done();
  });
}

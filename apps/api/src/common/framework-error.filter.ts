import { type ArgumentsHost, Catch, HttpException, NotFoundException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Fastify's own refusals of a request body, in Dutch (its texts are English and name internals). */
const BODY_REFUSALS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'BAD_REQUEST', message: 'De aanvraag is geen geldige JSON.' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'BAD_REQUEST', message: 'De aanvraag is leeg; verwacht werd JSON.' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'PAYLOAD_TOO_LARGE', message: 'De aanvraag is te groot (maximaal 1 MB).' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Dit soort inhoud wordt hier niet aangenomen; stuur JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'BAD_REQUEST', message: 'De lengte van de aanvraag klopt niet met de inhoud.' },
};

/** Nest's answer for a path no route has ("Cannot GET /x"). */
const NO_ROUTE = /^Cannot [A-Z]+ /;

function dutchRefusalOf(exception: HttpException): { code: string; message: string } | null {
  const cause = exception.cause as { code?: unknown } | undefined;
  if (typeof cause?.code === 'string' && BODY_REFUSALS[cause.code]) return BODY_REFUSALS[cause.code];
  if (exception instanceof NotFoundException && NO_ROUTE.test(exception.message)) return { code: 'NOT_FOUND', message: 'Dit adres bestaat niet.' };
  return null;
}

/**
 * Refusals by the framework itself (a body that is no JSON or too large, a path without a route) answer in Dutch, in
 * the shape of their endpoint: GraphQL errors on /graphql, `{ code, message, fields }` elsewhere (as the file
 * endpoints answer). Every other HTTP error keeps Nest's handling; resolvers' errors go to Apollo as before.
 */
@Catch(HttpException)
export class FrameworkErrorFilter extends BaseExceptionFilter {
  override catch(exception: HttpException, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const refusal = dutchRefusalOf(exception);
    if (!refusal) return super.catch(exception, host);
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const body = request.url.startsWith('/graphql')
      ? { errors: [{ message: `Ongeldige aanvraag: ${refusal.message}`, extensions: { code: refusal.code } }] }
      : { code: refusal.code, message: refusal.message, fields: [] };
    void reply.status(exception.getStatus()).send(body);
    return undefined;
  }
}

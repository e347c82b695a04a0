import { type ArgumentsHost, Catch, type ExceptionFilter, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { logContextOf } from './log-context';
import { logger } from './logger';

/**
 * An error no other filter knows, thrown by an HTTP route (a defect): logged with the request's ids (the API keeps no
 * implicit log context) and answered in Dutch without its details, as the file endpoints do. Registered before the
 * other global filters, so Nest asks it last. GraphQL's errors go on to Apollo, whose formatError logs them.
 */
@Catch()
export class UnexpectedErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return error;
    answerDefect(error, host, 'HTTP route');
    return undefined;
  }
}

/**
 * A defect in an HTTP endpoint (`where`): one error line with the request's ids, and a Dutch 500 without details. A
 * client that closed its connection before the request was read (Node's "aborted") is no defect and has no one to answer:
 * its request line ("verzoek afgebroken", observability/request-log) already names it.
 */
export function answerDefect(error: unknown, host: ArgumentsHost, where: string): void {
  const http = host.switchToHttp();
  if (clientWentAway(error, http.getRequest<FastifyRequest>())) return;
  logger.error({ ...logContextOf(http.getRequest()), err: error }, `unexpected error in ${where}`);
  const reply = http.getResponse<FastifyReply>();
  if (!reply.sent) void reply.status(HttpStatus.INTERNAL_SERVER_ERROR).send({ code: 'INTERNAL_SERVER_ERROR', message: 'Er ging iets mis aan onze kant. Probeer het later opnieuw.' });
}

function clientWentAway(error: unknown, request: FastifyRequest): boolean {
  return (error as { code?: unknown } | null)?.code === 'ECONNRESET' && request.raw.destroyed;
}

import { CallHandler, ExecutionContext, HttpException, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { FastifyRequest } from 'fastify';
import { catchError, tap, throwError, type Observable } from 'rxjs';
import { logContextOf } from '../common';
import type { Actor } from '../tenancy';
import { errorsByCode, operationDuration } from './metrics';

interface GraphqlRequestContext {
  actor?: Actor | null;
  req?: { actor?: Actor | null };
}

function errorCode(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z_]{2,40}$/.test(code)) return code;
  if (err instanceof HttpException) return `HTTP_${err.getStatus()}`;
  return 'INTERNAL_SERVER_ERROR';
}

/**
 * Runs after the access guard on every GraphQL root field and HTTP route: puts the actor's organisation and role in the
 * log context, and measures the operation (latency histogram, errors by code).
 */
@Injectable()
export class ObservabilityInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    let type = context.getType<string>();
    let operation: string;
    let actor: Actor | null | undefined;
    let request: unknown;
    if (type === 'graphql') {
      const gql = GqlExecutionContext.create(context);
      const info = gql.getInfo<{ fieldName: string; parentType: { name: string } }>();
      type = info.parentType.name === 'Mutation' ? 'mutation' : 'query';
      operation = info.fieldName;
      const ctx = gql.getContext<GraphqlRequestContext>();
      actor = ctx.actor ?? ctx.req?.actor;
      request = ctx.req;
    } else {
      const req = context.switchToHttp().getRequest<FastifyRequest & { actor?: Actor | null }>();
      type = 'http';
      // The route as declared (`/api/invoices/:id/pdf`), never the path with its ids.
      operation = `${req.method} ${req.routeOptions.url ?? ''}`;
      actor = req.actor;
      request = req;
    }
    const log = logContextOf(request);
    if (log && actor) {
      log.organisationId = actor.organisationId;
      log.role = actor.role;
    }
    const end = operationDuration.startTimer({ type, operation });
    return next.handle().pipe(
      tap(() => end({ outcome: 'ok' })),
      catchError((err: unknown) => {
        end({ outcome: 'error' });
        errorsByCode.inc({ code: errorCode(err) });
        return throwError(() => err);
      }),
    );
  }
}

import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { ForbiddenAppError } from '../common';

/** Refuses requests without X-Requested-With before the body is read: a cross-site form post cannot set that header. */
@Injectable()
export class RequirePortalHeaderGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers['x-requested-with'];
    if (!header) throw new ForbiddenAppError('Deze upload is geweigerd: hij komt niet uit het portaal (de kop X-Requested-With ontbreekt).');
    return true;
  }
}

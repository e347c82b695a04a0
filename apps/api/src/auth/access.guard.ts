import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ForbiddenAppError, UnauthenticatedAppError } from '../common';
import type { UserRole } from '../database';
import { actingFor, actorInRequest, type Actor } from '../tenancy';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { actingMunicipalityOf, readSessionToken } from './session-cookie';
import { SessionService } from './session.service';

// Default deny: a handler must declare @Public() or the roles that may call it.
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const roles = this.reflector.getAllAndOverride<UserRole[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0) throw new ForbiddenAppError();
    // GraphQL resolves the actor in its context factory; a plain HTTP route (document upload) gets it from the session cookie here.
    if (context.getType<string>() === 'http') {
      const req = context.switchToHttp().getRequest();
      if (req.actor === undefined) {
        const actor = await this.sessions.actorForToken(readSessionToken(req));
        req.actor = actor && actorInRequest(actingFor(actor, actingMunicipalityOf(req)), req);
      }
    }
    const actor = actorOf(context);
    if (!actor) throw new UnauthenticatedAppError();
    if (!roles.includes(actor.role)) throw new ForbiddenAppError();
    return true;
  }
}

export function actorOf(context: ExecutionContext): Actor | null {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext().actor ?? null;
  }
  return context.switchToHttp().getRequest().actor ?? null;
}

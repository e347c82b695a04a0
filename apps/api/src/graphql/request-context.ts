import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '../tenancy';

/** What every GraphQL resolver gets: the request and the actor (if logged in). DataLoaders hang off it via `perRequest`. */
export interface RequestContext {
  req: FastifyRequest & { actor?: Actor | null };
  res: FastifyReply;
  actor: Actor | null;
}

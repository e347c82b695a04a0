import type { Request, Response } from 'express';
import type { Actor } from '../tenancy/actor';
import type { Loaders } from '../graphql/loaders';

/** What every GraphQL resolver gets: the request, the actor (if logged in) and per-request DataLoaders. */
export interface RequestContext {
  req: Request & { actor?: Actor | null };
  res: Response;
  actor: Actor | null;
  loaders: Loaders;
}

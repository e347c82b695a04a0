import type { Request, Response } from 'express';
import type { Actor } from '../tenancy';

/** What every GraphQL resolver gets: the request and the actor (if logged in). DataLoaders hang off it via `perRequest`. */
export interface RequestContext {
  req: Request & { actor?: Actor | null };
  res: Response;
  actor: Actor | null;
}

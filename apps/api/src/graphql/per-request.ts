import type { RequestContext } from './request-context';

// DataLoaders live exactly as long as their request: each feature keeps its own under a key of its own, so the
// GraphQL layer needs to know none of them.
const caches = new WeakMap<object, Map<string, unknown>>();

/** The request's instance for `key`, made by `create` on first use. */
export function perRequest<T>(ctx: Pick<RequestContext, 'req'>, key: string, create: () => T): T {
  let cache = caches.get(ctx.req);
  if (!cache) {
    cache = new Map();
    caches.set(ctx.req, cache);
  }
  if (!cache.has(key)) cache.set(key, create());
  return cache.get(key) as T;
}

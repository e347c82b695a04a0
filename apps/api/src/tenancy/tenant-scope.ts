import { ForbiddenAppError, logContextOf } from '../common';
import type { Actor } from './actor';

declare const brand: unique symbol;
type Branded<T, B extends string> = T & { readonly [brand]: B };

/** Ids that can only be obtained from an authenticated actor, so a query cannot be written without its tenant. */
export type MunicipalityId = Branded<string, 'MunicipalityId'>;
export type ProviderId = Branded<string, 'ProviderId'>;
export type RegionId = Branded<string, 'RegionId'>;

export type TenantScope =
  | { kind: 'MUNICIPALITY'; municipalityId: MunicipalityId; regionId: RegionId }
  | { kind: 'PROVIDER'; providerId: ProviderId }
  | { kind: 'REGION'; regionId: RegionId };

/** The one place where an actor becomes a tenant scope. */
export function tenantScopeOf(actor: Actor): TenantScope {
  switch (actor.organisationKind) {
    case 'MUNICIPALITY':
      if (!actor.regionId) throw new ForbiddenAppError();
      return { kind: 'MUNICIPALITY', municipalityId: actor.organisationId as MunicipalityId, regionId: actor.regionId as RegionId };
    case 'PROVIDER':
      return { kind: 'PROVIDER', providerId: actor.organisationId as ProviderId };
    case 'REGION':
      return { kind: 'REGION', regionId: actor.organisationId as RegionId };
    case 'SHARED_SERVICE':
      // A shared service has no data of its own: it works as one of its municipalities (see actingFor), or not at all.
      throw new ForbiddenAppError();
  }
}

/**
 * The actor of one request. A shared service's consultant acts for the municipality the request names (the portal's
 * "werkt voor" choice; the first served municipality when it names none) and is that municipality's tenant for the whole
 * request; a municipality the service does not work for leaves the actor without tenant (every scoped call is refused).
 * Anyone else is unaffected by the choice.
 */
export function actingFor(actor: Actor, municipalityId: string | null | undefined): Actor {
  const service = actor.sharedService;
  if (!service || actor.organisationKind !== 'SHARED_SERVICE') return actor;
  const chosen = municipalityId ? service.municipalityIds.find((id) => id === municipalityId) : service.municipalityIds[0];
  if (!chosen) return actor;
  return { ...actor, organisationId: chosen, organisationKind: 'MUNICIPALITY' };
}

/**
 * The actor of one request: a copy (the session cache shares the actor between requests) that carries the request's id,
 * which the jobs it causes take into their log lines (outbox).
 */
export function actorInRequest(actor: Actor, request: unknown): Actor {
  return { ...actor, requestId: logContextOf(request)?.requestId };
}

/**
 * The municipalities whose clients a consultant's caseload lists: the own municipality, or for a shared service's
 * consultant every municipality the service works for; narrowed to `only` when given (empty when `only` is not one of them).
 */
export function caseloadMunicipalitiesOf(actor: Actor, only: string | null = null): MunicipalityId[] {
  const acting = municipalityScopeOf(actor);
  const all = (actor.sharedService?.municipalityIds ?? [acting]) as readonly MunicipalityId[];
  return only ? all.filter((id) => id === only) : [...all];
}

export function municipalityScopeOf(actor: Actor): MunicipalityId {
  const scope = tenantScopeOf(actor);
  if (scope.kind !== 'MUNICIPALITY') throw new ForbiddenAppError();
  return scope.municipalityId;
}

export function providerScopeOf(actor: Actor): ProviderId {
  const scope = tenantScopeOf(actor);
  if (scope.kind !== 'PROVIDER') throw new ForbiddenAppError();
  return scope.providerId;
}

export function regionScopeOf(actor: Actor): RegionId {
  const scope = tenantScopeOf(actor);
  if (scope.kind !== 'REGION') throw new ForbiddenAppError();
  return scope.regionId;
}

import { ForbiddenAppError } from '../common';
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
  }
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

import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { TenantScope } from '../tenancy';

/**
 * Limits a list query that joins a contract (as `c`) and its lot (as `l`) to what the tenant sees: a provider its own
 * contracts, a region those on its own lots. Other tenants see none: the answer is null and the caller lists nothing.
 */
export function scopeToContracts<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, scope: TenantScope): SelectQueryBuilder<T> | null {
  if (scope.kind === 'PROVIDER') return query.where('c.provider_id = :providerId', { providerId: scope.providerId });
  if (scope.kind === 'REGION') return query.where('l.region_id = :regionId', { regionId: scope.regionId });
  return null;
}

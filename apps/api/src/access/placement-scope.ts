import { PROVIDER_VISIBLE_PLACEMENT_STATUSES } from '@inburgering/domain';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { ProviderId } from '../tenancy';

/**
 * The placements a provider may see, as a condition on a placement aliased `alias`: offered to it (never one withdrawn
 * while it was still waiting for a seat). The access rule for the kind 'placement' and the provider's paged lists use
 * this one condition, so a list in SQL shows exactly what the access module would allow.
 */
export function providerPlacementCondition(alias: string, providerId: string): [string, Record<string, unknown>] {
  return [
    `${alias}.provider_id = :providerId AND (${alias}.status IN (:...providerStatuses) OR (${alias}.status = 'WITHDRAWN' AND EXISTS (
      SELECT 1 FROM placement_event pe WHERE pe.placement_id = ${alias}.id AND pe.to_status = 'REQUESTED')))`,
    { providerId, providerStatuses: [...PROVIDER_VISIBLE_PLACEMENT_STATUSES] },
  ];
}

/**
 * Limits a placement list query (placement aliased `alias`) to the placements the provider may see. With `statuses`, the
 * statuses the query already keeps: when the provider may see every placement in them, the provider alone decides, because
 * with the withdrawn placements' EXISTS PostgreSQL reads every placement row of the provider instead of an index.
 */
export function scopeToProviderPlacements<T extends ObjectLiteral>(query: SelectQueryBuilder<T>, alias: string, providerId: ProviderId, statuses?: readonly string[]): SelectQueryBuilder<T> {
  if (statuses && statuses.every((s) => (PROVIDER_VISIBLE_PLACEMENT_STATUSES as readonly string[]).includes(s))) {
    return query.andWhere(`${alias}.provider_id = :providerId`, { providerId });
  }
  return query.andWhere(...providerPlacementCondition(alias, providerId));
}

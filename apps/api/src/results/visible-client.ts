import type { EntityManager } from 'typeorm';
import { NotFoundAppError } from '../common/app-errors';
import type { TenantScope } from '../tenancy/tenant-scope';

export interface VisibleClient {
  id: string;
  municipality_id: string;
  client_number: number;
  first_name: string;
  last_name: string;
  route: string | null;
  target_group: string;
  pip_signed_on: string | null;
  brp_registration_date: string;
  pip_minutes_per_week: number | null;
  /** The placement the actor acts through (a provider's own; a consultant's choice or null). */
  placement_id: string | null;
  provider_id: string | null;
}

const COLUMNS = `c.id, c.municipality_id, c.client_number, c.first_name, c.last_name, c.route, c.target_group, c.pip_signed_on, c.brp_registration_date, c.pip_minutes_per_week`;

/** A client the actor may see: a consultant its municipality's, a provider only through one of its own placements. */
export async function findVisibleClient(manager: Pick<EntityManager, 'query'>, scope: TenantScope, clientId: string, placementId: string | null): Promise<VisibleClient> {
  let rows: VisibleClient[] = [];
  if (scope.kind === 'MUNICIPALITY') {
    rows = await manager.query(
      `SELECT ${COLUMNS}, p.id AS placement_id, p.provider_id FROM client c LEFT JOIN placement p ON p.id = $3 AND p.client_id = c.id
        WHERE c.id = $1 AND c.municipality_id = $2`,
      [clientId, scope.municipalityId, placementId],
    );
  } else if (scope.kind === 'PROVIDER') {
    rows = await manager.query(
      `SELECT ${COLUMNS}, p.id AS placement_id, p.provider_id FROM client c JOIN placement p ON p.client_id = c.id
        WHERE c.id = $1 AND p.provider_id = $2 AND ($3::uuid IS NULL OR p.id = $3) AND p.status IN ('ACCEPTED', 'STARTED', 'ENDED')
        ORDER BY p.start_date DESC NULLS LAST LIMIT 1`,
      [clientId, scope.providerId, placementId],
    );
  }
  if (!rows[0]) throw new NotFoundAppError('Deze inburgeraar bestaat niet of is niet bij uw organisatie bekend.');
  return rows[0];
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../tenancy/actor';
import { TenantScope, tenantScopeOf } from '../tenancy/tenant-scope';

export interface LotRow {
  id: string;
  region_id: string;
  name: string;
  subject: string;
  period_start: string;
  period_end: string;
  expected_volume_per_year: number;
}

// Which lots a tenant may see: a region its own, a municipality those covering it, a provider those it holds a contract on.
const VISIBLE_LOTS: Record<TenantScope['kind'], string> = {
  REGION: `SELECT l.* FROM lot l WHERE l.region_id = $1`,
  MUNICIPALITY: `SELECT l.* FROM lot l JOIN lot_municipality lm ON lm.lot_id = l.id WHERE lm.municipality_id = $1`,
  PROVIDER: `SELECT DISTINCT l.* FROM lot l JOIN contract c ON c.lot_id = l.id WHERE c.provider_id = $1`,
};

export function tenantKey(scope: TenantScope): string {
  switch (scope.kind) {
    case 'REGION': return scope.regionId;
    case 'MUNICIPALITY': return scope.municipalityId;
    case 'PROVIDER': return scope.providerId;
  }
}

@Injectable()
export class LotsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  visibleLots(actor: Actor): Promise<LotRow[]> {
    const scope = tenantScopeOf(actor);
    return this.db.query(`SELECT * FROM (${VISIBLE_LOTS[scope.kind]}) v ORDER BY v.name`, [tenantKey(scope)]);
  }
}

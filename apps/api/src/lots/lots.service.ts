import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkLotCoverage, checkLotMunicipalitiesInRegion, checkLotPeriod, checkPriceModel, type RuleViolation } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { NotFoundAppError, throwIfViolations } from '../common/app-errors';
import { toPriceModel } from '../procurement/price-model.types';
import type { Actor } from '../tenancy/actor';
import { regionScopeOf, TenantScope, tenantScopeOf, type RegionId } from '../tenancy/tenant-scope';
import type { LotRow } from './lot-row';
import { LotCoverageGql, type CreateLotInput } from './lot.types';

export type { LotRow } from './lot-row';

// Which lots a tenant may see: a region its own, a municipality those covering it, a provider those it holds a contract on.
const VISIBLE_LOTS: Record<TenantScope['kind'], string> = {
  REGION: `SELECT l.* FROM lot l WHERE l.region_id = $1`,
  MUNICIPALITY: `SELECT l.* FROM lot l JOIN lot_municipality lm ON lm.lot_id = l.id WHERE lm.municipality_id = $1`,
  PROVIDER: `SELECT l.* FROM lot l WHERE EXISTS (SELECT 1 FROM contract c WHERE c.lot_id = l.id AND c.provider_id = $1)`,
};

export function tenantKey(scope: TenantScope): string {
  switch (scope.kind) {
    case 'REGION': return scope.regionId;
    case 'MUNICIPALITY': return scope.municipalityId;
    case 'PROVIDER': return scope.providerId;
  }
}

/** The SQL selecting the lots a scope may see, with the tenant key as $1. */
export function visibleLotsSql(scope: TenantScope): string {
  return VISIBLE_LOTS[scope.kind];
}

@Injectable()
export class LotsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  visibleLots(actor: Actor): Promise<LotRow[]> {
    const scope = tenantScopeOf(actor);
    return this.db.query(`SELECT * FROM (${VISIBLE_LOTS[scope.kind]}) v ORDER BY v.name`, [tenantKey(scope)]);
  }

  async visibleLot(actor: Actor, lotId: string): Promise<LotRow> {
    const scope = tenantScopeOf(actor);
    const [row] = await this.db.query(`SELECT * FROM (${VISIBLE_LOTS[scope.kind]}) v WHERE v.id = $2`, [tenantKey(scope), lotId]);
    if (!row) throw new NotFoundAppError('Dit perceel bestaat niet of hoort niet bij uw organisatie.');
    return row;
  }

  /** A new lot of the actor's region with the municipalities it covers; refused as a whole when any rule fails. */
  async create(actor: Actor, input: CreateLotInput): Promise<LotRow> {
    const regionId = regionScopeOf(actor);
    const priceModel = toPriceModel(input.priceModel);
    const violations: RuleViolation[] = [
      ...checkLotPeriod(input),
      ...checkLotCoverage(input.coverage, input.subRegionId, input.municipalityIds),
      ...checkPriceModel(priceModel),
    ];
    const municipalityIds = await this.coveredMunicipalities(regionId, input, violations);
    const [duplicate] = await this.db.query(`SELECT 1 FROM lot WHERE region_id = $1 AND lower(name) = lower($2)`, [regionId, input.name.trim()]);
    if (duplicate) violations.push({ field: 'name', code: 'LOT_NAME_TAKEN', message: 'Er bestaat in uw regio al een perceel met deze naam.' });
    throwIfViolations(violations);
    const id = await this.db.transaction(async (manager) => {
      const [{ id: lotId }] = await manager.query(
        `INSERT INTO lot (region_id, name, subject, period_start, period_end, expected_volume_per_year, max_extension_months, extension_options,
                          coverage, sub_region_id, price_model)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
        [regionId, input.name.trim(), input.subject, input.periodStart, input.periodEnd, input.expectedVolumePerYear, input.maxExtensionMonths,
          input.extensionOptions?.trim() || null, input.coverage, input.coverage === LotCoverageGql.SUB_REGION ? input.subRegionId : null, JSON.stringify(priceModel)],
      );
      await manager.query(`INSERT INTO lot_municipality (lot_id, municipality_id) SELECT $1, unnest($2::uuid[])`, [lotId, municipalityIds]);
      return lotId as string;
    });
    const [row] = await this.db.query(`SELECT * FROM lot WHERE id = $1`, [id]);
    return row;
  }

  /** The municipalities a lot covers, checked against the region (DOMAIN §4: a lot covers the region, a sub-region or a list). */
  private async coveredMunicipalities(regionId: RegionId, input: CreateLotInput, violations: RuleViolation[]): Promise<string[]> {
    const regionMunicipalities: string[] = (await this.db.query(`SELECT id FROM organisation WHERE kind = 'MUNICIPALITY' AND region_id = $1`, [regionId]))
      .map((row: { id: string }) => row.id);
    switch (input.coverage) {
      case LotCoverageGql.ALL:
        return regionMunicipalities;
      case LotCoverageGql.SUB_REGION: {
        if (!input.subRegionId) return [];
        const rows: { municipality_id: string }[] = await this.db.query(
          `SELECT srm.municipality_id FROM sub_region sr JOIN sub_region_municipality srm ON srm.sub_region_id = sr.id WHERE sr.id = $1 AND sr.region_id = $2`,
          [input.subRegionId, regionId],
        );
        if (rows.length === 0) violations.push({ field: 'subRegionId', code: 'SUB_REGION_NOT_IN_REGION', message: 'Deze subregio hoort niet bij uw regio.' });
        return rows.map((row) => row.municipality_id);
      }
      case LotCoverageGql.LIST: {
        const ids = [...new Set(input.municipalityIds)];
        if (ids.length > 0) violations.push(...checkLotMunicipalitiesInRegion(ids, regionMunicipalities));
        return ids;
      }
    }
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { checkLotMunicipalitiesInRegion } from '@inburgering/domain';
import { DataSource } from 'typeorm';
import { NotFoundAppError, throwIfViolations } from '../common/app-errors';
import type { OrganisationRow } from '../graphql/loaders';
import { OrganisationType } from '../organisations/organisation.types';
import { enqueueInOutbox } from '../outbox/outbox';
import { updateReturning } from './sql';
import type { Actor } from '../tenancy/actor';
import { regionScopeOf } from '../tenancy/tenant-scope';
import { toProviderType, type ProviderRow } from './provider-row';
import { RegionSetupType, SubRegionType, type CreateSubRegionInput, type ProviderType, type SaveProviderInput } from './region-setup.types';

const PROVIDER_COLUMNS = `id, name, kvk_number, provider_kind, keurmerk_number, keurmerk_valid_until, duo_institution_number, is_taalschakel_institution`;

@Injectable()
export class RegionSetupService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The actor's region with its municipalities, sub-regions and the providers it can award contracts to. */
  async setup(actor: Actor): Promise<RegionSetupType> {
    const regionId = regionScopeOf(actor);
    const [[region], municipalities, subRegions, providers] = await Promise.all([
      this.db.query(`SELECT * FROM organisation WHERE id = $1`, [regionId]) as Promise<OrganisationRow[]>,
      this.db.query(`SELECT * FROM organisation WHERE kind = 'MUNICIPALITY' AND region_id = $1 ORDER BY name`, [regionId]) as Promise<OrganisationRow[]>,
      this.db.query(
        `SELECT sr.id AS sub_region_id, sr.name AS sub_region_name, o.* FROM sub_region sr
           JOIN sub_region_municipality srm ON srm.sub_region_id = sr.id JOIN organisation o ON o.id = srm.municipality_id
          WHERE sr.region_id = $1 ORDER BY sr.name, o.name`,
        [regionId],
      ) as Promise<(OrganisationRow & { sub_region_id: string; sub_region_name: string })[]>,
      this.db.query(`SELECT ${PROVIDER_COLUMNS} FROM organisation WHERE kind = 'PROVIDER' ORDER BY name`) as Promise<ProviderRow[]>,
    ]);
    const bySubRegion = new Map<string, SubRegionType>();
    for (const row of subRegions) {
      const subRegion = bySubRegion.get(row.sub_region_id) ?? Object.assign(new SubRegionType(), { id: row.sub_region_id, name: row.sub_region_name, municipalities: [] });
      subRegion.municipalities.push(OrganisationType.from(row));
      bySubRegion.set(row.sub_region_id, subRegion);
    }
    return Object.assign(new RegionSetupType(), {
      region: OrganisationType.from(region),
      municipalities: municipalities.map(OrganisationType.from),
      subRegions: [...bySubRegion.values()],
      providers: providers.map((row) => toProviderType(row)),
    });
  }

  async createSubRegion(actor: Actor, input: CreateSubRegionInput): Promise<SubRegionType> {
    const regionId = regionScopeOf(actor);
    const ids = [...new Set(input.municipalityIds)];
    const regionMunicipalities: string[] = (await this.db.query(`SELECT id FROM organisation WHERE kind = 'MUNICIPALITY' AND region_id = $1`, [regionId]))
      .map((row: { id: string }) => row.id);
    const violations = checkLotMunicipalitiesInRegion(ids, regionMunicipalities).map((v) =>
      v.code === 'LOT_MUNICIPALITIES_REQUIRED' ? { ...v, message: 'Kies ten minste één gemeente voor deze subregio.' }
        : v.code === 'LOT_MUNICIPALITY_NOT_IN_REGION' ? { ...v, message: 'Deze gemeente hoort niet bij uw regio.' } : v);
    const [duplicate] = await this.db.query(`SELECT 1 FROM sub_region WHERE region_id = $1 AND lower(name) = lower($2)`, [regionId, input.name.trim()]);
    if (duplicate) violations.push({ field: 'name', code: 'SUB_REGION_NAME_TAKEN', message: 'Er bestaat in uw regio al een subregio met deze naam.' });
    throwIfViolations(violations);
    const id = await this.db.transaction(async (manager) => {
      const [{ id: subRegionId }] = await manager.query(`INSERT INTO sub_region (region_id, name) VALUES ($1, $2) RETURNING id`, [regionId, input.name.trim()]);
      await manager.query(`INSERT INTO sub_region_municipality (sub_region_id, municipality_id) SELECT $1, unnest($2::uuid[])`, [subRegionId, ids]);
      return subRegionId as string;
    });
    const municipalities: OrganisationRow[] = await this.db.query(`SELECT * FROM organisation WHERE id = ANY($1::uuid[]) ORDER BY name`, [ids]);
    return Object.assign(new SubRegionType(), { id, name: input.name.trim(), municipalities: municipalities.map(OrganisationType.from) });
  }

  /** Registers a provider or updates its registration; a changed keurmerk is checked by the worker right away. */
  async saveProvider(actor: Actor, input: SaveProviderInput): Promise<ProviderType> {
    regionScopeOf(actor);
    const [sameKvk] = await this.db.query(`SELECT id FROM organisation WHERE kind = 'PROVIDER' AND kvk_number = $1 AND id <> coalesce($2::uuid, '00000000-0000-0000-0000-000000000000')`, [input.kvkNumber, input.id ?? null]);
    const violations = [];
    if (sameKvk) violations.push({ field: 'kvkNumber', code: 'KVK_NUMBER_TAKEN', message: 'Er is al een aanbieder met dit KvK-nummer.' });
    if (!!input.keurmerkNumber?.trim() !== !!input.keurmerkValidUntil) {
      violations.push({ field: 'keurmerkValidUntil', code: 'KEURMERK_INCOMPLETE', message: 'Vul bij een keurmerk zowel het nummer als de geldigheidsdatum in.' });
    }
    throwIfViolations(violations);
    const values = [input.name.trim(), input.kvkNumber, input.providerKind, input.keurmerkNumber?.trim() || null, input.keurmerkValidUntil ?? null,
      input.duoInstitutionNumber ?? null, input.isTaalschakelInstitution];
    const row = await this.db.transaction(async (manager) => {
      const [saved]: ProviderRow[] = input.id
        ? await updateReturning<ProviderRow>(
          manager,
          `UPDATE organisation SET name = $2, kvk_number = $3, provider_kind = $4, keurmerk_number = $5, keurmerk_valid_until = $6,
                  duo_institution_number = $7, is_taalschakel_institution = $8 WHERE id = $1 AND kind = 'PROVIDER' RETURNING ${PROVIDER_COLUMNS}`,
          [input.id, ...values],
        )
        : await manager.query(
          `INSERT INTO organisation (kind, name, kvk_number, provider_kind, keurmerk_number, keurmerk_valid_until, duo_institution_number, is_taalschakel_institution)
           VALUES ('PROVIDER', $1, $2, $3, $4, $5, $6, $7) RETURNING ${PROVIDER_COLUMNS}`,
          values,
        );
      if (!saved) throw new NotFoundAppError('Deze aanbieder bestaat niet.');
      await enqueueInOutbox(manager, 'procurement.scan-provider', { providerId: saved.id });
      return saved;
    });
    return toProviderType(row);
  }
}

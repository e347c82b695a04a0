import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ContractEntity } from '../database/entities/contract.entity';
import { LotMunicipalityEntity } from '../database/entities/lot.entity';
import { OrganisationEntity } from '../database/entities/organisation.entity';
import { createProcurementLoaders } from '../procurement/procurement-loaders';

/**
 * An organisation as `OrganisationType.from` and several services still take it (snake_case). The loaders read
 * `OrganisationEntity` and convert with `organisationRow`; new code should use the entity.
 */
export interface OrganisationRow {
  id: string;
  kind: OrganisationEntity['kind'];
  name: string;
  cbs_code: string | null;
  kvk_number: string | null;
  region_id: string | null;
}

export function organisationRow(entity: Pick<OrganisationEntity, 'id' | 'kind' | 'name' | 'cbsCode' | 'kvkNumber' | 'regionId'>): OrganisationRow {
  return { id: entity.id, kind: entity.kind, name: entity.name, cbs_code: entity.cbsCode, kvk_number: entity.kvkNumber, region_id: entity.regionId };
}

const byName = (a: OrganisationRow, b: OrganisationRow) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Groups `[key, organisation]` pairs per requested key, in the keys' order, each group sorted by name. */
function groupPerKey(keys: readonly string[], pairs: [string, OrganisationEntity | undefined][]): OrganisationRow[][] {
  const byKey = new Map<string, OrganisationRow[]>();
  for (const [key, organisation] of pairs) if (organisation) byKey.set(key, [...(byKey.get(key) ?? []), organisationRow(organisation)]);
  return keys.map((key) => (byKey.get(key) ?? []).sort(byName));
}

// One set of DataLoaders per request, so a list of lots costs one query per relation, not one per lot.
export function createLoaders(db: DataSource) {
  return {
    ...createProcurementLoaders(db),
    organisation: new DataLoader<string, OrganisationRow | null>(async (ids) => {
      const organisations = await db.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
      const byId = new Map(organisations.map((organisation) => [organisation.id, organisationRow(organisation)]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    lotProviders: new DataLoader<string, OrganisationRow[]>(async (lotIds) => {
      const contracts = await db.getRepository(ContractEntity).find({ where: { lotId: In([...lotIds]) }, relations: { provider: true } });
      return groupPerKey(lotIds, contracts.map((contract) => [contract.lotId, contract.provider]));
    }),
    lotMunicipalities: new DataLoader<string, OrganisationRow[]>(async (lotIds) => {
      const links = await db.getRepository(LotMunicipalityEntity).find({ where: { lotId: In([...lotIds]) }, relations: { municipality: true } });
      return groupPerKey(lotIds, links.map((link) => [link.lotId, link.municipality]));
    }),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

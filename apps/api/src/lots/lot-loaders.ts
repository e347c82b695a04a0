import DataLoader from 'dataloader';
import { In, type DataSource } from 'typeorm';
import { ContractEntity, LotMunicipalityEntity, OrganisationEntity } from '../database';
import { perRequest, type RequestContext } from '../graphql';

type Organisation = Pick<OrganisationEntity, 'id' | 'kind' | 'name' | 'cbsCode' | 'kvkNumber'>;

const byName = (a: Organisation, b: Organisation) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Groups `[key, organisation]` pairs per requested key, in the keys' order, each group sorted by name. */
function groupPerKey(keys: readonly string[], pairs: [string, OrganisationEntity | undefined][]): Organisation[][] {
  const byKey = new Map<string, Organisation[]>();
  for (const [key, organisation] of pairs) if (organisation) byKey.set(key, [...(byKey.get(key) ?? []), organisation]);
  return keys.map((key) => (byKey.get(key) ?? []).sort(byName));
}

function createLotLoaders(db: DataSource) {
  return {
    organisation: new DataLoader<string, Organisation | null>(async (ids) => {
      const organisations = await db.getRepository(OrganisationEntity).findBy({ id: In([...ids]) });
      const byId = new Map(organisations.map((organisation) => [organisation.id, organisation]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
    lotProviders: new DataLoader<string, Organisation[]>(async (lotIds) => {
      const contracts = await db.getRepository(ContractEntity).find({ where: { lotId: In([...lotIds]) }, relations: { provider: true } });
      return groupPerKey(lotIds, contracts.map((contract) => [contract.lotId, contract.provider]));
    }),
    lotMunicipalities: new DataLoader<string, Organisation[]>(async (lotIds) => {
      const links = await db.getRepository(LotMunicipalityEntity).find({ where: { lotId: In([...lotIds]) }, relations: { municipality: true } });
      return groupPerKey(lotIds, links.map((link) => [link.lotId, link.municipality]));
    }),
  };
}

/** One set of lot loaders per request, so a list of lots costs one query per relation, not one per lot. */
export function lotLoaders(ctx: RequestContext, db: DataSource): ReturnType<typeof createLotLoaders> {
  return perRequest(ctx, 'lots', () => createLotLoaders(db));
}

import { contractStatusLabel, lotEndForContract, lotSubjectLabel, type LotSubject, type PriceModel } from '@inburgering/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ContractEntity, type LotEntity, type OrganisationEntity } from '../database';
import { type LotSubjectGql, PriceModelType } from '../lots';
import type { TenantScope } from '../tenancy';
import { type ContractStatusGql, ContractType } from './contract.types';

/** A contract with its lot (and the lot's region) and its provider. */
export type ContractWithLot = ContractEntity & { lot: LotEntity & { region: OrganisationEntity }; provider: OrganisationEntity };

/** Contracts joined with lot (`l`), region (`r`) and provider (`p`); the caller adds its where and order. */
export function contractsQuery(manager: EntityManager): SelectQueryBuilder<ContractWithLot> {
  return manager.getRepository(ContractEntity).createQueryBuilder('c')
    .innerJoinAndSelect('c.lot', 'l')
    .innerJoinAndSelect('l.region', 'r')
    .innerJoinAndSelect('c.provider', 'p') as SelectQueryBuilder<ContractWithLot>;
}

/** Limits a contracts query to the list a tenant sees, by its branded id: a region those on its lots, a provider its own; a municipality none. */
export function scopeContracts<T extends ContractEntity>(query: SelectQueryBuilder<T>, scope: TenantScope): SelectQueryBuilder<T> | null {
  switch (scope.kind) {
    case 'REGION': return query.andWhere('l.region_id = :regionId', { regionId: scope.regionId });
    case 'PROVIDER': return query.andWhere('c.provider_id = :providerId', { providerId: scope.providerId });
    case 'MUNICIPALITY': return null;
  }
}

export function contractPriceModel(contract: Pick<ContractEntity, 'priceModel'>): PriceModel | null {
  return contract.priceModel as PriceModel | null;
}

export function toContractType(contract: ContractWithLot): ContractType {
  const lotPriceModel = contract.lot.priceModel as PriceModel | null;
  return Object.assign(new ContractType(), {
    id: contract.id,
    lotId: contract.lotId,
    lotName: contract.lot.name,
    subject: contract.lot.subject as LotSubjectGql,
    subjectLabel: lotSubjectLabel(contract.lot.subject as LotSubject),
    regionId: contract.lot.regionId,
    regionName: contract.lot.region.name,
    providerId: contract.providerId,
    providerName: contract.provider.name,
    status: contract.status as ContractStatusGql,
    statusLabel: contractStatusLabel(contract.status),
    startDate: contract.startsOn,
    endDate: contract.endsOn,
    lotEndWithExtensions: lotEndForContract('EXTENDED', contract.lot.periodEnd, contract.lot.maxExtensionMonths),
    priceModel: PriceModelType.from(contractPriceModel(contract) ?? lotPriceModel),
    hasOwnPriceModel: contract.priceModel !== null,
    ceilingCents: contract.ceilingCents === null ? null : Number(contract.ceilingCents),
    version: contract.version,
    providerKeurmerkValidUntil: contract.provider.keurmerkValidUntil,
    providerIsTaalschakelInstitution: contract.provider.isTaalschakelInstitution,
  });
}

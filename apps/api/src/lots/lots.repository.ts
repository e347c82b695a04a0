import { lotSubjectLabel, type LotSubject, type PriceModel } from '@inburgering/domain';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ContractEntity, LotEntity, LotMunicipalityEntity } from '../database';
import { PriceModelType } from './price-model.types';
import type { TenantScope } from '../tenancy';
import { type LotCoverageGql, type LotSubjectGql, LotType } from './lot.types';

/**
 * The lots a tenant may list (alias `l`), by its branded id: a region its own, a municipality those covering it, a
 * provider those it holds a contract on. By-id access goes through the AccessService ('lot').
 */
export function visibleLotsQuery(manager: EntityManager, scope: TenantScope): SelectQueryBuilder<LotEntity> {
  const query = manager.getRepository(LotEntity).createQueryBuilder('l');
  switch (scope.kind) {
    case 'REGION':
      return query.where('l.region_id = :regionId', { regionId: scope.regionId });
    case 'MUNICIPALITY':
      return query.where(
        (qb) => `EXISTS ${qb.subQuery().select('1').from(LotMunicipalityEntity, 'vm').where('vm.lot_id = l.id AND vm.municipality_id = :municipalityId').getQuery()}`,
        { municipalityId: scope.municipalityId },
      );
    case 'PROVIDER':
      return query.where(
        (qb) => `EXISTS ${qb.subQuery().select('1').from(ContractEntity, 'vc').where('vc.lot_id = l.id AND vc.provider_id = :providerId').getQuery()}`,
        { providerId: scope.providerId },
      );
  }
}

export function toLotType(lot: LotEntity): LotType {
  return Object.assign(new LotType(), {
    id: lot.id,
    name: lot.name,
    subject: lot.subject as LotSubjectGql,
    subjectLabel: lotSubjectLabel(lot.subject as LotSubject),
    regionId: lot.regionId,
    periodStart: lot.periodStart,
    periodEnd: lot.periodEnd,
    expectedVolumePerYear: lot.expectedVolumePerYear,
    maxExtensionMonths: lot.maxExtensionMonths,
    extensionOptions: lot.extensionOptions,
    coverage: lot.coverage as LotCoverageGql,
    subRegionId: lot.subRegionId,
    priceModel: PriceModelType.from(lot.priceModel as PriceModel | null),
  });
}

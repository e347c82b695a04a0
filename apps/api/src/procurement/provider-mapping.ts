import { isKeurmerkExpiringSoon, isKeurmerkValid, type CalendarDate } from '@inburgering/domain';
import type { OrganisationEntity } from '../database';
import { KeurmerkStatusGql, type ProviderKindGql, ProviderType } from './region-setup.types';

/** The columns of a provider the region sees when awarding contracts. */
export type ProviderFields = Pick<
  OrganisationEntity,
  'id' | 'name' | 'kvkNumber' | 'providerKind' | 'keurmerkNumber' | 'keurmerkValidUntil' | 'duoInstitutionNumber' | 'isTaalschakelInstitution'
>;

export function keurmerkStatus(validUntil: string | null, today: CalendarDate): KeurmerkStatusGql {
  if (!validUntil) return KeurmerkStatusGql.NONE;
  if (!isKeurmerkValid(validUntil, today)) return KeurmerkStatusGql.EXPIRED;
  return isKeurmerkExpiringSoon(validUntil, today) ? KeurmerkStatusGql.EXPIRING : KeurmerkStatusGql.VALID;
}

export function toProviderType(provider: ProviderFields, today: CalendarDate): ProviderType {
  return Object.assign(new ProviderType(), {
    id: provider.id,
    name: provider.name,
    kvkNumber: provider.kvkNumber,
    providerKind: provider.providerKind as ProviderKindGql | null,
    keurmerkNumber: provider.keurmerkNumber,
    keurmerkValidUntil: provider.keurmerkValidUntil,
    keurmerkStatus: keurmerkStatus(provider.keurmerkValidUntil, today),
    duoInstitutionNumber: provider.duoInstitutionNumber,
    isTaalschakelInstitution: provider.isTaalschakelInstitution,
  });
}

import { calendarDateInAmsterdam, isKeurmerkExpiringSoon, isKeurmerkValid } from '@inburgering/domain';
import { KeurmerkStatusGql, ProviderKindGql, ProviderType } from './region-setup.types';

export interface ProviderRow {
  id: string;
  name: string;
  kvk_number: string | null;
  provider_kind: string | null;
  keurmerk_number: string | null;
  keurmerk_valid_until: string | null;
  duo_institution_number: string | null;
  is_taalschakel_institution: boolean;
}

export function keurmerkStatus(validUntil: string | null, today: string): KeurmerkStatusGql {
  if (!validUntil) return KeurmerkStatusGql.NONE;
  if (!isKeurmerkValid(validUntil, today)) return KeurmerkStatusGql.EXPIRED;
  return isKeurmerkExpiringSoon(validUntil, today) ? KeurmerkStatusGql.EXPIRING : KeurmerkStatusGql.VALID;
}

export function toProviderType(row: ProviderRow, today = calendarDateInAmsterdam(new Date())): ProviderType {
  return Object.assign(new ProviderType(), {
    id: row.id,
    name: row.name,
    kvkNumber: row.kvk_number,
    providerKind: row.provider_kind as ProviderKindGql | null,
    keurmerkNumber: row.keurmerk_number,
    keurmerkValidUntil: row.keurmerk_valid_until,
    keurmerkStatus: keurmerkStatus(row.keurmerk_valid_until, today),
    duoInstitutionNumber: row.duo_institution_number,
    isTaalschakelInstitution: row.is_taalschakel_institution,
  });
}

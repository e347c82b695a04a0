import type { CreateSubRegionInput, KeurmerkStatus, ProviderKind, RegionSetupQuery, SaveProviderInput } from '@inburgering/contracts';
import { formatDateNl, parseDutchDate } from '@inburgering/domain';
import type { LocalError } from '../form/price-model-form';
import type { BadgeStatus } from '../quality/requirement-status';

export type SetupProvider = RegionSetupQuery['regionSetup']['providers'][number];

export const PROVIDER_KINDS: readonly ProviderKind[] = ['LANGUAGE_SCHOOL', 'EDUCATION_INSTITUTION', 'OTHER_PARTNER'];

/** Geldig, verloopt binnenkort, verlopen, geen: the colour of the keurmerk badge. */
export const KEURMERK_BADGE: Record<KeurmerkStatus, BadgeStatus> = {
  VALID: 'success',
  EXPIRING: 'warning',
  EXPIRED: 'danger',
  NONE: 'neutral',
};

/** 'Gemeente Duiven' -> 'Duiven'. */
export const municipalityName = (name: string): string => name.replace(/^Gemeente\s+/i, '');

// --- Sub-region -------------------------------------------------------------------------------------------

export interface SubRegionFormState {
  name: string;
  municipalityIds: string[];
}

export const EMPTY_SUB_REGION: SubRegionFormState = { name: '', municipalityIds: [] };
export const SUB_REGION_FIELDS = ['name', 'municipalityIds'] as const;

/** The API checks the name and municipalities (with Dutch messages); the form only trims. */
export function toCreateSubRegionInput(state: SubRegionFormState): CreateSubRegionInput {
  return { name: state.name.trim(), municipalityIds: [...new Set(state.municipalityIds)] };
}

// --- Provider ---------------------------------------------------------------------------------------------

export interface ProviderFormState {
  /** Empty for a new provider. */
  id: string;
  name: string;
  kvkNumber: string;
  providerKind: ProviderKind | '';
  keurmerkNumber: string;
  /** d-M-yyyy as typed. */
  keurmerkValidUntil: string;
  duoInstitutionNumber: string;
  isTaalschakelInstitution: boolean;
}

export const EMPTY_PROVIDER: ProviderFormState = {
  id: '', name: '', kvkNumber: '', providerKind: '', keurmerkNumber: '', keurmerkValidUntil: '', duoInstitutionNumber: '', isTaalschakelInstitution: false,
};

export const PROVIDER_FIELDS = [
  'name', 'kvkNumber', 'providerKind', 'keurmerkNumber', 'keurmerkValidUntil', 'duoInstitutionNumber', 'isTaalschakelInstitution',
] as const;

/** The form filled with a registered provider, to change it. */
export function providerFormOf(provider: SetupProvider): ProviderFormState {
  return {
    id: provider.id,
    name: provider.name,
    kvkNumber: provider.kvkNumber ?? '',
    providerKind: provider.providerKind ?? '',
    keurmerkNumber: provider.keurmerkNumber ?? '',
    keurmerkValidUntil: provider.keurmerkValidUntil ? formatDateNl(provider.keurmerkValidUntil) : '',
    duoInstitutionNumber: provider.duoInstitutionNumber ?? '',
    isTaalschakelInstitution: provider.isTaalschakelInstitution,
  };
}

export interface ProviderMessages {
  dateInvalid: string;
  kindRequired: string;
  /** The API's messages for an empty name and a KvK number that is not 8 digits, so one submit flags all. */
  nameRequired: string;
  kvkInvalid: string;
}

/** The SaveProviderInput of the form (empty optional fields become null), or what cannot be read. */
export function toSaveProviderInput(state: ProviderFormState, messages: ProviderMessages): { input?: SaveProviderInput; errors: LocalError[] } {
  const errors: LocalError[] = [];
  const dateText = state.keurmerkValidUntil.trim();
  const validUntil = dateText ? parseDutchDate(dateText) : null;
  if (!state.name.trim()) errors.push(['name', messages.nameRequired]);
  if (!/^\d{8}$/.test(state.kvkNumber.trim())) errors.push(['kvkNumber', messages.kvkInvalid]);
  if (!state.providerKind) errors.push(['providerKind', messages.kindRequired]);
  if (dateText && !validUntil) errors.push(['keurmerkValidUntil', messages.dateInvalid]);
  if (errors.length > 0 || !state.providerKind) return { errors };
  const optional = (value: string) => value.trim() || null;
  return {
    input: {
      ...(state.id ? { id: state.id } : {}),
      name: state.name.trim(),
      kvkNumber: state.kvkNumber.trim(),
      providerKind: state.providerKind,
      keurmerkNumber: optional(state.keurmerkNumber),
      keurmerkValidUntil: validUntil,
      duoInstitutionNumber: optional(state.duoInstitutionNumber)?.toUpperCase() ?? null,
      isTaalschakelInstitution: state.isTaalschakelInstitution,
    },
    errors,
  };
}

// Vocabularies of regional procurement that the API passes to queries and builds its GraphQL enums from.
import type { ContractStatus } from './contract-rules';
import type { EvidenceStatus } from './quality-requirements';
import type { LotSubject } from './routes';

/** Contracts under which a provider works: active or extended (see isContractRunning). */
export const RUNNING_CONTRACT_STATUSES: readonly ContractStatus[] = ['ACTIVE', 'EXTENDED'];

/** Routes for which a running contract needs a valid Blik op Werk keurmerk Inburgeren (see checkKeurmerkForContract). */
export const KEURMERK_REQUIRED_SUBJECTS: readonly LotSubject[] = ['B1', 'Z'];

/** Evidence a provider need not submit again for a period: waiting for review or accepted. */
export const EVIDENCE_STATUSES_COVERING_PERIOD: readonly EvidenceStatus[] = ['SUBMITTED', 'ACCEPTED'];

export const PROVIDER_KINDS = ['LANGUAGE_SCHOOL', 'EDUCATION_INSTITUTION', 'OTHER_PARTNER'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const KEURMERK_STATUSES = ['VALID', 'EXPIRING', 'EXPIRED', 'NONE'] as const;
export type KeurmerkStatus = (typeof KEURMERK_STATUSES)[number];

export const EVIDENCE_PERIOD_STATUSES = ['OPEN', 'DUE_SOON', 'OVERDUE', 'SUBMITTED', 'ACCEPTED', 'REJECTED'] as const;

export const EVIDENCE_DECISIONS = ['ACCEPTED', 'REJECTED'] as const;

export const PRICE_MODEL_KINDS = ['FIXED_PER_TRAJECTORY', 'PER_HOUR', 'PER_MODULE'] as const;

/** A shared service (uitvoeringsdienst) works for several municipalities of one region (DOMAIN §8). */
export const ORGANISATION_KINDS = ['REGION', 'MUNICIPALITY', 'PROVIDER', 'SHARED_SERVICE'] as const;

import { contractStatusLabel, lotEndForContract, lotSubjectLabel, type ContractStatus, type LotSubject, type PriceModel } from '@inburgering/domain';
import { LotSubjectGql } from '../lots/lot.types';
import type { TenantScope } from '../tenancy/tenant-scope';
import { ContractStatusGql, ContractType } from './contract.types';
import { PriceModelType } from './price-model.types';

export interface ContractRow {
  id: string;
  lot_id: string;
  provider_id: string;
  status: ContractStatus;
  starts_on: string;
  ends_on: string;
  price_model: PriceModel | null;
  ceiling_cents: string | null;
  version: number;
  lot_name: string;
  subject: LotSubject;
  region_id: string;
  region_name: string;
  lot_start: string;
  lot_end: string;
  max_extension_months: number;
  lot_price_model: PriceModel | null;
  provider_name: string;
  keurmerk_valid_until: string | null;
  is_taalschakel_institution: boolean;
}

export const CONTRACT_SELECT = `
  SELECT c.id, c.lot_id, c.provider_id, c.status, c.starts_on, c.ends_on, c.price_model, c.ceiling_cents, c.version,
         l.name AS lot_name, l.subject, l.region_id, r.name AS region_name, l.period_start AS lot_start, l.period_end AS lot_end,
         l.max_extension_months, l.price_model AS lot_price_model,
         p.name AS provider_name, p.keurmerk_valid_until, p.is_taalschakel_institution
    FROM contract c JOIN lot l ON l.id = c.lot_id JOIN organisation r ON r.id = l.region_id JOIN organisation p ON p.id = c.provider_id`;

/** The condition (with the tenant key as $1) limiting contracts to what a scope may see; municipalities see none. */
export function contractScopeCondition(scope: TenantScope): string {
  switch (scope.kind) {
    case 'REGION': return 'l.region_id = $1';
    case 'PROVIDER': return 'c.provider_id = $1';
    case 'MUNICIPALITY': return 'false AND $1::uuid IS NULL';
  }
}

export function toContractType(row: ContractRow): ContractType {
  return Object.assign(new ContractType(), {
    id: row.id,
    lotId: row.lot_id,
    lotName: row.lot_name,
    subject: row.subject as LotSubjectGql,
    subjectLabel: lotSubjectLabel(row.subject),
    regionId: row.region_id,
    regionName: row.region_name,
    providerId: row.provider_id,
    providerName: row.provider_name,
    status: row.status as ContractStatusGql,
    statusLabel: contractStatusLabel(row.status),
    startDate: row.starts_on,
    endDate: row.ends_on,
    lotEndWithExtensions: lotEndForContract('EXTENDED', row.lot_end, row.max_extension_months),
    priceModel: PriceModelType.from(row.price_model ?? row.lot_price_model),
    hasOwnPriceModel: row.price_model !== null,
    ceilingCents: row.ceiling_cents === null ? null : Number(row.ceiling_cents),
    version: row.version,
  });
}

import { contractStatusLabel, formatDateNl, formatEuroCentsNl, isCalendarDate, type ContractStatus, type PriceModel } from '@inburgering/domain';
import { ContractFieldChangeType } from './contract.types';

/** The fields of a contract whose changes are kept in contract_version, as stored there. */
export interface ContractValues {
  status: ContractStatus;
  startsOn: string;
  endsOn: string;
  priceModel: PriceModel | null;
  ceilingCents: number | null;
}

/** A price model change also names the first day it applies (validFrom): later invoice lines use it, earlier ones keep the old price. */
export type ContractChanges = Partial<Record<keyof ContractValues, { from: unknown; to: unknown; validFrom?: string }>>;

const LABELS: Record<keyof ContractValues, string> = {
  status: 'Status',
  startsOn: 'Begindatum',
  endsOn: 'Einddatum',
  priceModel: 'Prijsafspraak',
  ceilingCents: 'Plafond',
};

/** Only the fields that differ, each with its old and new value. */
export function diffContract(before: ContractValues, after: ContractValues): ContractChanges {
  const changes: ContractChanges = {};
  for (const field of Object.keys(LABELS) as (keyof ContractValues)[]) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) changes[field] = { from: before[field], to: after[field] };
  }
  return changes;
}

function describePriceModel(model: PriceModel): string {
  switch (model.kind) {
    case 'FIXED_PER_TRAJECTORY':
      return `${formatEuroCentsNl(model.priceCents)} per traject (${model.milestones.map((m) => `${m.name} ${m.percentage}%`).join(', ')})`;
    case 'PER_HOUR':
      return `${formatEuroCentsNl(model.hourlyRateCents)} per uur`;
    case 'PER_MODULE':
      return `${formatEuroCentsNl(model.pricePerModuleCents)} per module`;
  }
}

/** The first version of a contract: every value that is set, from nothing. */
export function initialChanges(values: ContractValues): ContractChanges {
  const changes: ContractChanges = {};
  for (const field of Object.keys(LABELS) as (keyof ContractValues)[]) {
    if (values[field] !== null) changes[field] = { from: null, to: values[field] };
  }
  return changes;
}

/** A stored value as a user reads it: dates d-M-yyyy, money in euros, the status and price model in words. */
function describe(field: string, value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (field === 'status') return contractStatusLabel(value as ContractStatus);
  if (field === 'ceilingCents' && Number.isInteger(Number(value))) return formatEuroCentsNl(Number(value));
  if (field === 'priceModel' && typeof value === 'object') return describePriceModel(value as PriceModel);
  if (typeof value === 'string' && isCalendarDate(value)) return formatDateNl(value);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

const ORDER = Object.keys(LABELS);

/** The changes of one version in a fixed order (jsonb does not keep the order they were written in). */
export function toFieldChanges(changes: Record<string, { from: unknown; to: unknown }>): ContractFieldChangeType[] {
  return Object.entries(changes).sort(([a], [b]) => ORDER.indexOf(a) - ORDER.indexOf(b)).map(([field, { from, to }]) =>
    Object.assign(new ContractFieldChangeType(), {
      field,
      label: LABELS[field as keyof ContractValues] ?? field,
      from: describe(field, from),
      to: describe(field, to),
    }),
  );
}

import type { ContractFieldsFragment, ContractStatus, PriceModelInput } from '@inburgering/contracts';
import { formatDateNl, parseDutchDate } from '@inburgering/domain';
import { centsToInput, parseEuroToCents } from '../form/money';
import { EMPTY_PRICE_MODEL, toPriceModelInput, type LocalError, type PriceModelFormState, type PriceModelMessages } from '../form/price-model-form';

/** Status, period, ceiling, own price agreement and reason: what the create and edit forms share. */
export interface ContractTermsState {
  status: ContractStatus;
  startDate: string;
  endDate: string;
  ceiling: string;
  ownPriceModel: boolean;
  priceModel: PriceModelFormState;
  reason: string;
}

export interface ContractTerms {
  status: ContractStatus;
  startDate: string;
  endDate: string;
  ceilingCents?: number;
  priceModel?: PriceModelInput;
  reason: string;
}

export const CONTRACT_FIELDS = [
  'lotId', 'providerId', 'status', 'startDate', 'endDate', 'ceilingCents', 'reason',
  'priceModel.kind', 'priceModel.priceCents', 'priceModel.hourlyRateCents', 'priceModel.pricePerModuleCents', 'priceModel.milestones',
] as const;

export const EMPTY_TERMS: ContractTermsState = {
  status: 'DRAFT', startDate: '', endDate: '', ceiling: '', ownPriceModel: false, priceModel: EMPTY_PRICE_MODEL, reason: '',
};

type ContractForForm = Pick<ContractFieldsFragment, 'status' | 'startDate' | 'endDate' | 'ceilingCents' | 'hasOwnPriceModel' | 'priceModel'>;

/** The edit form starts from the contract as it is (no reason yet). */
export function termsOfContract(contract: ContractForForm): ContractTermsState {
  const model = contract.priceModel;
  const price = model ? (model.priceCents ?? model.hourlyRateCents ?? model.pricePerModuleCents) : null;
  return {
    status: contract.status,
    startDate: formatDateNl(contract.startDate),
    endDate: formatDateNl(contract.endDate),
    ceiling: centsToInput(contract.ceilingCents),
    ownPriceModel: contract.hasOwnPriceModel,
    priceModel: model
      ? { kind: model.kind, price: centsToInput(price), milestones: model.milestones.map((m) => ({ name: m.name, percentage: String(m.percentage) })) }
      : EMPTY_PRICE_MODEL,
    reason: '',
  };
}

export interface ContractFormMessages extends PriceModelMessages {
  dateInvalid: string;
  reasonRequired?: string;
}

/** The terms as the API wants them, or what cannot be read. A reason is required when `messages.reasonRequired` is given (an edit). */
export function toContractTerms(state: ContractTermsState, messages: ContractFormMessages): { terms?: ContractTerms; errors: LocalError[] } {
  const errors: LocalError[] = [];
  const startDate = parseDutchDate(state.startDate);
  const endDate = parseDutchDate(state.endDate);
  if (!startDate) errors.push(['startDate', messages.dateInvalid]);
  if (!endDate) errors.push(['endDate', messages.dateInvalid]);
  const ceilingCents = state.ceiling.trim() ? parseEuroToCents(state.ceiling) : undefined;
  if (ceilingCents === null) errors.push(['ceilingCents', messages.priceInvalid]);
  const priceModel = state.ownPriceModel ? toPriceModelInput(state.priceModel, messages) : { errors: [] };
  errors.push(...priceModel.errors);
  if (messages.reasonRequired && !state.reason.trim()) errors.push(['reason', messages.reasonRequired]);
  if (errors.length > 0 || !startDate || !endDate || ceilingCents === null) return { errors };
  return {
    terms: { status: state.status, startDate, endDate, ceilingCents, priceModel: priceModel.input, reason: state.reason.trim() },
    errors,
  };
}

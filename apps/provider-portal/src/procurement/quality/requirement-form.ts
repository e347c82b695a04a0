import type { AddQualityRequirementInput, QualityPeriod, QualityRequirementType } from '@inburgering/contracts';
import { hasNumericNorm, parseDutchDate } from '@inburgering/domain';
import type { LocalError } from '../form/price-model-form';

export interface RequirementFormState {
  type: QualityRequirementType;
  title: string;
  norm: string;
  /** As typed, with a decimal comma; only sent for types with a numeric norm. */
  normValue: string;
  period: QualityPeriod;
  /** d-M-yyyy as typed. */
  firstDueOn: string;
}

export const EMPTY_REQUIREMENT: RequirementFormState = { type: 'CUSTOM', title: '', norm: '', normValue: '', period: 'QUARTERLY', firstDueOn: '' };

export const REQUIREMENT_FIELDS = ['type', 'title', 'norm', 'normValue', 'period', 'firstDueOn'] as const;

export interface RequirementMessages {
  dateInvalid: string;
  numberInvalid: string;
}

/** '7,5' or '80' -> a number; null when it is not one. */
export function parseDutchDecimal(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d+(,\d+)?$/.test(trimmed)) return null;
  return Number(trimmed.replace(',', '.'));
}

/** The AddQualityRequirementInput of the form, or what cannot be read; the API checks the rest (required norm value, due date in the contract). */
export function toAddRequirementInput(contractId: string, state: RequirementFormState, messages: RequirementMessages): { input?: AddQualityRequirementInput; errors: LocalError[] } {
  const errors: LocalError[] = [];
  const firstDueOn = parseDutchDate(state.firstDueOn);
  const numeric = hasNumericNorm(state.type);
  const normValue = numeric && state.normValue.trim() ? parseDutchDecimal(state.normValue) : null;
  if (numeric && state.normValue.trim() && normValue === null) errors.push(['normValue', messages.numberInvalid]);
  if (!firstDueOn) errors.push(['firstDueOn', messages.dateInvalid]);
  if (errors.length > 0 || !firstDueOn) return { errors };
  return {
    input: {
      contractId,
      type: state.type,
      title: state.title.trim(),
      norm: state.norm.trim(),
      normValue: numeric ? normValue : null,
      period: state.period,
      firstDueOn,
    },
    errors,
  };
}

import type { PriceModelInput, PriceModelKind } from '@inburgering/contracts';
import { parseEuroToCents } from './money';

export interface MilestoneFormState {
  name: string;
  percentage: string;
}

export interface PriceModelFormState {
  kind: PriceModelKind;
  /** The trajectory price, hourly rate or price per module as typed ('12.500,00'). */
  price: string;
  milestones: MilestoneFormState[];
}

export const PRICE_MODEL_KINDS: readonly PriceModelKind[] = ['FIXED_PER_TRAJECTORY', 'PER_HOUR', 'PER_MODULE'];

export const EMPTY_PRICE_MODEL: PriceModelFormState = {
  kind: 'FIXED_PER_TRAJECTORY',
  price: '',
  milestones: [
    { name: 'Start', percentage: '' },
    { name: 'Halverwege', percentage: '' },
    { name: 'Afronding', percentage: '' },
  ],
};

/** Where the price of each kind goes in the API's input. */
export const PRICE_FIELD: Record<PriceModelKind, 'priceCents' | 'hourlyRateCents' | 'pricePerModuleCents'> = {
  FIXED_PER_TRAJECTORY: 'priceCents',
  PER_HOUR: 'hourlyRateCents',
  PER_MODULE: 'pricePerModuleCents',
};

export type LocalError = readonly [field: string, message: string];

export interface PriceModelMessages {
  priceInvalid: string;
  percentageInvalid: string;
}

/** The sum of the percentages typed so far (for the live total under the milestones); non-numbers count as 0. */
export function milestoneTotal(milestones: readonly MilestoneFormState[]): number {
  return milestones.reduce((sum, m) => sum + (/^\d+$/.test(m.percentage.trim()) ? Number(m.percentage.trim()) : 0), 0);
}

/**
 * The API input of a price model, or the fields that cannot be read. Whether the milestones add up to 100% is the
 * API's rule: its Dutch message is shown next to the milestones.
 */
export function toPriceModelInput(state: PriceModelFormState, messages: PriceModelMessages, field = 'priceModel'): { input?: PriceModelInput; errors: LocalError[] } {
  const errors: LocalError[] = [];
  const cents = parseEuroToCents(state.price);
  const priceField = PRICE_FIELD[state.kind];
  if (cents === null) errors.push([`${field}.${priceField}`, messages.priceInvalid]);
  const milestones = state.kind === 'FIXED_PER_TRAJECTORY' ? state.milestones.filter((m) => m.name.trim() || m.percentage.trim()) : [];
  if (milestones.some((m) => !/^\d{1,3}$/.test(m.percentage.trim()))) errors.push([`${field}.milestones`, messages.percentageInvalid]);
  if (errors.length > 0) return { errors };
  return {
    input: {
      kind: state.kind,
      [priceField]: cents,
      ...(state.kind === 'FIXED_PER_TRAJECTORY' ? { milestones: milestones.map((m) => ({ name: m.name.trim(), percentage: Number(m.percentage.trim()) })) } : {}),
    },
    errors,
  };
}

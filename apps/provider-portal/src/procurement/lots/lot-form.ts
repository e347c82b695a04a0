import type { CreateLotInput, LotCoverage, LotSubject } from '@inburgering/contracts';
import { parseDutchDate } from '@inburgering/domain';
import { EMPTY_PRICE_MODEL, toPriceModelInput, type LocalError, type PriceModelFormState, type PriceModelMessages } from '../form/price-model-form';

export interface LotFormState {
  name: string;
  subject: LotSubject;
  periodStart: string;
  periodEnd: string;
  expectedVolumePerYear: string;
  maxExtensionMonths: string;
  extensionOptions: string;
  coverage: LotCoverage;
  subRegionId: string;
  municipalityIds: string[];
  priceModel: PriceModelFormState;
}

export const EMPTY_LOT: LotFormState = {
  name: '',
  subject: 'B1',
  periodStart: '',
  periodEnd: '',
  expectedVolumePerYear: '',
  maxExtensionMonths: '0',
  extensionOptions: '',
  coverage: 'ALL',
  subRegionId: '',
  municipalityIds: [],
  priceModel: EMPTY_PRICE_MODEL,
};

/** The fields of the lot form, as the API names them (its errors are shown next to these). */
export const LOT_FIELDS = [
  'name', 'subject', 'periodStart', 'periodEnd', 'expectedVolumePerYear', 'maxExtensionMonths', 'extensionOptions', 'coverage', 'subRegionId',
  'municipalityIds', 'priceModel.kind', 'priceModel.priceCents', 'priceModel.hourlyRateCents', 'priceModel.pricePerModuleCents', 'priceModel.milestones',
] as const;

export interface LotFormMessages extends PriceModelMessages {
  dateInvalid: string;
  wholeNumber: string;
  /** The API's message for an empty name, so the first submit flags it with the rest. */
  nameRequired: string;
}

const WHOLE = /^\d+$/;

/** The CreateLotInput of the form, or what cannot be read (a date that is not d-M-yyyy, a number with letters). */
export function toCreateLotInput(state: LotFormState, messages: LotFormMessages): { input?: CreateLotInput; errors: LocalError[] } {
  const errors: LocalError[] = [];
  if (!state.name.trim()) errors.push(['name', messages.nameRequired]);
  const periodStart = parseDutchDate(state.periodStart);
  const periodEnd = parseDutchDate(state.periodEnd);
  if (!periodStart) errors.push(['periodStart', messages.dateInvalid]);
  if (!periodEnd) errors.push(['periodEnd', messages.dateInvalid]);
  if (!WHOLE.test(state.expectedVolumePerYear.trim())) errors.push(['expectedVolumePerYear', messages.wholeNumber]);
  if (!WHOLE.test(state.maxExtensionMonths.trim() || '0')) errors.push(['maxExtensionMonths', messages.wholeNumber]);
  const priceModel = toPriceModelInput(state.priceModel, messages);
  errors.push(...priceModel.errors);
  if (errors.length > 0 || !periodStart || !periodEnd || !priceModel.input) return { errors };
  return {
    input: {
      name: state.name.trim(),
      subject: state.subject,
      periodStart,
      periodEnd,
      expectedVolumePerYear: Number(state.expectedVolumePerYear.trim()),
      maxExtensionMonths: Number(state.maxExtensionMonths.trim() || '0'),
      extensionOptions: state.extensionOptions.trim() || null,
      coverage: state.coverage,
      subRegionId: state.coverage === 'SUB_REGION' ? state.subRegionId || null : null,
      municipalityIds: state.coverage === 'LIST' ? state.municipalityIds : [],
      priceModel: priceModel.input,
    },
    errors,
  };
}

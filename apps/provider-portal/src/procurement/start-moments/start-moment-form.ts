import type { Daypart, DeclareStartMomentInput } from '@inburgering/contracts';
import { parseDutchDate, parseDutchHours } from '@inburgering/domain';
import type { LocalError } from '../form/price-model-form';

export interface StartMomentFormState {
  contractId: string;
  location: string;
  startsOn: string;
  seats: string;
  lessonDays: string[];
  hoursPerWeek: string;
  daypart: Daypart;
}

export const EMPTY_START_MOMENT: StartMomentFormState = {
  contractId: '', location: '', startsOn: '', seats: '', lessonDays: [], hoursPerWeek: '', daypart: 'DAYTIME',
};

export const START_MOMENT_FIELDS = ['contractId', 'location', 'startsOn', 'seats', 'lessonDays', 'minutesPerWeek', 'daypart'] as const;

export interface StartMomentMessages {
  contractRequired: string;
  dateInvalid: string;
  wholeNumber: string;
  hoursInvalid: string;
}

/** The DeclareStartMomentInput of the form (hours per week with a decimal comma become minutes), or what cannot be read. */
export function toDeclareStartMomentInput(state: StartMomentFormState, messages: StartMomentMessages): { input?: DeclareStartMomentInput; errors: LocalError[] } {
  const errors: LocalError[] = [];
  const startsOn = parseDutchDate(state.startsOn);
  const minutesPerWeek = parseDutchHours(state.hoursPerWeek);
  if (!state.contractId) errors.push(['contractId', messages.contractRequired]);
  if (!startsOn) errors.push(['startsOn', messages.dateInvalid]);
  if (!/^\d+$/.test(state.seats.trim())) errors.push(['seats', messages.wholeNumber]);
  if (minutesPerWeek === null) errors.push(['minutesPerWeek', messages.hoursInvalid]);
  if (errors.length > 0 || !startsOn || minutesPerWeek === null) return { errors };
  return {
    input: {
      contractId: state.contractId,
      location: state.location.trim(),
      startsOn,
      seats: Number(state.seats.trim()),
      lessonDays: state.lessonDays.map(Number).sort((a, b) => a - b),
      minutesPerWeek,
      daypart: state.daypart,
    },
    errors,
  };
}

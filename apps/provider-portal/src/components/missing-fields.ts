// Spaces and invisible format characters (a zero-width space, a direction mark): the API's rule for a filled-in text.
const INVISIBLE = /[\s\p{Cf}]/gu;

/**
 * The required fields left empty, each with the API's own message. Forms check these together with their format
 * checks, so one submit shows every problem at once instead of the empty fields only after the format errors are fixed.
 */
export function missingFields(values: Readonly<Record<string, string>>, required: readonly (readonly [field: string, message: string])[]): [string, string][] {
  return required.filter(([field]) => !(values[field] ?? '').replace(INVISIBLE, '')).map(([field, message]) => [field, message]);
}

import { ValidateBy, type ValidationOptions } from 'class-validator';

// Spaces and invisible format characters (zero-width space, direction marks): a value of only these looks empty.
const INVISIBLE = /[\s\p{Cf}]/gu;
// Line breaks, tabs and other control characters, and the direction embeddings, overrides and isolates that make a name
// read differently on screen than it is stored (a spoofing trick in lists and exports).
const NOT_ON_ONE_LINE = /[\p{Cc}\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;

export const SINGLE_LINE_MESSAGE = 'Gebruik één regel tekst, zonder regeleinden, tabs of onzichtbare stuurtekens.';

/** Whether a text has something visible in it; the services trim names, so "   " would be stored as an empty name. */
export function isFilledText(value: unknown): boolean {
  return typeof value === 'string' && value.replace(INVISIBLE, '') !== '';
}

/** Whether a text fits on one line of a list, a letter or an export: no line breaks, tabs, controls or direction overrides. */
export function isSingleLineText(value: unknown): boolean {
  return typeof value === 'string' && !NOT_ON_ONE_LINE.test(value);
}

/** A required text (a name, a place): refused when it is empty or only spaces and invisible characters. */
export function IsFilledText(options: ValidationOptions & { message: string }): PropertyDecorator {
  return ValidateBy({ name: 'isFilledText', validator: { validate: isFilledText } }, options);
}

/** A text shown on one line (a name, a place); an optional field left out is not checked (put @IsOptional first). */
export function IsSingleLineText(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy({ name: 'isSingleLineText', validator: { validate: isSingleLineText } }, { message: SINGLE_LINE_MESSAGE, ...options });
}

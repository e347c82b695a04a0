import type { SummaryError } from '../../components/ErrorSummary';
import { GraphqlRequestError } from '../../graphql/graphql-error';

export interface FormErrors {
  summary: SummaryError[];
  /** Message per form field ('name', 'priceModel.milestones', …). */
  byField: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { summary: [], byField: {} };

/** The id of a form field's input: 'lot' + 'priceModel.milestones' -> 'lot-priceModel-milestones'. */
export function fieldId(prefix: string, field: string): string {
  return `${prefix}-${field.replace(/\./g, '-')}`;
}

/**
 * The form field an API field belongs to: 'municipalityIds.1' -> 'municipalityIds', 'priceModel.milestones.0.name' ->
 * 'priceModel.milestones'; `aliases` maps API fields shown by another input ('documentId' -> 'file').
 */
export function formFieldOf(apiField: string, fieldsOnForm: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | undefined {
  if (aliases[apiField]) return aliases[apiField];
  return [...fieldsOnForm]
    .sort((a, b) => b.length - a.length)
    .find((field) => apiField === field || apiField.startsWith(`${field}.`));
}

/** Turns a refused request into an error summary that links to the inputs, and one message per field (the first). */
export function formErrorsOf(err: unknown, prefix: string, fieldsOnForm: readonly string[], aliases: Readonly<Record<string, string>> = {}): FormErrors {
  const error = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(String(err), 'INTERNAL_SERVER_ERROR');
  if (error.fields.length === 0) return { summary: [{ message: error.message }], byField: {} };
  const byField: Record<string, string> = {};
  const summary = error.fields.map((apiError) => {
    const field = formFieldOf(apiError.field, fieldsOnForm, aliases);
    if (field && !byField[field]) byField[field] = apiError.message;
    return { message: apiError.message, fieldId: field ? fieldId(prefix, field) : undefined };
  });
  return { summary, byField };
}

/** Errors found in the browser before sending (a date that is not d-M-yyyy), in the same shape. */
export function localErrors(prefix: string, entries: readonly (readonly [field: string, message: string])[]): FormErrors {
  return {
    summary: entries.map(([field, message]) => ({ message, fieldId: fieldId(prefix, field) })),
    byField: Object.fromEntries(entries),
  };
}

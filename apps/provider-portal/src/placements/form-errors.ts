import type { SummaryError } from '../components/ErrorSummary';
import { GraphqlRequestError } from '../graphql/graphql-error';

export interface FormErrors {
  summary: SummaryError[];
  /** Message per API field name ('bsn', 'pipSignedOn', …). */
  byField: Record<string, string>;
}

export const NO_ERRORS: FormErrors = { summary: [], byField: {} };

/** Turns a refused mutation into an error summary linking to the inputs (`${prefix}-${field}`) and messages per field. */
export function formErrorsOf(err: unknown, prefix: string, fieldsOnForm: readonly string[]): FormErrors {
  const error = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(String(err), 'INTERNAL_SERVER_ERROR');
  if (error.fields.length === 0) return { summary: [{ message: error.message }], byField: {} };
  const byField: Record<string, string> = {};
  const summary = error.fields.map((f) => {
    const onForm = fieldsOnForm.includes(f.field);
    if (onForm && !byField[f.field]) byField[f.field] = f.message;
    return { message: f.message, fieldId: onForm ? `${prefix}-${f.field}` : undefined };
  });
  return { summary, byField };
}

/** Errors found in the browser before sending (a date that is not d-M-yyyy), in the same shape. */
export function localErrors(prefix: string, entries: readonly [field: string, message: string][]): FormErrors {
  return {
    summary: entries.map(([field, message]) => ({ message, fieldId: `${prefix}-${field}` })),
    byField: Object.fromEntries(entries),
  };
}

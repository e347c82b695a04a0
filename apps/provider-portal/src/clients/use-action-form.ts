import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../placements/form-errors';
import type { Parsed } from './client-action-values';

/**
 * Errors and busy state of one action form (inputs with ids `${prefix}-${field}`): problems found in the browser and
 * the API's field messages both end up in the error summary and next to the fields.
 */
export function useActionForm(prefix: string, fields: readonly string[]) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  /** Sends the parsed input; resolves to true when the API accepted it. */
  async function submit<T>(parsed: Parsed<T>, send: (input: T) => Promise<unknown>): Promise<boolean> {
    if (parsed.input === null) {
      setErrors(localErrors(prefix, parsed.problems.map(([field, problem]) => [field, t(`clientActions.problems.${problem}`)])));
      return false;
    }
    setBusy(true);
    try {
      await send(parsed.input);
      setErrors(NO_ERRORS);
      return true;
    } catch (err) {
      setErrors(formErrorsOf(err, prefix, fields));
      return false;
    } finally {
      setBusy(false);
    }
  }

  return { errors, busy, submit, fieldId: (field: string) => `${prefix}-${field}` };
}

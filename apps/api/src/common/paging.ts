import { ValidationAppError } from './app-errors';

/**
 * Refuses a page request outside what a list serves (1 to `max` rows from a position of 0 or more), as field errors in
 * Dutch; `what` names the rows ("signalen", "plaatsingen").
 */
export function requirePage(limit: number, offset: number, max: number, what: string): void {
  const fields = [
    ...(Number.isInteger(limit) && limit >= 1 && limit <= max ? [] : [{ field: 'limit', message: `Vraag 1 tot en met ${max} ${what} per keer op.` }]),
    ...(Number.isInteger(offset) && offset >= 0 ? [] : [{ field: 'offset', message: 'De positie is 0 of meer.' }]),
  ];
  if (fields.length > 0) throw new ValidationAppError(fields);
}

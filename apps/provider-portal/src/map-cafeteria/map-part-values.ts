import type { MapTheme, SaveMapPartInput } from '@inburgering/contracts';
import { parseDutchHours } from '@inburgering/domain';
import type { FieldProblem, Parsed } from '../clients/client-action-values';
import { parseEuroToCents } from '../procurement/form/money';

// The values of the catalogue form (MapPartForm) and how they become the API's input.
export type MapPartValues = { name: string; description: string; hours: string; price: string; themes: MapTheme[]; practical: boolean };
export const EMPTY_MAP_PART: MapPartValues = { name: '', description: '', hours: '', price: '', themes: [], practical: false };

/** Reads the form: hours with a decimal comma, a price in euros; the rest the API checks (all errors at once). */
export function parseMapPart(values: MapPartValues): Parsed<SaveMapPartInput> {
  const problems: [string, FieldProblem][] = [];
  const minutes = values.hours.trim() ? parseDutchHours(values.hours.trim()) : 0;
  if (minutes === null) problems.push(['minutes', 'invalidHours']);
  const priceCents = values.price.trim() ? parseEuroToCents(values.price) : 0;
  if (priceCents === null) problems.push(['priceCents', 'invalidAmount']);
  if (problems.length > 0) return { input: null, problems };
  return {
    input: { name: values.name, description: values.description, minutes: minutes ?? 0, priceCents: priceCents ?? 0, themes: values.themes, practical: values.practical, active: true },
    problems: [],
  };
}

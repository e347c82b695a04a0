// MAP parts offered cafeteria-style: a catalogue of parts (the WSP Parkstad's offer, beleidsplan Kerkrade §5.3.9: "op
// klantniveau op basis van het cafetariamodel"), each treating some of the 8 MAP themes, some a practical activity; the
// consultant records the parts a client picks (in the PIP), the offering party marks them completed, and the platform
// follows them towards the MAP (Besluit inburgering 2021, art. 4: the themes and a practical activity of ≥ 40 hours).
import { CalendarDate, compareDates } from './calendar-date';
import { formatDateNl, formatHoursNl } from './format-nl';
import { cite } from './law-citations';
import { MAP_PRACTICAL_ACTIVITY_MIN_MINUTES, MAP_THEME_LABELS, MAP_THEMES, type MapTheme } from './law-numbers';
import { checkMapAllowed } from './map-pvt-rules';
import type { Route } from './routes';
import { type RuleViolation, violation } from './rule-violation';

/** A chosen part is CHOSEN until the offering party marks it COMPLETED. */
export const MAP_PART_CHOICE_STATUSES = ['CHOSEN', 'COMPLETED'] as const;
export type MapPartChoiceStatus = (typeof MAP_PART_CHOICE_STATUSES)[number];

export const MAP_PART_CHOICE_STATUS_LABELS: Record<MapPartChoiceStatus, string> = { CHOSEN: 'Gekozen', COMPLETED: 'Afgerond' };

/** Limits of a catalogue entry (policy: a part lasts at most the 800 participation hours of the Z-route). */
export const MAP_PART_MAX_MINUTES = 800 * 60;
export const MAP_PART_MAX_PRICE_CENTS = 100_000_00;

export interface MapPartInput {
  name: string;
  description: string;
  minutes: number;
  priceCents: number;
  themes: readonly string[];
  practical: boolean;
}

/**
 * A catalogue part names what it is, how long it takes and what it costs, and which MAP themes it treats (at least one;
 * Besluit inburgering 2021, art. 4). All problems at once, each on its field.
 */
export function checkMapPart(input: MapPartInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (!input.name.trim()) violations.push(violation('name', 'MAP_PART_NAME_REQUIRED', 'Vul de naam van het MAP-onderdeel in.'));
  else if (input.name.trim().length > 120) violations.push(violation('name', 'MAP_PART_NAME_TOO_LONG', 'De naam van het MAP-onderdeel is hoogstens 120 tekens.'));
  if (!input.description.trim()) violations.push(violation('description', 'MAP_PART_DESCRIPTION_REQUIRED', 'Beschrijf wat de inburgeraar in dit MAP-onderdeel doet.'));
  else if (input.description.trim().length > 1000) violations.push(violation('description', 'MAP_PART_DESCRIPTION_TOO_LONG', 'De beschrijving is hoogstens 1000 tekens.'));
  if (!Number.isInteger(input.minutes) || input.minutes <= 0 || input.minutes > MAP_PART_MAX_MINUTES) {
    violations.push(violation('minutes', 'MAP_PART_DURATION_INVALID', `Vul de duur in uren in: meer dan 0 en hoogstens ${formatHoursNl(MAP_PART_MAX_MINUTES)} uur.`));
  }
  if (!Number.isInteger(input.priceCents) || input.priceCents < 0 || input.priceCents > MAP_PART_MAX_PRICE_CENTS) {
    violations.push(violation('priceCents', 'MAP_PART_PRICE_INVALID', 'Vul de prijs in euro\'s in: 0 of meer en hoogstens € 100.000.'));
  }
  const unknown = input.themes.filter((theme) => !(MAP_THEMES as readonly string[]).includes(theme));
  if (input.themes.length === 0 || unknown.length > 0) {
    violations.push(violation('themes', 'MAP_PART_THEMES_REQUIRED', `Kies de MAP-thema's die dit onderdeel behandelt (minstens één) (${cite('MAP')}).`));
  }
  return violations;
}

export interface MapPartChoiceInput {
  /** The client's route (from the PIP); null without a PIP. */
  route: Route | null;
  /** The parts asked for. */
  partIds: readonly string[];
  /** Parts the client already chose. */
  alreadyChosenIds: readonly string[];
  /** Parts no longer offered (taken out of the catalogue). */
  inactiveIds: readonly string[];
}

/**
 * Choosing MAP parts: the client has a PIP, is not in the Onderwijsroute (it has no MAP, art. 6 Wi2021), picks at least one
 * part, each once and only from what the catalogue still offers.
 */
export function checkMapPartChoice(input: MapPartChoiceInput): RuleViolation[] {
  if (!input.route) return [violation('clientId', 'MAP_PART_PIP_REQUIRED', 'Leg eerst het PIP met de leerroute vast; de MAP-onderdelen horen bij het PIP.')];
  const notAllowed = checkMapAllowed(input.route).map((v) => ({ ...v, field: 'clientId' }));
  if (notAllowed.length > 0) return notAllowed;
  if (input.partIds.length === 0) return [violation('mapPartIds', 'MAP_PART_CHOICE_EMPTY', 'Kies minstens één MAP-onderdeel.')];
  const violations: RuleViolation[] = [];
  if (input.partIds.some((id) => input.alreadyChosenIds.includes(id)) || new Set(input.partIds).size !== input.partIds.length) {
    violations.push(violation('mapPartIds', 'MAP_PART_ALREADY_CHOSEN', 'Een gekozen MAP-onderdeel staat al bij deze inburgeraar; kies het niet nog eens.'));
  }
  if (input.partIds.some((id) => input.inactiveIds.includes(id))) {
    violations.push(violation('mapPartIds', 'MAP_PART_NOT_OFFERED', 'Een gekozen MAP-onderdeel wordt niet meer aangeboden.'));
  }
  return violations;
}

/** Marking a chosen part completed: on a date from the day it was chosen up to today. */
export function checkMapPartCompletion(input: { completedOn: CalendarDate; chosenOn: CalendarDate; today: CalendarDate }): RuleViolation[] {
  if (compareDates(input.completedOn, input.today) > 0) {
    return [violation('completedOn', 'MAP_PART_COMPLETED_IN_FUTURE', `De afronding (${formatDateNl(input.completedOn)}) ligt in de toekomst.`)];
  }
  if (compareDates(input.completedOn, input.chosenOn) < 0) {
    return [violation('completedOn', 'MAP_PART_COMPLETED_BEFORE_CHOSEN',
      `De afronding (${formatDateNl(input.completedOn)}) ligt vóór de dag waarop het onderdeel gekozen is (${formatDateNl(input.chosenOn)}).`)];
  }
  return [];
}

/** One chosen part as the progress rule reads it. */
export interface ChosenMapPart {
  minutes: number;
  themes: readonly MapTheme[];
  practical: boolean;
  completedOn: CalendarDate | null;
}

export interface MapCafeteriaProgress {
  partsChosen: number;
  partsCompleted: number;
  minutesChosen: number;
  minutesCompleted: number;
  /** Themes treated by completed parts, in the order of the law. */
  themesCovered: MapTheme[];
  themesMissing: MapTheme[];
  /** A completed practical part of at least 40 hours. */
  practicalActivityDone: boolean;
  /** The chosen parts complete the MAP's content (the eindgesprek with the municipality follows). */
  complete: boolean;
  /** The day the last part was completed, once complete. */
  completedOn: CalendarDate | null;
  /** Why the chosen parts do not (yet) complete the MAP, in Dutch; empty once complete. */
  missing: string[];
}

/**
 * The chosen MAP parts complete the MAP once every chosen part is completed, the completed parts together treat all 8
 * themes, and one of them is a practical activity of at least 40 hours (Besluit inburgering 2021, art. 4); the MAP's
 * content is then done on the day of the last completion (the eindgesprek with the municipality closes the MAP).
 */
export function mapCafeteriaProgress(parts: readonly ChosenMapPart[]): MapCafeteriaProgress {
  const completed = parts.filter((part) => part.completedOn !== null);
  const treated = new Set(completed.flatMap((part) => part.themes));
  const themesCovered = MAP_THEMES.filter((theme) => treated.has(theme));
  const themesMissing = MAP_THEMES.filter((theme) => !treated.has(theme));
  const practicalActivityDone = completed.some((part) => part.practical && part.minutes >= MAP_PRACTICAL_ACTIVITY_MIN_MINUTES);
  const missing: string[] = [];
  if (parts.length === 0) missing.push('Er zijn nog geen MAP-onderdelen gekozen.');
  else if (completed.length < parts.length) missing.push(`Nog ${parts.length - completed.length} van de ${parts.length} gekozen onderdelen af te ronden.`);
  if (themesMissing.length > 0) missing.push(`Nog niet behandeld: ${themesMissing.map((theme) => MAP_THEME_LABELS[theme]).join(', ')}.`);
  if (!practicalActivityDone) missing.push(`Nog geen afgeronde praktijkactiviteit van minstens ${formatHoursNl(MAP_PRACTICAL_ACTIVITY_MIN_MINUTES)} uur.`);
  const complete = missing.length === 0;
  const completedOn = complete ? [...completed.map((part) => part.completedOn as CalendarDate)].sort(compareDates)[completed.length - 1] : null;
  return {
    partsChosen: parts.length,
    partsCompleted: completed.length,
    minutesChosen: parts.reduce((sum, part) => sum + part.minutes, 0),
    minutesCompleted: completed.reduce((sum, part) => sum + part.minutes, 0),
    themesCovered,
    themesMissing,
    practicalActivityDone,
    complete,
    completedOn,
    missing,
  };
}

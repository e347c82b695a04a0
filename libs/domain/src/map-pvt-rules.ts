// MAP (Module Arbeidsmarkt en Participatie) and PVT (participatieverklaringstraject) results.
import { CalendarDate, compareDates } from './calendar-date';
import { formatDateNl, formatHoursNl } from './format-nl';
import { cite } from './law-citations';
import { MAP_PRACTICAL_ACTIVITY_MIN_MINUTES, MAP_THEME_LABELS, MAP_THEMES, MapTheme, PVT_MIN_MINUTES } from './law-numbers';
import { Route } from './routes';
import { RuleViolation, violation } from './rule-violation';

/** The Onderwijsroute has no MAP (LAW_CITATIONS.OBLIGATION). */
export function checkMapAllowed(route: Route): RuleViolation[] {
  if (route !== 'ONDERWIJS') return [];
  return [violation('route', 'MAP_NOT_IN_ONDERWIJSROUTE', `De MAP hoort niet bij de Onderwijsroute; een cliënt in de Onderwijsroute volgt geen MAP (${cite('OBLIGATION')}).`)];
}

interface TermDates {
  termEnd: CalendarDate;
  termStart?: CalendarDate | null;
  today?: CalendarDate | null;
}

function checkDateInTerm(field: string, codePrefix: string, what: string, date: CalendarDate, { termEnd, termStart, today }: TermDates): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const shown = formatDateNl(date);
  if (termStart && compareDates(date, termStart) < 0) {
    violations.push(violation(field, `${codePrefix}_BEFORE_TERM_START`,
      `${what} (${shown}) ligt vóór de start van de inburgeringstermijn (${formatDateNl(termStart)}) (${cite('DUO_MAP_PVT')}).`));
  }
  if (compareDates(date, termEnd) > 0) {
    violations.push(violation(field, `${codePrefix}_AFTER_TERM`,
      `${what} (${shown}) ligt na het einde van de inburgeringstermijn (${formatDateNl(termEnd)}).`));
  }
  if (today && compareDates(date, today) > 0) {
    violations.push(violation(field, `${codePrefix}_IN_FUTURE`, `${what} (${shown}) ligt in de toekomst (${cite('DUO_MAP_PVT')}).`));
  }
  return violations;
}

export interface MapResultInput extends TermDates {
  themesCovered: readonly MapTheme[];
  /** Longest single practical activity, in minutes. */
  practicalActivityMinutes: number;
  eindgesprekOn: CalendarDate | null | undefined;
}

/** MAP result: all 8 themes, a practical activity of at least 40 hours, eindgesprek within the term (Besluit inburgering 2021; DUO rules for the dates). */
export function checkMapResult(input: MapResultInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  const missing = MAP_THEMES.filter((theme) => !input.themesCovered.includes(theme));
  if (missing.length > 0) {
    violations.push(violation('themesCovered', 'MAP_THEMES_INCOMPLETE',
      `De MAP moet alle ${MAP_THEMES.length} thema's behandelen; nog niet behandeld: ${missing.map((t) => MAP_THEME_LABELS[t]).join(', ')} (${cite('MAP')}).`));
  }
  if (input.practicalActivityMinutes < MAP_PRACTICAL_ACTIVITY_MIN_MINUTES) {
    violations.push(violation('practicalActivityMinutes', 'MAP_PRACTICAL_ACTIVITY_TOO_SHORT',
      `De MAP bevat minimaal één praktijkactiviteit van ${formatHoursNl(MAP_PRACTICAL_ACTIVITY_MIN_MINUTES)} uur; ` +
        `geregistreerd is ${formatHoursNl(input.practicalActivityMinutes)} uur (${cite('MAP')}).`));
  }
  if (!input.eindgesprekOn) {
    violations.push(violation('eindgesprekOn', 'MAP_EINDGESPREK_REQUIRED', 'Vul de datum van het eindgesprek MAP in.'));
  } else {
    violations.push(...checkDateInTerm('eindgesprekOn', 'MAP_EINDGESPREK', 'Het eindgesprek MAP', input.eindgesprekOn, input));
  }
  return violations;
}

export interface PvtResultInput extends TermDates {
  minutes: number;
  excursionDone: boolean;
  signedOn: CalendarDate | null | undefined;
}

/** PVT result: at least 12 hours incl. signing, an excursion or activity on a core value, signed within the term (Besluit inburgering 2021; DUO rules for the dates). */
export function checkPvtResult(input: PvtResultInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (input.minutes < PVT_MIN_MINUTES) {
    violations.push(violation('minutes', 'PVT_TOO_SHORT',
      `Het PVT duurt minimaal ${formatHoursNl(PVT_MIN_MINUTES)} uur inclusief ondertekening; geregistreerd is ${formatHoursNl(input.minutes)} uur (${cite('PVT')}).`));
  }
  if (!input.excursionDone) {
    violations.push(violation('excursionDone', 'PVT_EXCURSION_REQUIRED',
      `Het PVT bevat een excursie of activiteit over ten minste één kernwaarde (${cite('PVT')}).`));
  }
  if (!input.signedOn) {
    violations.push(violation('signedOn', 'PVT_SIGNING_DATE_REQUIRED', 'Vul de datum van ondertekening van de participatieverklaring in.'));
  } else {
    violations.push(...checkDateInTerm('signedOn', 'PVT_SIGNED', 'De ondertekening van het PVT', input.signedOn, input));
  }
  return violations;
}

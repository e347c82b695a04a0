// Numbers fixed by the Wet inburgering 2021 (Wi2021), the Besluit inburgering 2021 and DUO.
// They change only with regulation, so they live here once. Municipal policy numbers do NOT
// belong here: see policy-defaults.ts (those are parameters with defaults).

import { LAW_CITATIONS, type LawCitationKey } from './law-citations';

const MINUTES_PER_HOUR = 60;

/** PIP signed within 10 weeks of BRP registration (Wi2021 / Besluit inburgering 2021). */
export const PIP_DEADLINE_WEEKS = 10;

/** The inburgeringstermijn lasts 3 years (LAW_CITATIONS.INTEGRATION_TERM). */
export const INTEGRATION_TERM_YEARS = 3;

/** A route switch is allowed in the first 18 months after the first PIP (LAW_CITATIONS.ROUTE_SWITCH). */
export const ROUTE_SWITCH_WINDOW_MONTHS = 18;

/** MAP and PVT are completed within the first 18 months of the term (Besluit inburgering 2021). */
export const MAP_PVT_WINDOW_MONTHS = 18;

/** Exam on parts at A2 in the B1-route only after 600 hours of language education (Besluit inburgering 2021). */
export const A2_EXAM_MIN_LANGUAGE_MINUTES = 600 * MINUTES_PER_HOUR;

/** Z-route: 800 hours of course incl. KNM (Besluit inburgering 2021, art. 3.14). */
export const Z_ROUTE_COURSE_MINUTES = 800 * MINUTES_PER_HOUR;

/** Z-route, status holders: also 800 hours of participation incl. PVT and MAP (Besluit inburgering 2021, art. 3.14). */
export const Z_ROUTE_PARTICIPATION_MINUTES = 800 * MINUTES_PER_HOUR;

/** PVT lasts at least 12 hours, signing included (Besluit inburgering 2021). */
export const PVT_MIN_MINUTES = 12 * MINUTES_PER_HOUR;

/** MAP has at least one practical activity of 40 hours or more (Besluit inburgering 2021). */
export const MAP_PRACTICAL_ACTIVITY_MIN_MINUTES = 40 * MINUTES_PER_HOUR;

/** The 8 MAP themes (Besluit inburgering 2021). */
export const MAP_THEMES = [
  'BEROEPENORIENTATIE',
  'WERKNEMERSCOMPETENTIES',
  'REALISTISCH_BEROEPSBEELD',
  'BEROEPSKANSEN',
  'BEROEPSCOMPETENTIES_VERWERVEN',
  'NETWERK_OPBOUWEN',
  'WERK_VINDEN',
  'WERKCULTUUR',
] as const;
export type MapTheme = (typeof MAP_THEMES)[number];

export const MAP_THEME_LABELS: Record<MapTheme, string> = {
  BEROEPENORIENTATIE: 'Beroepenoriëntatie',
  WERKNEMERSCOMPETENTIES: 'Werknemerscompetenties',
  REALISTISCH_BEROEPSBEELD: 'Realistisch beroepsbeeld',
  BEROEPSKANSEN: 'Beroepskansen',
  BEROEPSCOMPETENTIES_VERWERVEN: 'Beroepscompetenties verwerven',
  NETWERK_OPBOUWEN: 'Netwerk opbouwen',
  WERK_VINDEN: 'Werk vinden',
  WERKCULTUUR: 'Werkcultuur',
};

/** Status holders get two free exam attempts (Besluit inburgering 2021). */
export const FREE_EXAM_ATTEMPTS_STATUS_HOLDER = 2;

/** Ontzorgen (paying fixed costs from the benefit) lasts at least 6 months (Wi2021). */
export const ONTZORGEN_MIN_MONTHS = 6;

/** Maximum fine for breaking PIP obligations: EUR 800 (Wi2021). */
export const MAX_PIP_FINE_CENTS = 800_00;

/**
 * Citations shown to civil servants in validation messages, as short texts. Derived from the one citation table in
 * law-citations.ts (with article and paragraph); kept under this name for the rules that still read it.
 */
export const LAW_REFERENCES = Object.fromEntries(
  Object.entries(LAW_CITATIONS).map(([key, citation]) => [key, citation.text]),
) as { readonly [K in LawCitationKey]: (typeof LAW_CITATIONS)[K]['text'] };

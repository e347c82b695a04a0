// Numbers fixed by the Wet inburgering 2021 (Wi2021), the Besluit inburgering 2021 and DUO.
// They change only with regulation, so they live here once. Municipal policy numbers do NOT
// belong here: see policy-defaults.ts (those are parameters with defaults).

const MINUTES_PER_HOUR = 60;

/** PIP signed within 10 weeks of BRP registration (Wi2021 / Besluit inburgering 2021). */
export const PIP_DEADLINE_WEEKS = 10;

/** The inburgeringstermijn lasts 3 years (art. 11 lid 1 Wi2021). */
export const INTEGRATION_TERM_YEARS = 3;

/** A route switch is allowed in the first 18 months after the PIP (art. 17 Wi2021). */
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
 * Citations shown to civil servants in validation messages. Kept here so a wrong
 * article number is corrected in one place.
 */
export const LAW_REFERENCES = {
  PIP_DEADLINE: 'Wet inburgering 2021',
  INTEGRATION_TERM: 'art. 11 Wet inburgering 2021',
  ROUTE_SWITCH: 'art. 17 Wet inburgering 2021',
  A2_AFTER_600_HOURS: 'art. 17 lid 3 Wet inburgering 2021 en Besluit inburgering 2021',
  Z_ROUTE: 'Besluit inburgering 2021, art. 3.14',
  MAP: 'Besluit inburgering 2021',
  PVT: 'Besluit inburgering 2021',
  DUO_PIP: 'bedrijfsregel DUO bij aanleveren PIP',
  DUO_OFFER: 'bedrijfsregel DUO bij aanleveren inburgeringsaanbod',
  DUO_MAP_PVT: 'bedrijfsregel DUO bij aanleveren MAP/PVT',
} as const;

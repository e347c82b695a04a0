// Routes, modules, levels and target groups of the Wet inburgering 2021, with Dutch labels.

export const ROUTES = ['B1', 'Z', 'ONDERWIJS'] as const;
export type Route = (typeof ROUTES)[number];

export const MODULES = ['MAP', 'PVT', 'KNM'] as const;
export type Module = (typeof MODULES)[number];

/** What a lot (perceel) covers: one route or one module. */
export type LotSubject = Route | Module;
export const LOT_SUBJECTS: readonly LotSubject[] = [...ROUTES, ...MODULES];

export const LEVELS = ['A1', 'A2', 'B1', 'B2'] as const;
export type Level = (typeof LEVELS)[number];

export const TARGET_GROUPS = ['STATUS_HOLDER', 'FAMILY_MIGRANT', 'OTHER'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const HOUR_CATEGORIES = ['LANGUAGE', 'KNM', 'MAP', 'PVT', 'PARTICIPATION', 'LITERACY', 'OTHER_SUBJECTS'] as const;
export type HourCategory = (typeof HOUR_CATEGORIES)[number];

export const ABSENCE_REASONS = ['SICK', 'EXCUSED', 'UNEXCUSED'] as const;
export type AbsenceReason = (typeof ABSENCE_REASONS)[number];

const ROUTE_LABELS: Record<Route, string> = {
  B1: 'B1-route',
  Z: 'Z-route (zelfredzaamheidsroute)',
  ONDERWIJS: 'Onderwijsroute',
};

const MODULE_LABELS: Record<Module, string> = {
  MAP: 'Module Arbeidsmarkt en Participatie (MAP)',
  PVT: 'Participatieverklaringstraject (PVT)',
  KNM: 'Kennis van de Nederlandse Maatschappij (KNM)',
};

const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  STATUS_HOLDER: 'Statushouder',
  FAMILY_MIGRANT: 'Gezinsmigrant',
  OTHER: 'Overige migrant',
};

const HOUR_CATEGORY_LABELS: Record<HourCategory, string> = {
  LANGUAGE: 'Taalles (NT2)',
  KNM: 'KNM',
  MAP: 'MAP',
  PVT: 'PVT',
  PARTICIPATION: 'Participatie',
  LITERACY: 'Alfabetisering',
  OTHER_SUBJECTS: 'Overige vakken (rekenen, Engels, studievaardigheden)',
};

const ABSENCE_REASON_LABELS: Record<AbsenceReason, string> = {
  SICK: 'Ziek',
  EXCUSED: 'Geoorloofd afwezig',
  UNEXCUSED: 'Ongeoorloofd afwezig',
};

export function routeLabel(route: Route): string {
  return ROUTE_LABELS[route];
}

export function moduleLabel(module: Module): string {
  return MODULE_LABELS[module];
}

export function lotSubjectLabel(subject: LotSubject): string {
  return isRoute(subject) ? ROUTE_LABELS[subject] : MODULE_LABELS[subject];
}

export function levelLabel(level: Level): string {
  return `Niveau ${level}`;
}

export function targetGroupLabel(group: TargetGroup): string {
  return TARGET_GROUP_LABELS[group];
}

export function hourCategoryLabel(category: HourCategory): string {
  return HOUR_CATEGORY_LABELS[category];
}

export function absenceReasonLabel(reason: AbsenceReason): string {
  return ABSENCE_REASON_LABELS[reason];
}

export function isRoute(value: unknown): value is Route {
  return (ROUTES as readonly unknown[]).includes(value);
}

export function isModule(value: unknown): value is Module {
  return (MODULES as readonly unknown[]).includes(value);
}

/** Expected share of clients per route, in whole percent (sums to 100). */
export type RouteDistribution = Record<Route, number>;

/** Expected route distributions: the ministry's estimate and local alternatives (policy: configurable per region). */
export const EXPECTED_ROUTE_DISTRIBUTIONS = {
  MINISTRY: { B1: 65, ONDERWIJS: 20, Z: 15 },
  LOCAL_55_20_25: { B1: 55, ONDERWIJS: 20, Z: 25 },
  LOCAL_60_15_25: { B1: 60, ONDERWIJS: 15, Z: 25 },
} as const satisfies Record<string, RouteDistribution>;

import type { Role } from '@inburgering/contracts';

// The pages of the contract management figures (issue 10) in the role menu (appended to layout/navigation.ts).
export type FiguresNavLabelKey = `figuresNav.${'dashboard' | 'lot'}`;

export const FIGURES_PATHS = {
  dashboard: '/cijfers',
  lot: '/perceel/cijfers',
} as const;

/** The dashboard for the projectleider (the region), the consultant (the own municipality) and the provider (the own contracts). */
export const FIGURES_PAGES: readonly { path: string; labelKey: FiguresNavLabelKey; roles: readonly Role[]; hidden?: boolean }[] = [
  { path: FIGURES_PATHS.dashboard, labelKey: 'figuresNav.dashboard', roles: ['PROJECTLEIDER', 'CONSULTANT', 'PROVIDER_USER'] },
  { path: FIGURES_PATHS.lot, labelKey: 'figuresNav.lot', roles: ['PROJECTLEIDER', 'CONSULTANT', 'PROVIDER_USER'], hidden: true },
];

export const lotFiguresPath = (lotId: string) => `${FIGURES_PATHS.lot}?id=${encodeURIComponent(lotId)}`;

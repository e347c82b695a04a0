import type { Role } from '@inburgering/contracts';

// The pages of the DUO link (issue 13) in the role menu (appended to layout/navigation.ts).
export type DuoNavLabelKey = `duoNav.${'refused' | 'link'}`;

export const DUO_PATHS = {
  refused: '/duo/geweigerd',
  link: '/duo/koppeling',
} as const;

/** Refused messages for the consultant of the municipality; the link's configuration for the region's administrator (as the API allows). */
export const DUO_PAGES: readonly { path: string; labelKey: DuoNavLabelKey; roles: readonly Role[]; hidden?: boolean }[] = [
  { path: DUO_PATHS.refused, labelKey: 'duoNav.refused', roles: ['CONSULTANT'] },
  { path: DUO_PATHS.link, labelKey: 'duoNav.link', roles: ['ADMIN'] },
];

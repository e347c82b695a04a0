import type { Role } from '@inburgering/contracts';

// The pages of the hours slice in the role menu (appended to layout/navigation.ts).
export type HoursNavLabelKey = `hoursNav.${'grid' | 'import' | 'months' | 'approval' | 'signals' | 'rules' | 'progress'}`;

export const HOURS_PAGES: readonly { path: string; labelKey: HoursNavLabelKey; roles: readonly Role[]; hidden?: boolean }[] = [
  { path: '/uren', labelKey: 'hoursNav.grid', roles: ['PROVIDER_USER'] },
  { path: '/uren/import', labelKey: 'hoursNav.import', roles: ['PROVIDER_USER'] },
  { path: '/uren/maanden', labelKey: 'hoursNav.months', roles: ['PROVIDER_USER'] },
  { path: '/uren/goedkeuren', labelKey: 'hoursNav.approval', roles: ['CONSULTANT'] },
  { path: '/verzuim', labelKey: 'hoursNav.signals', roles: ['CONSULTANT', 'PROVIDER_USER'] },
  { path: '/verzuimregels', labelKey: 'hoursNav.rules', roles: ['CONSULTANT'] },
  // One client's progress: opened from a client (client page, placed clients, absence signals), so not in the menu.
  { path: '/voortgang', labelKey: 'hoursNav.progress', roles: ['CONSULTANT', 'PROVIDER_USER'], hidden: true },
];

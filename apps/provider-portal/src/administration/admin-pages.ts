import type { Role } from '@inburgering/contracts';

// The administration pages (issue 14, "Beheer"): the region's functioneel beheerder's own menu; a provider's own
// administrator (a PROVIDER_USER marked "beheert gebruikers") reaches the users page from the header.
export type AdminNavLabelKey = `adminNav.${'organisations' | 'users' | 'history'}`;

export const ADMIN_PATHS = {
  organisations: '/beheer/organisaties',
  users: '/beheer/gebruikers',
  history: '/beheer/geschiedenis',
} as const;

export const INVITATION_PATH = '/uitnodiging/:token';

export const ADMIN_PAGES: readonly { path: string; labelKey: AdminNavLabelKey; roles: readonly Role[]; hidden?: boolean }[] = [
  { path: ADMIN_PATHS.organisations, labelKey: 'adminNav.organisations', roles: ['ADMIN'] },
  { path: ADMIN_PATHS.users, labelKey: 'adminNav.users', roles: ['ADMIN'] },
  { path: ADMIN_PATHS.history, labelKey: 'adminNav.history', roles: ['ADMIN'] },
  // A provider's administrator: the same users page, linked from the header (the API refuses staff without the mark).
  { path: ADMIN_PATHS.users, labelKey: 'adminNav.users', roles: ['PROVIDER_USER'], hidden: true },
];

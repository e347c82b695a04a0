import { USER_ROLES } from '@inburgering/domain';

// The user's own account pages (issue 14), for every role, reached from the header rather than the menu.
export type AccountNavLabelKey = 'accountNav.sessions' | 'accountNav.security';

export const ACCOUNT_PATHS = { sessions: '/sessies', security: '/inloggen-en-beveiliging' } as const;

export const ACCOUNT_PAGES = [
  { path: ACCOUNT_PATHS.sessions, labelKey: 'accountNav.sessions' as AccountNavLabelKey, roles: USER_ROLES, hidden: true },
  { path: ACCOUNT_PATHS.security, labelKey: 'accountNav.security' as AccountNavLabelKey, roles: USER_ROLES, hidden: true },
] as const;

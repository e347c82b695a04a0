import { USER_ROLES } from '@inburgering/domain';

// The user's own account pages (issue 14), for every role, reached from the header rather than the menu.
export type AccountNavLabelKey = 'accountNav.sessions';

export const ACCOUNT_PATHS = { sessions: '/sessies' } as const;

export const ACCOUNT_PAGES = [
  { path: ACCOUNT_PATHS.sessions, labelKey: 'accountNav.sessions' as AccountNavLabelKey, roles: USER_ROLES, hidden: true },
] as const;

import type { Role } from '@inburgering/contracts';

// The admin's single sign-on settings (issue 14). Hidden from the menu: the admin pages (organisations and users) link it.
export type SsoNavLabelKey = 'ssoNav.settings';

export const SSO_PATHS = { settings: '/beheer/inloggen' } as const;

export const SSO_PAGES: readonly { path: string; labelKey: SsoNavLabelKey; roles: readonly Role[]; hidden?: boolean }[] = [
  { path: SSO_PATHS.settings, labelKey: 'ssoNav.settings', roles: ['ADMIN'], hidden: true },
];

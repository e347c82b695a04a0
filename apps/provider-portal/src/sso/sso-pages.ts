import type { Role } from '@inburgering/contracts';

// The admin's single sign-on settings (issue 14), in the admin's menu group Beheer.
export type SsoNavLabelKey = 'ssoNav.settings';

export const SSO_PATHS = { settings: '/beheer/inloggen' } as const;

export const SSO_PAGES: readonly { path: string; labelKey: SsoNavLabelKey; roles: readonly Role[]; hidden?: boolean }[] = [
  { path: SSO_PATHS.settings, labelKey: 'ssoNav.settings', roles: ['ADMIN'] },
];

import type { ReactElement } from 'react';
import { SSO_PATHS } from './sso-pages';
import { SsoSettingsPage } from './SsoSettingsPage';

/** The page component behind each path of SSO_PAGES. */
export const SSO_PAGE_ELEMENTS: Record<string, ReactElement> = {
  [SSO_PATHS.settings]: <SsoSettingsPage />,
};

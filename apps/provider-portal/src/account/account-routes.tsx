import type { ReactElement } from 'react';
import { ACCOUNT_PATHS } from './account-pages';
import { SecurityPage } from './SecurityPage';
import { SessionsPage } from './SessionsPage';

/** The page component behind each path of ACCOUNT_PAGES. */
export const ACCOUNT_PAGE_ELEMENTS: Record<string, ReactElement> = {
  [ACCOUNT_PATHS.sessions]: <SessionsPage />,
  [ACCOUNT_PATHS.security]: <SecurityPage />,
};

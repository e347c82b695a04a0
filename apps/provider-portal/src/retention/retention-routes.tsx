import type { ReactElement } from 'react';
import { RETENTION_PATHS } from './retention-pages';
import { RetentionPage } from './RetentionPage';

/** The page component behind each path of RETENTION_PAGES. */
export const RETENTION_PAGE_ELEMENTS: Record<string, ReactElement> = {
  [RETENTION_PATHS.policy]: <RetentionPage />,
};

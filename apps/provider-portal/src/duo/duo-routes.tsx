import type { ReactElement } from 'react';
import { DUO_PATHS } from './duo-pages';
import { DuoLinkPage } from './DuoLinkPage';
import { RefusedDuoMessagesPage } from './RefusedDuoMessagesPage';

/** The page component behind each path of DUO_PAGES. */
export const DUO_PAGE_ELEMENTS: Record<string, ReactElement> = {
  [DUO_PATHS.refused]: <RefusedDuoMessagesPage />,
  [DUO_PATHS.link]: <DuoLinkPage />,
};

import type { ReactElement } from 'react';
import { LessonPage } from './LessonPage';
import { LessonsPage } from './LessonsPage';
import { PresenceAuditPage } from './PresenceAuditPage';
import { PresenceGroupsPage } from './PresenceGroupsPage';
import { PRESENCE_PATHS } from './presence-pages';

/** The page component behind each path of PRESENCE_PAGES. */
export const PRESENCE_PAGE_ELEMENTS: Record<string, ReactElement> = {
  [PRESENCE_PATHS.lessons]: <LessonsPage />,
  [PRESENCE_PATHS.lesson]: <LessonPage />,
  [PRESENCE_PATHS.groups]: <PresenceGroupsPage />,
  [PRESENCE_PATHS.audit]: <PresenceAuditPage />,
};

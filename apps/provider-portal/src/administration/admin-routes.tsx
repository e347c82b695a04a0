import type { ReactElement } from 'react';
import { ADMIN_PATHS } from './admin-pages';
import { AdminHistoryPage } from './AdminHistoryPage';
import { OrganisationsAdminPage } from './OrganisationsAdminPage';
import { UsersAdminPage } from './UsersAdminPage';

/** The page component behind each path of ADMIN_PAGES. */
export const ADMIN_PAGE_ELEMENTS: Record<string, ReactElement> = {
  [ADMIN_PATHS.organisations]: <OrganisationsAdminPage />,
  [ADMIN_PATHS.users]: <UsersAdminPage />,
  [ADMIN_PATHS.history]: <AdminHistoryPage />,
};

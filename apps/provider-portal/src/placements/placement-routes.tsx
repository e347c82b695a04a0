import './placements.css';
import type { ReactElement } from 'react';
import { ClientPage } from '../clients/ClientPage';
import { RegisterClientPage } from '../clients/RegisterClientPage';
import { PlacedClientsPage } from './PlacedClientsPage';
import { PLACEMENT_PATHS } from './placement-pages';
import { ProviderInboxPage } from './ProviderInboxPage';
import { RequestPlacementPage } from './RequestPlacementPage';

/** The page component behind each path of PLACEMENT_PAGES. */
export const PLACEMENT_PAGE_ELEMENTS: Record<string, ReactElement> = {
  [PLACEMENT_PATHS.newClient]: <RegisterClientPage />,
  [PLACEMENT_PATHS.client]: <ClientPage />,
  [PLACEMENT_PATHS.request]: <RequestPlacementPage />,
  [PLACEMENT_PATHS.inbox]: <ProviderInboxPage />,
  [PLACEMENT_PATHS.placed]: <PlacedClientsPage />,
};

import type { ReactElement } from 'react';
import { MAP_PATHS } from './map-pages';
import { MapPartsPage } from './MapPartsPage';

/** The page component behind each path of MAP_PAGES. */
export const MAP_PAGE_ELEMENTS: Record<string, ReactElement> = {
  [MAP_PATHS.parts]: <MapPartsPage />,
};

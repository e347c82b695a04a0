import type { ReactElement } from 'react';
import { FIGURES_PATHS } from './figures-pages';
import { FiguresDashboardPage } from './FiguresDashboardPage';
import { LotFiguresPage } from './LotFiguresPage';

/** The page component behind each path of FIGURES_PAGES. */
export const FIGURES_PAGE_ELEMENTS: Record<string, ReactElement> = {
  [FIGURES_PATHS.dashboard]: <FiguresDashboardPage />,
  [FIGURES_PATHS.lot]: <LotFiguresPage />,
};

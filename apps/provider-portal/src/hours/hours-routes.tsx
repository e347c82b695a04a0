import type { ReactElement } from 'react';
import { ClientProgressPage } from '../results/ClientProgressPage';
import { AbsenceRulesPage } from './AbsenceRulesPage';
import { AbsenceSignalsPage } from './AbsenceSignalsPage';
import { HourGridPage } from './HourGridPage';
import { HourPeriodsPage } from './HourPeriodsPage';
import { HourImportPage } from './import/HourImportPage';

/** The page component behind each path of HOURS_PAGES. */
export const HOURS_PAGE_ELEMENTS: Record<string, ReactElement> = {
  '/uren': <HourGridPage />,
  '/uren/import': <HourImportPage />,
  '/uren/maanden': <HourPeriodsPage variant="provider" />,
  '/uren/goedkeuren': <HourPeriodsPage variant="municipality" />,
  '/verzuim': <AbsenceSignalsPage />,
  '/verzuimregels': <AbsenceRulesPage />,
  '/voortgang': <ClientProgressPage />,
};

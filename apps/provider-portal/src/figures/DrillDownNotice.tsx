import { Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { Link as RouterLink } from 'react-router-dom';

/** What a figure's drill-down shows, with the way back to the whole list (the caseload or the provider's placed clients). */
export function DrillDownNotice({ children, clearTo, clearText }: { children: ReactNode; clearTo: string; clearText: string }) {
  return (
    <Paragraph role="status" className="portal-caseload__counted">
      {children}{' '}
      <RouterLink to={clearTo} className="utrecht-link utrecht-link--html-a">{clearText}</RouterLink>
    </Paragraph>
  );
}

import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useLocation } from 'react-router-dom';

/** What a page may hand to the caseload when it navigates there (a client that moved away is no longer on the client page). */
export interface CaseloadLocationState {
  notice?: string;
}

/** The message handed over by the previous page, if any. */
export function CaseloadNotice() {
  const { state } = useLocation();
  const notice = (state as CaseloadLocationState | null)?.notice;
  if (!notice) return null;
  return (
    <Alert type="ok" role="status">
      <Paragraph>{notice}</Paragraph>
    </Alert>
  );
}

import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';
import { HomeLink } from '../components/HomeLink';
import { PageHeading } from '../components/PageHeading';

/**
 * Catches a page that fails to render, so the header and the menu stay usable instead of the whole app
 * going blank. Opening another address (menu, link, back button) tries the page afresh.
 */
export function PageErrorBoundary({ children }: { children: ReactNode }) {
  const { pathname, search } = useLocation();
  return (
    <ErrorBoundary FallbackComponent={PageErrorFallback} resetKeys={[pathname, search]}>
      {children}
    </ErrorBoundary>
  );
}

function PageErrorFallback({ resetErrorBoundary }: FallbackProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('pageError.title')}</PageHeading>
      <Alert type="error">
        <Paragraph>{t('pageError.text')}</Paragraph>
        <Paragraph>{t('pageError.next')}</Paragraph>
        <Button appearance="secondary-action-button" type="button" onClick={resetErrorBoundary}>
          {t('errors.retry')}
        </Button>
      </Alert>
      <HomeLink />
    </>
  );
}

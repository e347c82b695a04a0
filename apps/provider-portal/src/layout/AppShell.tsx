import { PageFooter, PageHeader, Paragraph, SkipLink } from '@utrecht/component-library-react';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router-dom';
import type { CurrentUser } from '../auth/session-context';
import { MainNav } from './MainNav';
import { PageErrorBoundary } from './PageErrorBoundary';
import { UserMenu } from './UserMenu';

const MAIN_ID = 'inhoud';

/** Skip link, header (with the user and the menu when logged in), main content (a failing page stays inside it) and footer. */
export function AppShell({ user, children }: { user?: CurrentUser; children: ReactNode }) {
  const { t } = useTranslation();
  const mainRef = useFocusHeadingOnNavigation();
  return (
    <div className="portal-app">
      <SkipLink href={`#${MAIN_ID}`}>{t('app.skipLink')}</SkipLink>
      <PageHeader className="portal-header">
        <div className="portal-header__content">
          <Link to="/" className="portal-brand">
            <span className="portal-brand__mark" aria-hidden="true" />
            <span className="portal-brand__text">
              <span className="portal-brand__name">{t('app.name')}</span>
              <span className="portal-brand__tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          {user && <UserMenu user={user} />}
        </div>
      </PageHeader>
      {user && <MainNav role={user.role} />}
      <main id={MAIN_ID} ref={mainRef} tabIndex={-1} className="portal-main">
        <PageErrorBoundary>{children}</PageErrorBoundary>
      </main>
      <PageFooter className="portal-footer">
        <div className="portal-footer__content">
          <Paragraph>{t('app.footer')}</Paragraph>
        </div>
      </PageFooter>
    </div>
  );
}

// After a client-side navigation focus moves to the new page's h1, as a full page load would announce it.
function useFocusHeadingOnNavigation() {
  const { pathname } = useLocation();
  const mainRef = useRef<HTMLElement>(null);
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [pathname]);
  return mainRef;
}

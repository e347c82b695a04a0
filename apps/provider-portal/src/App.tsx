import { Paragraph } from '@utrecht/component-library-react';
import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { LoginPage, type LoginLocationState } from './auth/LoginPage';
import { useSession, type CurrentUser, type SignedOutReason } from './auth/session-context';
import { ClientsPage } from './clients/ClientsPage';
import { ACCOUNT_PAGE_ELEMENTS } from './account/account-routes';
import { INVITATION_PATH } from './administration/admin-pages';
import { ADMIN_PAGE_ELEMENTS } from './administration/admin-routes';
import { InvitationPage } from './administration/InvitationPage';
import { InvitationWhileSignedIn } from './administration/InvitationWhileSignedIn';
import { DUO_PAGE_ELEMENTS } from './duo/duo-routes';
import { FIGURES_PAGE_ELEMENTS } from './figures/figures-routes';
import { HOURS_PAGE_ELEMENTS } from './hours/hours-routes';
import { INVOICE_PAGE_ELEMENTS } from './invoices/invoice-routes';
import { AppShell } from './layout/AppShell';
import { canOpen, homePathForRole, LOGIN_PATH } from './layout/navigation';
import { LotsPage } from './lots/LotsPage';
import { MAP_PAGE_ELEMENTS } from './map-cafeteria/map-routes';
import { NotFoundPage } from './pages/NotFoundPage';
import { PLACEMENT_PAGE_ELEMENTS } from './placements/placement-routes';
import { PRESENCE_PAGE_ELEMENTS } from './presence/presence-routes';
import { PROCUREMENT_PAGE_ELEMENTS } from './procurement/procurement-routes';
import { RETENTION_PAGE_ELEMENTS } from './retention/retention-routes';
import { SessionErrorPage } from './pages/SessionErrorPage';
import { SSO_PAGE_ELEMENTS } from './sso/sso-routes';

// The page component behind each path of the navigation table (layout/navigation.ts).
const PAGE_ELEMENTS: Record<string, ReactElement> = {
  '/mijn-percelen': <LotsPage variant="provider" />,
  '/inburgeraars': <ClientsPage />,
  ...PROCUREMENT_PAGE_ELEMENTS,
  ...HOURS_PAGE_ELEMENTS,
  ...PLACEMENT_PAGE_ELEMENTS,
  ...INVOICE_PAGE_ELEMENTS,
  ...PRESENCE_PAGE_ELEMENTS,
  ...DUO_PAGE_ELEMENTS,
  ...FIGURES_PAGE_ELEMENTS,
  ...MAP_PAGE_ELEMENTS,
  ...RETENTION_PAGE_ELEMENTS,
  ...ACCOUNT_PAGE_ELEMENTS,
  ...SSO_PAGE_ELEMENTS,
  ...ADMIN_PAGE_ELEMENTS,
};

/** One shell for every state, so it keeps its place in the tree (and the focus handling) across login and logout. */
export function App() {
  const { state, reload } = useSession();
  const { t } = useTranslation();
  switch (state.status) {
    case 'loading':
      return (
        <AppShell>
          <Paragraph role="status">{t('app.loading')}</Paragraph>
        </AppShell>
      );
    case 'error':
      return (
        <AppShell>
          <SessionErrorPage message={state.error.message} onRetry={reload} />
        </AppShell>
      );
    case 'signedOut':
      return (
        <AppShell>
          <Routes>
            <Route path={LOGIN_PATH} element={<LoginPage reason={state.reason} pending={state.pending} />} />
            <Route path={INVITATION_PATH} element={<InvitationPage />} />
            <Route path="*" element={<RedirectToLogin reason={state.reason} />} />
          </Routes>
        </AppShell>
      );
    case 'signedIn':
      return (
        <AppShell user={state.user}>
          <SignedInRoutes user={state.user} />
        </AppShell>
      );
  }
}

function SignedInRoutes({ user }: { user: CurrentUser }) {
  const home = homePathForRole(user.role);
  return (
    <Routes>
      <Route path="/" element={<Navigate to={home} replace />} />
      <Route path={LOGIN_PATH} element={<Navigate to={home} replace />} />
      <Route path={INVITATION_PATH} element={<InvitationWhileSignedIn user={user} />} />
      {Object.entries(PAGE_ELEMENTS).map(([path, element]) => (
        <Route key={path} path={path} element={canOpen(user.role, path) ? element : <NotFoundPage />} />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

/** Remembers the requested page, except after "Uitloggen": the next user may have another role. */
function RedirectToLogin({ reason }: { reason: SignedOutReason }) {
  const { pathname, search } = useLocation();
  const state: LoginLocationState | undefined = reason === 'loggedOut' || pathname === '/' ? undefined : { from: pathname + search };
  return <Navigate to={LOGIN_PATH} replace state={state} />;
}

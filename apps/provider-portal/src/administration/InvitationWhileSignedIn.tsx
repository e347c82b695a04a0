import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, type CurrentUser } from '../auth/session-context';
import { PageHeading } from '../components/PageHeading';

/**
 * The invitation link opened while someone is logged in (an administrator testing the link, a shared computer): the
 * invitation is for someone else's new account, so the portal says who is logged in and offers to log out first; the
 * same address then shows the invitation.
 */
export function InvitationWhileSignedIn({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const { logout } = useSession();
  const [busy, setBusy] = useState(false);
  return (
    <>
      <PageHeading>{t('invitation.title')}</PageHeading>
      <Alert type="warning" role="status">
        <Paragraph>{t('invitation.signedInAs', { name: user.displayName, email: user.email })}</Paragraph>
      </Alert>
      <Button
        appearance="primary-action-button"
        type="button"
        busy={busy}
        disabled={busy}
        onClick={() => {
          setBusy(true);
          logout().catch(() => setBusy(false));
        }}
      >
        {t('invitation.logoutFirst')}
      </Button>
    </>
  );
}

import { Button } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { ACCOUNT_PATHS } from '../account/account-pages';
import { ADMIN_PATHS } from '../administration/admin-pages';
import type { CurrentUser } from '../auth/session-context';
import { useSession } from '../auth/session-context';
import { setActingMunicipality, useActingMunicipality } from '../auth/acting-municipality';
import { GraphqlRequestError } from '../graphql/graphql-error';

/** Who is logged in, for which organisation, and the logout button. */
export function UserMenu({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const { logout } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onLogout = async () => {
    setBusy(true);
    setError(null);
    try {
      await logout(); // the router then shows the login page
    } catch (err) {
      // The session may still be valid on the server, so the user must know logging out failed.
      setError(err instanceof GraphqlRequestError ? err.message : t('errors.unexpected'));
      setBusy(false);
    }
  };

  return (
    <div className="portal-user-menu">
      <p className="portal-user-menu__identity">
        <span className="portal-visually-hidden">{t('header.userLabel')} </span>
        <strong className="portal-user-menu__name">{user.displayName}</strong>
        <span className="portal-user-menu__organisation">{user.organisation.name}</span>
      </p>
      {user.servedMunicipalities.length > 0 && <ActingMunicipalityChoice user={user} />}
      {user.managesOwnUsers && user.role === 'PROVIDER_USER' && (
        <RouterLink to={ADMIN_PATHS.users} className="utrecht-link utrecht-link--html-a portal-user-menu__sessions">{t('admin.manageUsers')}</RouterLink>
      )}
      <RouterLink to={ACCOUNT_PATHS.sessions} className="utrecht-link utrecht-link--html-a portal-user-menu__sessions">{t('header.sessions')}</RouterLink>
      <RouterLink to={ACCOUNT_PATHS.security} className="utrecht-link utrecht-link--html-a portal-user-menu__sessions">{t('header.security')}</RouterLink>
      <Button appearance="secondary-action-button" type="button" onClick={onLogout} busy={busy} disabled={busy}>
        {busy ? t('header.loggingOut') : t('header.logout')}
      </Button>
      {error && (
        <p role="alert" className="portal-user-menu__error">
          {error}
        </p>
      )}
    </div>
  );
}

/** A shared service's consultant: the municipality the pages work for; choosing another reloads the pages for it. */
function ActingMunicipalityChoice({ user }: { user: CurrentUser }) {
  const { t } = useTranslation();
  const { reload } = useSession();
  const acting = useActingMunicipality() ?? user.actingMunicipality?.id ?? user.servedMunicipalities[0]?.id ?? '';
  return (
    <div className="portal-user-menu__acting">
      <label htmlFor="acting-municipality">{t('sharedService.actingFor')}</label>
      <select
        id="acting-municipality"
        className="utrecht-select utrecht-select--html-select"
        value={acting}
        onChange={(event) => {
          setActingMunicipality(event.target.value);
          reload();
        }}
      >
        {user.servedMunicipalities.map((m) => (
          <option key={m.id} value={m.id}>
            {m.name}
          </option>
        ))}
      </select>
    </div>
  );
}

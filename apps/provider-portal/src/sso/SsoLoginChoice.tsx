import { SsoLoginOptionsDocument, type SsoLoginOptionsQuery } from '@inburgering/contracts';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../components/form-fields';
import { graphqlRequest } from '../graphql/request';

/**
 * "Inloggen met uw organisatie" on the login page: choose the organisation, or give the e-mail address (its domain picks
 * the organisation). Both are plain GET forms to the API's /api/sso/start, which sends the browser to the identity provider.
 * Shown only when some organisation has single sign-on switched on.
 */
export function SsoLoginChoice() {
  const { t } = useTranslation();
  const [options, setOptions] = useState<SsoLoginOptionsQuery['ssoLoginOptions']>([]);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const controller = new AbortController();
    graphqlRequest(SsoLoginOptionsDocument, {}, controller.signal).then(
      (data) => setOptions(data.ssoLoginOptions),
      () => setOptions([]), // without the choice, the password form still works
    );
    return () => controller.abort();
  }, []);
  if (options.length === 0) return null;
  return (
    <section className="portal-login__sso" aria-labelledby="sso-heading">
      <Heading2 id="sso-heading">{t('sso.login.heading')}</Heading2>
      <Paragraph>{t('sso.login.intro')}</Paragraph>
      {!open ? (
        <Button appearance="secondary-action-button" type="button" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('sso.login.open')}
        </Button>
      ) : (
        <>
          <form method="get" action="/api/sso/start" className="portal-form" aria-label={t('sso.login.byOrganisation')}>
            <SelectField id="sso-organisation" name="organisatie" label={t('sso.login.organisation')} defaultValue={options[0].organisationId}
              options={options.map((o) => ({ value: o.organisationId, label: o.kind === 'EHERKENNING' ? t('sso.login.eherkenningOption', { name: o.name }) : o.name }))} />
            <Button appearance="primary-action-button" type="submit">{t('sso.login.submit')}</Button>
          </form>
          <form method="get" action="/api/sso/start" className="portal-form" aria-label={t('sso.login.byEmail')}>
            <TextField id="sso-email" name="email" type="email" inputMode="email" autoComplete="username" spellCheck={false} required
              label={t('sso.login.email')} description={t('sso.login.emailHint')} />
            <Button appearance="secondary-action-button" type="submit">{t('sso.login.submitEmail')}</Button>
          </form>
        </>
      )}
    </section>
  );
}

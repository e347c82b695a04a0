import { SaveSsoConnectionDocument, SsoOrganisationsDocument, type SsoClientAuthentication, type SsoConnectionKind, type SsoEmailMatching, type SsoOrganisationFieldsFragment } from '@inburgering/contracts';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { fieldId, formErrorsOf, NO_ERRORS, type FormErrors } from '../procurement/form/form-errors';
import { domainsOf } from './sso-messages';

const FIELDS = ['kind', 'issuerUrl', 'clientId', 'clientAuthentication', 'clientSecret', 'emailDomains', 'emailMatching', 'enabled'] as const;
interface ConnectionForm {
  kind: SsoConnectionKind;
  issuerUrl: string;
  clientId: string;
  clientAuthentication: SsoClientAuthentication;
  clientSecret: string;
  emailDomains: string;
  emailMatching: SsoEmailMatching;
  enabled: boolean;
}
const id = (field: string) => fieldId('sso', field);

const formOf = (organisation: SsoOrganisationFieldsFragment | undefined): ConnectionForm => {
  const c = organisation?.connection;
  return c
    ? { kind: c.kind, issuerUrl: c.issuerUrl, clientId: c.clientId, clientAuthentication: c.clientAuthentication, clientSecret: '', emailDomains: c.emailDomains.join(', '), emailMatching: c.emailMatching, enabled: c.enabled }
    : { kind: organisation?.organisationKind === 'PROVIDER' ? 'EHERKENNING' : 'OIDC', issuerUrl: '', clientId: '', clientAuthentication: 'CLIENT_SECRET', clientSecret: '', emailDomains: '', emailMatching: 'VERIFIED', enabled: true };
};

/** The region's admin sets, per organisation, login with the organisation's own identity provider or an eHerkenning broker. */
export function SsoSettingsPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(SsoOrganisationsDocument, {});
  const organisations = data?.ssoOrganisations ?? [];
  const [organisationId, setOrganisationId] = useState('');
  const chosen = organisations.find((o) => o.id === organisationId) ?? organisations[0];
  const status = (o: SsoOrganisationFieldsFragment) =>
    !o.connection ? t('sso.settings.statusNone') : `${t(`sso.kind.${o.connection.kind}`)}, ${o.connection.enabled ? t('sso.settings.statusOn') : t('sso.settings.statusOff')}`;
  return (
    <>
      <PageHeading>{t('ssoNav.settings')}</PageHeading>
      <Paragraph>{t('sso.settings.intro')}</Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {chosen && (
        <>
          <SelectField id="sso-organisation" label={t('sso.settings.organisation')} value={chosen.id} onChange={(ev) => setOrganisationId(ev.target.value)}
            options={organisations.map((o) => ({ value: o.id, label: `${o.name} (${status(o)})` }))} />
          <ConnectionEditor key={chosen.id} organisation={chosen} onSaved={refetch} />
        </>
      )}
    </>
  );
}

function ConnectionEditor({ organisation, onSaved }: { organisation: SsoOrganisationFieldsFragment; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ConnectionForm>(() => formOf(organisation));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setForm(formOf(organisation)), [organisation]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const { saveSsoConnection } = await graphqlRequest(SaveSsoConnectionDocument, {
        input: {
          organisationId: organisation.id,
          kind: form.kind,
          issuerUrl: form.issuerUrl.trim(),
          clientId: form.clientId.trim(),
          clientAuthentication: form.clientAuthentication,
          clientSecret: form.clientAuthentication === 'CLIENT_SECRET' ? form.clientSecret.trim() || null : null,
          emailDomains: domainsOf(form.emailDomains),
          emailMatching: form.emailMatching,
          enabled: form.enabled,
        },
      });
      setErrors(NO_ERRORS);
      setForm(formOf(saveSsoConnection));
      setNotice(saveSsoConnection.connection?.enabled ? t('sso.settings.savedOn') : t('sso.settings.savedOff'));
      onSaved();
    } catch (err) {
      setErrors(formErrorsOf(err, 'sso', FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-label={t('sso.settings.formLabel', { name: organisation.name })}>
      {!organisation.connection && <Paragraph>{t('sso.settings.none')}</Paragraph>}
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={errors.summary} />
      <SelectField id={id('kind')} label={t('sso.settings.fields.kind')} value={form.kind} errorMessage={errors.byField.kind}
        onChange={(ev) => setForm({ ...form, kind: ev.target.value as SsoConnectionKind })}
        options={(['OIDC', 'EHERKENNING'] as const).map((kind) => ({ value: kind, label: t(`sso.kind.${kind}`) }))} />
      <TextField id={id('issuerUrl')} label={t('sso.settings.fields.issuerUrl')} description={t('sso.settings.issuerHint')} type="url" spellCheck={false}
        value={form.issuerUrl} onChange={(ev) => setForm({ ...form, issuerUrl: ev.target.value })} errorMessage={errors.byField.issuerUrl} />
      <TextField id={id('clientId')} label={t('sso.settings.fields.clientId')} spellCheck={false}
        value={form.clientId} onChange={(ev) => setForm({ ...form, clientId: ev.target.value })} errorMessage={errors.byField.clientId} />
      <SelectField id={id('clientAuthentication')} label={t('sso.settings.fields.clientAuthentication')} description={t('sso.settings.authenticationHint')}
        value={form.clientAuthentication} errorMessage={errors.byField.clientAuthentication}
        onChange={(ev) => setForm({ ...form, clientAuthentication: ev.target.value as SsoClientAuthentication })}
        options={(['CLIENT_SECRET', 'PRIVATE_KEY_JWT'] as const).map((a) => ({ value: a, label: t(`sso.settings.authentication.${a}`) }))} />
      {form.clientAuthentication === 'CLIENT_SECRET' && (
        <TextField id={id('clientSecret')} label={t('sso.settings.fields.clientSecret')} type="password" autoComplete="off"
          description={organisation.connection?.hasClientSecret ? t('sso.settings.secretKept') : t('sso.settings.secretNew')}
          value={form.clientSecret} onChange={(ev) => setForm({ ...form, clientSecret: ev.target.value })} errorMessage={errors.byField.clientSecret} />
      )}
      {form.clientAuthentication === 'PRIVATE_KEY_JWT' && organisation.connection?.jwksPath && (
        <Paragraph style={{ overflowWrap: 'anywhere' }}>{t('sso.settings.jwksUrl', { url: `${window.location.origin}${organisation.connection.jwksPath}` })}</Paragraph>
      )}
      <TextAreaField id={id('emailDomains')} label={t('sso.settings.fields.emailDomains')} description={t('sso.settings.domainsHint')} spellCheck={false}
        value={form.emailDomains} onChange={(ev) => setForm({ ...form, emailDomains: ev.target.value })} errorMessage={errors.byField.emailDomains} />
      <SelectField id={id('emailMatching')} label={t('sso.settings.fields.emailMatching')} description={t('sso.settings.matchingHint')} value={form.emailMatching}
        errorMessage={errors.byField.emailMatching} onChange={(ev) => setForm({ ...form, emailMatching: ev.target.value as SsoEmailMatching })}
        options={(['VERIFIED', 'TRUSTED'] as const).map((m) => ({ value: m, label: t(`sso.matching.${m}`) }))} />
      <ChoiceGroup id={id('enabled')} legend={t('sso.settings.fields.enabled')} type="checkbox" name="sso-enabled"
        selected={form.enabled ? ['on'] : []} errorMessage={errors.byField.enabled}
        options={[{ value: 'on', label: t('sso.settings.enabledLabel') }]}
        onToggle={(_value, checked) => setForm({ ...form, enabled: checked })} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('sso.settings.saving') : t('sso.settings.save')}</Button>
    </form>
  );
}

import { ConfigureDuoLinkDocument, DuoLinkDocument, RegionSetupDocument, type DuoLinkFieldsFragment } from '@inburgering/contracts';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { fieldId, formErrorsOf, NO_ERRORS, type FormErrors } from '../procurement/form/form-errors';
import { municipalityName } from '../procurement/region-setup/region-setup-form';

const FIELDS = ['municipalityOin', 'duoOin', 'baseUrl', 'certPath', 'keyPath', 'caPath', 'enabled'] as const;
type LinkForm = Record<Exclude<(typeof FIELDS)[number], 'enabled'>, string> & { enabled: boolean };
const EMPTY: LinkForm = { municipalityOin: '', duoOin: '', baseUrl: '', certPath: '', keyPath: '', caPath: '', enabled: false };
const id = (field: string) => fieldId('duolink', field);

const formOf = (link: DuoLinkFieldsFragment | null | undefined): LinkForm =>
  link ? { ...link, caPath: link.caPath ?? '' } : EMPTY;

/** The region's administrator sets each municipality's DUO link: the OINs, DUO's address, the certificate and key, on or off. */
export function DuoLinkPage() {
  const { t } = useTranslation();
  const setup = useGraphqlQuery(RegionSetupDocument, {});
  const municipalities = setup.data?.regionSetup.municipalities ?? [];
  const [municipalityId, setMunicipalityId] = useState('');
  const chosen = municipalityId || municipalities[0]?.id || '';
  return (
    <>
      <PageHeading>{t('duoNav.link')}</PageHeading>
      <Paragraph>{t('duoLink.intro')}</Paragraph>
      <QueryFeedback loading={setup.loading} error={setup.error} hasData={Boolean(setup.data)} onRetry={setup.refetch} />
      {municipalities.length > 0 && (
        <>
          <SelectField id="duolink-municipality" label={t('duoLink.municipality')} value={chosen} onChange={(ev) => setMunicipalityId(ev.target.value)}
            options={municipalities.map((m) => ({ value: m.id, label: municipalityName(m.name) }))} />
          <LinkEditor key={chosen} municipalityId={chosen} />
        </>
      )}
    </>
  );
}

function LinkEditor({ municipalityId }: { municipalityId: string }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(DuoLinkDocument, { municipalityId });
  const [form, setForm] = useState<LinkForm>(EMPTY);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setForm(formOf(data?.duoLink)), [data]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setNotice(null);
    try {
      const { configureDuoLink } = await graphqlRequest(ConfigureDuoLinkDocument, {
        input: { municipalityId, ...form, municipalityOin: form.municipalityOin.trim(), duoOin: form.duoOin.trim(), baseUrl: form.baseUrl.trim(), caPath: form.caPath.trim() || null },
      });
      setErrors(NO_ERRORS);
      setForm(formOf(configureDuoLink));
      setNotice(configureDuoLink.enabled ? t('duoLink.savedOn') : t('duoLink.savedOff'));
    } catch (err) {
      setErrors(formErrorsOf(err, 'duolink', FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const text = (field: Exclude<(typeof FIELDS)[number], 'enabled'>, description?: string) => (
    <TextField id={id(field)} label={t(`duoLink.fields.${field}`)} description={description} value={form[field]}
      onChange={(ev) => setForm({ ...form, [field]: ev.target.value })} errorMessage={errors.byField[field]} />
  );

  return (
    <>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-label={t('duoLink.formLabel')}>
          {!data.duoLink && <Paragraph>{t('duoLink.none')}</Paragraph>}
          {notice && (
            <Alert type="ok" role="status">
              <Paragraph>{notice}</Paragraph>
            </Alert>
          )}
          <ErrorSummary errors={errors.summary} />
          {text('municipalityOin', t('duoLink.oinHint'))}
          {text('duoOin', t('duoLink.oinHint'))}
          {text('baseUrl', t('duoLink.baseUrlHint'))}
          {text('certPath', t('duoLink.certHint'))}
          {text('keyPath')}
          {text('caPath', t('duoLink.caHint'))}
          <ChoiceGroup id={id('enabled')} legend={t('duoLink.fields.enabled')} type="checkbox" name="duolink-enabled"
            selected={form.enabled ? ['on'] : []} errorMessage={errors.byField.enabled}
            options={[{ value: 'on', label: t('duoLink.enabledLabel') }]}
            onToggle={(_value, checked) => setForm({ ...form, enabled: checked })} />
          <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('duoLink.saving') : t('duoLink.save')}</Button>
        </form>
      )}
    </>
  );
}

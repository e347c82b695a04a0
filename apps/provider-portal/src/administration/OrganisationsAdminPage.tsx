import {
  AdministrationDocument, type AdministrationQuery, RemoveSubRegionDocument, SaveManagedProviderDocument, SaveMunicipalityDocument, SaveSubRegionDocument,
} from '@inburgering/contracts';
import { Alert, Button, Heading, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../components/ConfirmButton';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { fieldId, formErrorsOf, NO_ERRORS, type FormErrors } from '../procurement/form/form-errors';

type Overview = AdministrationQuery['administration'];
type Municipality = Overview['municipalities'][number];
type SubRegion = Overview['subRegions'][number];
type Provider = Overview['providers'][number];

/** The region's municipalities (CBS code, OIN, sub-region), sub-regions and providers (KvK, keurmerk), issue 14. */
export function OrganisationsAdminPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(AdministrationDocument, {});
  const [failure, setFailure] = useState<string | null>(null);
  const [editMunicipality, setEditMunicipality] = useState<Municipality | null>(null);
  const overview = data?.administration;

  async function removeSubRegion(subRegion: SubRegion) {
    setFailure(null);
    try {
      await graphqlRequest(RemoveSubRegionDocument, { input: { subRegionId: subRegion.id } });
      refetch();
    } catch (err) {
      setFailure(err instanceof GraphqlRequestError ? (err.fields[0]?.message ?? err.message) : t('errors.unexpected'));
    }
  }

  const municipalityColumns: DataTableColumn<Municipality>[] = [
    { id: 'name', header: t('admin.org.name'), text: (m) => m.name, sortable: true },
    { id: 'cbsCode', header: t('admin.org.cbsCode'), text: (m) => m.cbsCode ?? '' },
    { id: 'oin', header: t('admin.org.oin'), text: (m) => m.oin ?? '' },
    { id: 'subRegionName', header: t('admin.org.subRegion'), text: (m) => m.subRegionName ?? '' },
    { id: 'edit', header: t('admin.org.actions'), text: () => '', render: (m) => <Button appearance="subtle-button" type="button" onClick={() => setEditMunicipality(m)} aria-label={t('admin.org.editNamed', { name: m.name })}>{t('admin.org.edit')}</Button> },
  ];
  const subRegionColumns: DataTableColumn<SubRegion>[] = [
    { id: 'name', header: t('admin.org.name'), text: (s) => s.name, sortable: true },
    { id: 'municipalities', header: t('admin.org.municipalities'), text: (s) => s.municipalityNames.join(', ') },
    { id: 'lots', header: t('admin.org.usedByLots'), text: (s) => s.usedByLots.join(', ') },
    {
      id: 'remove', header: t('admin.org.actions'), text: () => '',
      render: (s) => <ConfirmButton label={t('admin.org.removeNamed', { name: s.name })} question={t('admin.org.removeQuestion', { name: s.name })} confirmText={t('admin.org.removeConfirm')} onConfirm={() => void removeSubRegion(s)}>{t('admin.org.remove')}</ConfirmButton>,
    },
  ];
  const providerColumns: DataTableColumn<Provider>[] = [
    { id: 'name', header: t('admin.org.name'), text: (p) => p.name, sortable: true },
    { id: 'kvkNumber', header: t('admin.org.kvkNumber'), text: (p) => p.kvkNumber ?? '' },
    { id: 'keurmerk', header: t('admin.org.keurmerk'), text: (p) => (p.keurmerkNumber ? t('admin.org.keurmerkYes', { number: p.keurmerkNumber, until: p.keurmerkValidUntil ? new Date(p.keurmerkValidUntil).toLocaleDateString('nl-NL') : '' }) : t('admin.org.keurmerkNo')) },
  ];

  return (
    <>
      <PageHeading>{t('adminNav.organisations')}</PageHeading>
      <Paragraph lead>{t('admin.org.intro')}</Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {failure && <p role="alert">{failure}</p>}
      {overview && (
        <>
          <div>
            <Heading level={2} id="admin-municipalities">{t('admin.org.municipalitiesTitle')}</Heading>
            <DataTable stacksOnPhone caption={t('admin.org.municipalitiesTitle')} columns={municipalityColumns} rows={overview.municipalities} rowKey={(m) => m.id} rowHeader="name" exportFileName="gemeenten" emptyMessage={t('admin.org.empty')} />
            <MunicipalityForm key={editMunicipality?.id ?? 'new'} municipality={editMunicipality} subRegions={overview.subRegions} onSaved={() => { setEditMunicipality(null); refetch(); }} />
          </div>
          <div>
            <Heading level={2} id="admin-subregions">{t('admin.org.subRegionsTitle')}</Heading>
            <DataTable stacksOnPhone caption={t('admin.org.subRegionsTitle')} columns={subRegionColumns} rows={overview.subRegions} rowKey={(s) => s.id} rowHeader="name" exportFileName="subregios" emptyMessage={t('admin.org.empty')} />
            <SubRegionForm subRegions={overview.subRegions} onSaved={refetch} />
          </div>
          <div>
            <Heading level={2} id="admin-providers">{t('admin.org.providersTitle')}</Heading>
            <DataTable stacksOnPhone caption={t('admin.org.providersTitle')} columns={providerColumns} rows={overview.providers} rowKey={(p) => p.id} rowHeader="name" exportFileName="aanbieders" emptyMessage={t('admin.org.empty')} />
            <ProviderForm providers={overview.providers} onSaved={refetch} />
          </div>
        </>
      )}
    </>
  );
}

function useSubmit(prefix: string, fields: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  async function submit(action: () => Promise<string>) {
    setBusy(true);
    setNotice(null);
    try {
      setNotice(await action());
      setErrors(NO_ERRORS);
    } catch (err) {
      setErrors(formErrorsOf(err, prefix, fields));
    } finally {
      setBusy(false);
    }
  }
  return { errors, busy, notice, submit };
}

function MunicipalityForm({ municipality, subRegions, onSaved }: { municipality: Municipality | null; subRegions: readonly SubRegion[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ name: municipality?.name ?? '', cbsCode: municipality?.cbsCode ?? '', oin: municipality?.oin ?? '', subRegionId: municipality?.subRegionId ?? '' });
  const { errors, busy, notice, submit } = useSubmit('municipality', ['name', 'cbsCode', 'oin', 'subRegionId']);
  const id = (field: string) => fieldId('municipality', field);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const { saveMunicipality } = await graphqlRequest(SaveMunicipalityDocument, { input: { id: municipality?.id ?? null, name: form.name, cbsCode: form.cbsCode.trim(), oin: form.oin.trim() || null, subRegionId: form.subRegionId || null } });
      onSaved();
      return t('admin.org.saved', { name: saveMunicipality.name });
    });
  };
  return (
    <form className="portal-form portal-panel" onSubmit={onSubmit} noValidate aria-label={municipality ? t('admin.org.editMunicipality', { name: municipality.name }) : t('admin.org.newMunicipality')}>
      <Heading level={3}>{municipality ? t('admin.org.editMunicipality', { name: municipality.name }) : t('admin.org.newMunicipality')}</Heading>
      {notice && <Alert type="ok" role="status"><Paragraph>{notice}</Paragraph></Alert>}
      <ErrorSummary errors={errors.summary} />
      <TextField id={id('name')} label={t('admin.org.name')} value={form.name} errorMessage={errors.byField.name} onChange={(ev) => setForm({ ...form, name: ev.target.value })} />
      <TextField id={id('cbsCode')} label={t('admin.org.cbsCode')} description={t('admin.org.cbsHint')} value={form.cbsCode} errorMessage={errors.byField.cbsCode} onChange={(ev) => setForm({ ...form, cbsCode: ev.target.value })} />
      <TextField id={id('oin')} label={t('admin.org.oin')} description={t('admin.org.oinHint')} inputMode="numeric" value={form.oin} errorMessage={errors.byField.oin} onChange={(ev) => setForm({ ...form, oin: ev.target.value })} />
      <SelectField id={id('subRegionId')} label={t('admin.org.subRegion')} value={form.subRegionId} errorMessage={errors.byField.subRegionId} onChange={(ev) => setForm({ ...form, subRegionId: ev.target.value })}
        options={[{ value: '', label: t('admin.org.noSubRegion') }, ...subRegions.map((s) => ({ value: s.id, label: s.name }))]} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{t('admin.org.save')}</Button>
    </form>
  );
}

function SubRegionForm({ subRegions, onSaved }: { subRegions: readonly SubRegion[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState({ id: '', name: '' });
  const { errors, busy, notice, submit } = useSubmit('subregion', ['id', 'name']);
  const id = (field: string) => fieldId('subregion', field);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const { saveSubRegion } = await graphqlRequest(SaveSubRegionDocument, { input: { id: form.id || null, name: form.name } });
      setForm({ id: '', name: '' });
      onSaved();
      return t('admin.org.saved', { name: saveSubRegion.name });
    });
  };
  return (
    <form className="portal-form portal-panel" onSubmit={onSubmit} noValidate aria-label={t('admin.org.subRegionForm')}>
      <Heading level={3}>{t('admin.org.subRegionForm')}</Heading>
      {notice && <Alert type="ok" role="status"><Paragraph>{notice}</Paragraph></Alert>}
      <ErrorSummary errors={errors.summary} />
      <SelectField id={id('id')} label={t('admin.org.subRegionWhich')} value={form.id} onChange={(ev) => setForm({ ...form, id: ev.target.value })}
        options={[{ value: '', label: t('admin.org.newSubRegion') }, ...subRegions.map((s) => ({ value: s.id, label: t('admin.org.renameNamed', { name: s.name }) }))]} />
      <TextField id={id('name')} label={t('admin.org.name')} value={form.name} errorMessage={errors.byField.name} onChange={(ev) => setForm({ ...form, name: ev.target.value })} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{t('admin.org.save')}</Button>
    </form>
  );
}

function ProviderForm({ providers, onSaved }: { providers: readonly Provider[]; onSaved: () => void }) {
  const { t } = useTranslation();
  const empty = { id: '', name: '', kvkNumber: '', providerKind: 'LANGUAGE_SCHOOL', hasKeurmerk: false, keurmerkNumber: '', keurmerkValidUntil: '' };
  const [form, setForm] = useState(empty);
  const { errors, busy, notice, submit } = useSubmit('provider', ['id', 'name', 'kvkNumber', 'providerKind', 'hasKeurmerk', 'keurmerkNumber', 'keurmerkValidUntil']);
  const id = (field: string) => fieldId('provider', field);
  const choose = (providerId: string) => {
    const p = providers.find((x) => x.id === providerId);
    setForm(p ? { id: p.id, name: p.name, kvkNumber: p.kvkNumber ?? '', providerKind: p.providerKind ?? 'LANGUAGE_SCHOOL', hasKeurmerk: Boolean(p.keurmerkNumber), keurmerkNumber: p.keurmerkNumber ?? '', keurmerkValidUntil: p.keurmerkValidUntil ?? '' } : empty);
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void submit(async () => {
      const { saveManagedProvider } = await graphqlRequest(SaveManagedProviderDocument, { input: {
        id: form.id || null, name: form.name, kvkNumber: form.kvkNumber.trim(), providerKind: form.providerKind, hasKeurmerk: form.hasKeurmerk,
        keurmerkNumber: form.hasKeurmerk ? form.keurmerkNumber : null, keurmerkValidUntil: form.hasKeurmerk && form.keurmerkValidUntil ? form.keurmerkValidUntil : null,
      } });
      onSaved();
      return t('admin.org.saved', { name: saveManagedProvider.name });
    });
  };
  return (
    <form className="portal-form portal-panel" onSubmit={onSubmit} noValidate aria-label={t('admin.org.providerForm')}>
      <Heading level={3}>{t('admin.org.providerForm')}</Heading>
      {notice && <Alert type="ok" role="status"><Paragraph>{notice}</Paragraph></Alert>}
      <ErrorSummary errors={errors.summary} />
      <SelectField id={id('id')} label={t('admin.org.providerWhich')} value={form.id} onChange={(ev) => choose(ev.target.value)}
        options={[{ value: '', label: t('admin.org.newProvider') }, ...providers.map((p) => ({ value: p.id, label: p.name }))]} />
      <TextField id={id('name')} label={t('admin.org.name')} value={form.name} errorMessage={errors.byField.name} onChange={(ev) => setForm({ ...form, name: ev.target.value })} />
      <TextField id={id('kvkNumber')} label={t('admin.org.kvkNumber')} description={t('admin.org.kvkHint')} inputMode="numeric" value={form.kvkNumber} errorMessage={errors.byField.kvkNumber} onChange={(ev) => setForm({ ...form, kvkNumber: ev.target.value })} />
      <SelectField id={id('providerKind')} label={t('admin.org.providerKind')} value={form.providerKind} errorMessage={errors.byField.providerKind} onChange={(ev) => setForm({ ...form, providerKind: ev.target.value })}
        options={(['LANGUAGE_SCHOOL', 'EDUCATION_INSTITUTION', 'OTHER_PARTNER'] as const).map((k) => ({ value: k, label: t(`admin.org.providerKinds.${k}`) }))} />
      <ChoiceGroup id={id('hasKeurmerk')} legend={t('admin.org.keurmerk')} type="checkbox" name="provider-keurmerk" selected={form.hasKeurmerk ? ['on'] : []}
        options={[{ value: 'on', label: t('admin.org.hasKeurmerk') }]} onToggle={(_v, checked) => setForm({ ...form, hasKeurmerk: checked })} errorMessage={errors.byField.hasKeurmerk} />
      {form.hasKeurmerk && (
        <>
          <TextField id={id('keurmerkNumber')} label={t('admin.org.keurmerkNumber')} value={form.keurmerkNumber} errorMessage={errors.byField.keurmerkNumber} onChange={(ev) => setForm({ ...form, keurmerkNumber: ev.target.value })} />
          <TextField id={id('keurmerkValidUntil')} label={t('admin.org.keurmerkValidUntil')} type="date" value={form.keurmerkValidUntil} errorMessage={errors.byField.keurmerkValidUntil} onChange={(ev) => setForm({ ...form, keurmerkValidUntil: ev.target.value })} />
        </>
      )}
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{t('admin.org.save')}</Button>
    </form>
  );
}

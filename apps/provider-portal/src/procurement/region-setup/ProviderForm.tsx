import { SaveProviderDocument, type ProviderKind } from '@inburgering/contracts';
import { Button, Heading2 } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextField } from '../../components/form-fields';
import { graphqlRequest } from '../../graphql/request';
import { fieldId, formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../form/form-errors';
import { EMPTY_PROVIDER, PROVIDER_FIELDS, PROVIDER_KINDS, providerFormOf, toSaveProviderInput, type ProviderFormState, type SetupProvider } from './region-setup-form';

const id = (field: string) => fieldId('provider', field);

/** Registers a new provider, or changes one (its KvK number, keurmerk, DUO number, taalschakel recognition). */
export function ProviderForm({ providers, onSaved }: { providers: readonly SetupProvider[]; onSaved: (message: string) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ProviderFormState>(EMPTY_PROVIDER);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<ProviderFormState>) => setForm((current) => ({ ...current, ...change }));

  const choose = (providerId: string) => {
    const provider = providers.find((p) => p.id === providerId);
    setForm(provider ? providerFormOf(provider) : EMPTY_PROVIDER);
    setErrors(NO_ERRORS);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { input, errors: local } = toSaveProviderInput(form, {
      dateInvalid: t('procurement.form.dateInvalid'), kindRequired: t('procurement.regionSetup.kindRequired'),
      nameRequired: t('procurement.regionSetup.providerNameRequired'), kvkInvalid: t('procurement.regionSetup.kvkInvalid'),
    });
    if (!input) {
      setErrors(localErrors('provider', local));
      return;
    }
    setBusy(true);
    try {
      const { saveProvider } = await graphqlRequest(SaveProviderDocument, { input });
      setErrors(NO_ERRORS);
      setForm(EMPTY_PROVIDER);
      onSaved(t('procurement.regionSetup.providerSaved', { name: saveProvider.name }));
    } catch (err) {
      setErrors(formErrorsOf(err, 'provider', PROVIDER_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const e = errors.byField;
  return (
    <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-labelledby="provider-title">
      <Heading2 id="provider-title">{t('procurement.regionSetup.providerFormTitle')}</Heading2>
      <ErrorSummary errors={errors.summary} />
      <SelectField id={id('id')} label={t('procurement.regionSetup.providerToEdit')} value={form.id} onChange={(ev) => choose(ev.target.value)}
        options={[{ value: '', label: t('procurement.regionSetup.newProvider') }, ...providers.map((p) => ({ value: p.id, label: p.name }))]} />
      <TextField id={id('name')} label={t('procurement.regionSetup.providerName')} value={form.name} onChange={(ev) => set({ name: ev.target.value })} errorMessage={e.name} />
      <div className="portal-form-row">
        <TextField id={id('kvkNumber')} label={t('procurement.regionSetup.kvkNumber')} description={t('procurement.regionSetup.kvkHint')} inputMode="numeric"
          value={form.kvkNumber} onChange={(ev) => set({ kvkNumber: ev.target.value })} errorMessage={e.kvkNumber} />
        <SelectField id={id('providerKind')} label={t('procurement.regionSetup.kind')} value={form.providerKind} errorMessage={e.providerKind}
          onChange={(ev) => set({ providerKind: ev.target.value as ProviderKind | '' })}
          options={[{ value: '', label: t('procurement.lotForm.choose') }, ...PROVIDER_KINDS.map((kind) => ({ value: kind, label: t(`procurement.regionSetup.kinds.${kind}`) }))]} />
      </div>
      <div className="portal-form-row">
        <TextField id={id('keurmerkNumber')} label={t('procurement.regionSetup.keurmerkNumber')} description={t('procurement.regionSetup.keurmerkNumberHint')}
          value={form.keurmerkNumber} onChange={(ev) => set({ keurmerkNumber: ev.target.value })} errorMessage={e.keurmerkNumber} />
        <TextField id={id('keurmerkValidUntil')} label={t('procurement.regionSetup.keurmerkValidUntil')} description={t('procurement.form.dateHint')}
          value={form.keurmerkValidUntil} onChange={(ev) => set({ keurmerkValidUntil: ev.target.value })} errorMessage={e.keurmerkValidUntil} />
      </div>
      <TextField id={id('duoInstitutionNumber')} label={t('procurement.regionSetup.duoInstitutionNumber')} description={t('procurement.regionSetup.duoHint')}
        value={form.duoInstitutionNumber} onChange={(ev) => set({ duoInstitutionNumber: ev.target.value })} errorMessage={e.duoInstitutionNumber} />
      <ChoiceGroup id={id('isTaalschakelInstitution')} legend={t('procurement.regionSetup.taalschakelLegend')} type="checkbox" name="provider-taalschakel"
        selected={form.isTaalschakelInstitution ? ['yes'] : []} errorMessage={e.isTaalschakelInstitution}
        options={[{ value: 'yes', label: t('procurement.regionSetup.taalschakelOption') }]} onToggle={(_, checked) => set({ isTaalschakelInstitution: checked })} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('procurement.form.saving') : t('procurement.regionSetup.saveProvider')}</Button>
    </form>
  );
}

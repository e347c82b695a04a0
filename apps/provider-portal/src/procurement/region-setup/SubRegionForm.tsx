import { CreateSubRegionDocument, type RegionSetupQuery } from '@inburgering/contracts';
import { Button, Heading2 } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ChoiceGroup, TextField } from '../../components/form-fields';
import { graphqlRequest } from '../../graphql/request';
import { fieldId, formErrorsOf, NO_ERRORS, type FormErrors } from '../form/form-errors';
import { EMPTY_SUB_REGION, municipalityName, SUB_REGION_FIELDS, toCreateSubRegionInput, type SubRegionFormState } from './region-setup-form';

const id = (field: string) => fieldId('subregion', field);

/** A new sub-region (such as the Liemers): a name and the municipalities of the region it holds. */
export function SubRegionForm({ municipalities, onCreated }: { municipalities: RegionSetupQuery['regionSetup']['municipalities']; onCreated: (message: string) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<SubRegionFormState>(EMPTY_SUB_REGION);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      const { createSubRegion } = await graphqlRequest(CreateSubRegionDocument, { input: toCreateSubRegionInput(form) });
      setErrors(NO_ERRORS);
      setForm(EMPTY_SUB_REGION);
      onCreated(t('procurement.regionSetup.subRegionCreated', {
        name: createSubRegion.name, municipalities: createSubRegion.municipalities.map((m) => municipalityName(m.name)).join(', '),
      }));
    } catch (err) {
      setErrors(formErrorsOf(err, 'subregion', SUB_REGION_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-labelledby="subregion-title">
      <Heading2 id="subregion-title">{t('procurement.regionSetup.subRegionFormTitle')}</Heading2>
      <ErrorSummary errors={errors.summary} />
      <TextField id={id('name')} label={t('procurement.regionSetup.subRegionName')} value={form.name}
        onChange={(ev) => setForm({ ...form, name: ev.target.value })} errorMessage={errors.byField.name} />
      <ChoiceGroup id={id('municipalityIds')} legend={t('procurement.regionSetup.subRegionMunicipalities')} type="checkbox" name="subregion-municipalities"
        selected={form.municipalityIds} errorMessage={errors.byField.municipalityIds}
        options={municipalities.map((m) => ({ value: m.id, label: municipalityName(m.name) }))}
        onToggle={(value, checked) => setForm({ ...form, municipalityIds: checked ? [...form.municipalityIds, value] : form.municipalityIds.filter((m) => m !== value) })} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('procurement.form.saving') : t('procurement.regionSetup.createSubRegion')}</Button>
    </form>
  );
}

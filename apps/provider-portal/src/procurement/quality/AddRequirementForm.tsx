import { AddQualityRequirementDocument } from '@inburgering/contracts';
import { hasNumericNorm, QUALITY_PERIODS, QUALITY_REQUIREMENT_TYPES, qualityPeriodLabel, qualityRequirementLabel } from '@inburgering/domain';
import { Button, Heading2 } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { graphqlRequest } from '../../graphql/request';
import { fieldId, formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../form/form-errors';
import { EMPTY_REQUIREMENT, REQUIREMENT_FIELDS, toAddRequirementInput, type RequirementFormState } from './requirement-form';

const id = (field: string) => fieldId('requirement', field);

/** A new quality requirement on a contract (region roles): type, title, norm (with a number where the type needs one), period and first due date. */
export function AddRequirementForm({ contractId, onAdded }: { contractId: string; onAdded: (message: string) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<RequirementFormState>(EMPTY_REQUIREMENT);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<RequirementFormState>) => setForm((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { input, errors: local } = toAddRequirementInput(contractId, form, {
      dateInvalid: t('procurement.form.dateInvalid'), numberInvalid: t('procurement.requirementForm.numberInvalid'),
    });
    if (!input) {
      setErrors(localErrors('requirement', local));
      return;
    }
    setBusy(true);
    try {
      const { addQualityRequirement } = await graphqlRequest(AddQualityRequirementDocument, { input });
      setErrors(NO_ERRORS);
      setForm(EMPTY_REQUIREMENT);
      onAdded(t('procurement.requirementForm.added', { title: addQualityRequirement.title }));
    } catch (err) {
      setErrors(formErrorsOf(err, 'requirement', REQUIREMENT_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const e = errors.byField;
  return (
    <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-labelledby="requirement-form-title">
      <Heading2 id="requirement-form-title">{t('procurement.requirementForm.title')}</Heading2>
      <ErrorSummary errors={errors.summary} />
      <SelectField id={id('type')} label={t('procurement.requirementForm.type')} value={form.type} errorMessage={e.type}
        onChange={(ev) => set({ type: ev.target.value as RequirementFormState['type'] })}
        options={QUALITY_REQUIREMENT_TYPES.map((type) => ({ value: type, label: qualityRequirementLabel(type) }))} />
      <TextField id={id('title')} label={t('procurement.requirementForm.titleLabel')} value={form.title} onChange={(ev) => set({ title: ev.target.value })} errorMessage={e.title} />
      <TextAreaField id={id('norm')} label={t('procurement.requirementForm.norm')} description={t('procurement.requirementForm.normHint')} value={form.norm}
        onChange={(ev) => set({ norm: ev.target.value })} errorMessage={e.norm} />
      {hasNumericNorm(form.type) && (
        <TextField id={id('normValue')} label={t('procurement.requirementForm.normValue')} description={t('procurement.requirementForm.normValueHint')} inputMode="decimal"
          value={form.normValue} onChange={(ev) => set({ normValue: ev.target.value })} errorMessage={e.normValue} />
      )}
      <ChoiceGroup id={id('period')} legend={t('procurement.requirementForm.period')} type="radio" name="requirement-period" selected={[form.period]}
        options={QUALITY_PERIODS.map((value) => ({ value, label: qualityPeriodLabel(value) }))} errorMessage={e.period}
        onToggle={(value) => set({ period: value as RequirementFormState['period'] })} />
      <TextField id={id('firstDueOn')} label={t('procurement.requirementForm.firstDueOn')} description={t('procurement.form.dateHint')} value={form.firstDueOn}
        onChange={(ev) => set({ firstDueOn: ev.target.value })} errorMessage={e.firstDueOn} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('procurement.form.saving') : t('procurement.requirementForm.add')}</Button>
    </form>
  );
}

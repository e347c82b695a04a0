import { DeclareStartMomentDocument, type ContractFieldsFragment, type Daypart } from '@inburgering/contracts';
import { DAYPARTS, daypartLabel, formatDateNl } from '@inburgering/domain';
import { Button, Heading2 } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ChoiceGroup, SelectField, TextField } from '../../components/form-fields';
import { graphqlRequest } from '../../graphql/request';
import { fieldId, formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../form/form-errors';
import { EMPTY_START_MOMENT, START_MOMENT_FIELDS, toDeclareStartMomentInput, type StartMomentFormState } from './start-moment-form';

const DAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;
const id = (field: string) => fieldId('moment', field);

/** A new start moment on one of the provider's running contracts: where, when, how many seats, which days and hours. */
export function DeclareStartMomentForm({ contracts, onDeclared }: { contracts: readonly ContractFieldsFragment[]; onDeclared: (message: string) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<StartMomentFormState>(() => ({ ...EMPTY_START_MOMENT, contractId: contracts.length === 1 ? contracts[0].id : '' }));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const set = (change: Partial<StartMomentFormState>) => setForm((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const { input, errors: local } = toDeclareStartMomentInput(form, {
      contractRequired: t('procurement.startMoments.contractRequired'), dateInvalid: t('procurement.form.dateInvalid'),
      wholeNumber: t('procurement.form.wholeNumber'), hoursInvalid: t('procurement.startMoments.hoursInvalid'),
    });
    if (!input) {
      setErrors(localErrors('moment', local));
      return;
    }
    setBusy(true);
    try {
      const { declareStartMoment } = await graphqlRequest(DeclareStartMomentDocument, { input });
      setErrors(NO_ERRORS);
      setForm({ ...EMPTY_START_MOMENT, contractId: form.contractId });
      onDeclared(t('procurement.startMoments.declared', { lot: declareStartMoment.lotName, date: formatDateNl(declareStartMoment.startsOn), seats: String(declareStartMoment.seats) }));
    } catch (err) {
      setErrors(formErrorsOf(err, 'moment', START_MOMENT_FIELDS));
    } finally {
      setBusy(false);
    }
  }

  const e = errors.byField;
  return (
    <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-labelledby="declare-title">
      <Heading2 id="declare-title">{t('procurement.startMoments.declareTitle')}</Heading2>
      <ErrorSummary errors={errors.summary} />
      <SelectField id={id('contractId')} label={t('procurement.startMoments.contract')} value={form.contractId} onChange={(ev) => set({ contractId: ev.target.value })}
        errorMessage={e.contractId} options={[{ value: '', label: t('procurement.lotForm.choose') }, ...contracts.map((c) => ({ value: c.id, label: c.lotName }))]} />
      <TextField id={id('location')} label={t('procurement.startMoments.location')} value={form.location} onChange={(ev) => set({ location: ev.target.value })} errorMessage={e.location} />
      <div className="portal-form-row">
        <TextField id={id('startsOn')} label={t('procurement.startMoments.startsOn')} description={t('procurement.form.dateHint')} value={form.startsOn}
          onChange={(ev) => set({ startsOn: ev.target.value })} errorMessage={e.startsOn} />
        <TextField id={id('seats')} label={t('procurement.startMoments.seats')} inputMode="numeric" value={form.seats} onChange={(ev) => set({ seats: ev.target.value })} errorMessage={e.seats} />
        <TextField id={id('minutesPerWeek')} label={t('procurement.startMoments.hoursPerWeek')} description={t('procurement.startMoments.hoursHint')} inputMode="decimal"
          value={form.hoursPerWeek} onChange={(ev) => set({ hoursPerWeek: ev.target.value })} errorMessage={e.minutesPerWeek} />
      </div>
      <ChoiceGroup id={id('lessonDays')} legend={t('procurement.startMoments.lessonDays')} type="checkbox" name="moment-days" selected={form.lessonDays}
        options={DAYS.map((day) => ({ value: day, label: t(`procurement.startMoments.days.${day}`) }))} errorMessage={e.lessonDays}
        onToggle={(day, checked) => set({ lessonDays: checked ? [...form.lessonDays, day] : form.lessonDays.filter((d) => d !== day) })} />
      <ChoiceGroup id={id('daypart')} legend={t('procurement.startMoments.daypart')} type="radio" name="moment-daypart" selected={[form.daypart]}
        options={DAYPARTS.map((value) => ({ value, label: daypartLabel(value) }))} errorMessage={e.daypart} onToggle={(value) => set({ daypart: value as Daypart })} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('procurement.form.saving') : t('procurement.startMoments.declare')}</Button>
    </form>
  );
}

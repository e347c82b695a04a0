import { UpdateClientDocument, type ClientDetailFragment } from '@inburgering/contracts';
import { LEARNABILITY_OUTCOMES, TARGET_GROUPS, learnabilityOutcomeLabel, targetGroupLabel } from '@inburgering/domain';
import { Fieldset, FieldsetLegend } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../components/form-fields';
import { graphqlRequest } from '../graphql/request';
import { CLIENT_DATA_FIELDS, clientDataValues, parseClientData, type ClientDataValues } from './client-action-values';
import { FormButtons } from './FormButtons';
import { useActionForm } from './use-action-form';

type Field = keyof ClientDataValues;

/** Personal data and intake (learnability test, intake date and notes: these stay in the municipality). */
export function ClientDataForm({ client, onDone, onCancel }: { client: ClientDetailFragment; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => clientDataValues(client));
  const form = useActionForm('data', CLIENT_DATA_FIELDS);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const dateHint = t('registerClient.dateHint');

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(parseClientData(client.id, values), (input) => graphqlRequest(UpdateClientDocument, { input }));
    if (saved) onDone(t('clientActions.data.done'));
  }

  const text = (field: Field, label: string, description?: string) => (
    <TextField id={form.fieldId(field)} label={label} description={description} value={values[field]} onChange={set(field)}
      errorMessage={form.errors.byField[field]} autoComplete="off" />
  );
  return (
    <form className="portal-form" onSubmit={save} noValidate aria-label={t('clientActions.data.open')}>
      <ErrorSummary errors={form.errors.summary} />
      <Fieldset>
        <FieldsetLegend>{t('clientActions.data.person')}</FieldsetLegend>
        {text('firstName', t('registerClient.firstName'))}
        {text('lastName', t('registerClient.lastName'))}
        {text('dateOfBirth', t('registerClient.dateOfBirth'), dateHint)}
        <SelectField id={form.fieldId('targetGroup')} label={t('registerClient.targetGroup')} value={values.targetGroup} onChange={set('targetGroup')}
          errorMessage={form.errors.byField.targetGroup} options={TARGET_GROUPS.map((g) => ({ value: g, label: targetGroupLabel(g) }))} />
        {text('brpRegistrationDate', t('registerClient.brpRegistrationDate'), dateHint)}
      </Fieldset>
      <Fieldset>
        <FieldsetLegend>{t('clientActions.data.intake')}</FieldsetLegend>
        <SelectField id={form.fieldId('learnabilityOutcome')} label={t('registerClient.learnabilityOutcome')} value={values.learnabilityOutcome}
          onChange={set('learnabilityOutcome')} errorMessage={form.errors.byField.learnabilityOutcome}
          options={LEARNABILITY_OUTCOMES.map((o) => ({ value: o, label: learnabilityOutcomeLabel(o) }))} />
        {text('learnabilityScore', t('registerClient.learnabilityScore'))}
        {text('intakeCompletedOn', t('registerClient.intakeCompletedOn'), dateHint)}
        <TextAreaField id={form.fieldId('intakeNotes')} label={t('registerClient.intakeNotes')} value={values.intakeNotes} onChange={set('intakeNotes')}
          errorMessage={form.errors.byField.intakeNotes} />
      </Fieldset>
      <FormButtons busy={form.busy} submitLabel={t('clientActions.data.submit')} onCancel={onCancel} />
    </form>
  );
}

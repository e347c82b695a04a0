import { SetPipDocument, type ClientDetailFragment } from '@inburgering/contracts';
import { LEVELS, ROUTES, levelLabel, routeLabel } from '@inburgering/domain';
import { Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/form-fields';
import { graphqlRequest } from '../graphql/request';
import { PIP_FIELDS, parsePip, pipValues, type PipValues } from './client-action-values';
import { FormButtons } from './FormButtons';
import { useActionForm } from './use-action-form';

type Field = keyof PipValues;

/** The (changed) PIP: date, route, level, lesson hours and pattern; DUO's level rules are checked by the API. */
export function PipForm({ client, onDone, onCancel }: { client: ClientDetailFragment; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => pipValues(client));
  const form = useActionForm('pip', PIP_FIELDS);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const choose = { value: '', label: t('registerClient.choose') };

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(parsePip(client.id, values), (input) => graphqlRequest(SetPipDocument, { input }));
    if (saved) onDone(t('clientActions.pip.done'));
  }

  return (
    <form className="portal-form" onSubmit={save} noValidate aria-label={t('clientActions.pip.open')}>
      <ErrorSummary errors={form.errors.summary} />
      {client.route && <Paragraph>{t('clientActions.pip.intro')}</Paragraph>}
      <TextField id={form.fieldId('pipSignedOn')} label={t('registerClient.pipSignedOn')} description={t('registerClient.dateHint')} value={values.pipSignedOn}
        onChange={set('pipSignedOn')} errorMessage={form.errors.byField.pipSignedOn} autoComplete="off" />
      <SelectField id={form.fieldId('route')} label={t('registerClient.route')} value={values.route} onChange={set('route')} errorMessage={form.errors.byField.route}
        options={[choose, ...ROUTES.map((r) => ({ value: r, label: routeLabel(r) }))]} />
      <SelectField id={form.fieldId('level')} label={t('registerClient.level')} value={values.level} onChange={set('level')} errorMessage={form.errors.byField.level}
        options={[choose, ...LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))]} />
      <TextField id={form.fieldId('pipMinutesPerWeek')} label={t('registerClient.hoursPerWeek')} value={values.pipMinutesPerWeek} inputMode="decimal"
        onChange={set('pipMinutesPerWeek')} errorMessage={form.errors.byField.pipMinutesPerWeek} autoComplete="off" />
      <TextField id={form.fieldId('pipLessonPattern')} label={t('registerClient.lessonPattern')} description={t('registerClient.lessonPatternHint')}
        value={values.pipLessonPattern} onChange={set('pipLessonPattern')} errorMessage={form.errors.byField.pipLessonPattern} autoComplete="off" />
      <FormButtons busy={form.busy} submitLabel={t('clientActions.pip.submit')} onCancel={onCancel} />
    </form>
  );
}

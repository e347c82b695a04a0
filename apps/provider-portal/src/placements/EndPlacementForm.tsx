import { EndPlacementDocument, type PlacementDetailFragment } from '@inburgering/contracts';
import { calendarDateInAmsterdam, formatDateNl, placementEndReasonLabel, placementEndReasonsFor } from '@inburgering/domain';
import { Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { END_PLACEMENT_FIELDS, parseEndPlacement, type EndPlacementValues } from '../clients/client-action-values';
import { FormButtons } from '../clients/FormButtons';
import { useActionForm } from '../clients/use-action-form';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextAreaField, TextField } from '../components/form-fields';
import { graphqlRequest } from '../graphql/request';

type Field = keyof EndPlacementValues;

/**
 * Ends an accepted or started placement with a reason and date (the version guards against a change in between). An
 * instroomklas offers its own reasons, "Route gestart" first, on the day the route started (`endedOn`).
 */
export function EndPlacementForm({ placement, onDone, onCancel, endedOn }: { placement: PlacementDetailFragment; onDone: (message: string) => void; onCancel: () => void; endedOn?: string | null }) {
  const { t } = useTranslation();
  const instroomklas = placement.kind === 'INSTROOMKLAS';
  const [values, setValues] = useState<EndPlacementValues>(() => ({
    endReason: instroomklas ? 'ROUTE_STARTED' : '', endedOn: formatDateNl(endedOn ?? calendarDateInAmsterdam(new Date())), note: '',
  }));
  const form = useActionForm('end', END_PLACEMENT_FIELDS);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(parseEndPlacement(placement, values), (input) => graphqlRequest(EndPlacementDocument, { input }));
    if (saved) onDone(instroomklas ? t('instroomklas.ended') : t('clientActions.end.done'));
  }

  return (
    <form className="portal-form" onSubmit={save} noValidate aria-label={t('clientActions.end.open')}>
      <ErrorSummary errors={form.errors.summary} />
      <Paragraph>{t('clientActions.end.intro', { provider: placement.provider.name, lot: instroomklas ? t('instroomklas.lot') : placement.lot?.name ?? t('requestPlacement.individualLot') })}</Paragraph>
      <SelectField id={form.fieldId('endReason')} label={t('clientActions.end.endReason')} value={values.endReason} onChange={set('endReason')}
        errorMessage={form.errors.byField.endReason}
        options={[{ value: '', label: t('registerClient.choose') }, ...placementEndReasonsFor(placement.kind).map((r) => ({ value: r, label: placementEndReasonLabel(r) }))]} />
      <TextField id={form.fieldId('endedOn')} label={t('clientActions.end.endedOn')} description={t('registerClient.dateHint')} value={values.endedOn}
        onChange={set('endedOn')} errorMessage={form.errors.byField.endedOn} autoComplete="off" />
      <TextAreaField id={form.fieldId('note')} label={t('clientActions.end.note')} value={values.note} onChange={set('note')} errorMessage={form.errors.byField.note} rows={2} />
      <FormButtons busy={form.busy} submitLabel={t('clientActions.end.submit')} onCancel={onCancel} />
    </form>
  );
}

import { UpdateStartMomentDocument, type StartMomentFieldsFragment } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Button, Heading2 } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField, TextField } from '../../components/form-fields';
import { graphqlRequest } from '../../graphql/request';
import { fieldId, formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../form/form-errors';
import type { LocalError } from '../form/price-model-form';

/** Raises (or lowers, never below what is taken) the seats of one start moment; new seats go to waiting clients first. */
export function ChangeSeatsForm({ moments, onChanged }: { moments: readonly StartMomentFieldsFragment[]; onChanged: (message: string) => void }) {
  const { t } = useTranslation();
  const [startMomentId, setStartMomentId] = useState('');
  const [seats, setSeats] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const local: LocalError[] = [];
    if (!startMomentId) local.push(['startMomentId', t('procurement.startMoments.momentRequired')]);
    if (!/^\d+$/.test(seats.trim())) local.push(['seats', t('procurement.form.wholeNumber')]);
    if (local.length > 0) {
      setErrors(localErrors('seats', local));
      return;
    }
    setBusy(true);
    try {
      const { updateStartMoment } = await graphqlRequest(UpdateStartMomentDocument, { input: { startMomentId, seats: Number(seats.trim()) } });
      setErrors(NO_ERRORS);
      setSeats('');
      onChanged(t('procurement.startMoments.seatsChanged', { location: updateStartMoment.location, date: formatDateNl(updateStartMoment.startsOn), seats: String(updateStartMoment.seats) }));
    } catch (err) {
      setErrors(formErrorsOf(err, 'seats', ['startMomentId', 'seats']));
    } finally {
      setBusy(false);
    }
  }

  if (moments.length === 0) return null;
  return (
    <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-labelledby="seats-title">
      <Heading2 id="seats-title">{t('procurement.startMoments.seatsTitle')}</Heading2>
      <ErrorSummary errors={errors.summary} />
      <SelectField id={fieldId('seats', 'startMomentId')} label={t('procurement.startMoments.moment')} value={startMomentId} errorMessage={errors.byField.startMomentId}
        onChange={(e) => setStartMomentId(e.target.value)}
        options={[{ value: '', label: t('procurement.lotForm.choose') }, ...moments.map((m) => ({
          value: m.id, label: t('procurement.startMoments.momentOption', { lot: m.lotName, date: formatDateNl(m.startsOn), location: m.location, seats: String(m.seats), taken: String(m.taken) }),
        }))]} />
      <TextField id={fieldId('seats', 'seats')} label={t('procurement.startMoments.newSeats')} inputMode="numeric" value={seats} onChange={(e) => setSeats(e.target.value)}
        errorMessage={errors.byField.seats} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>{busy ? t('procurement.form.saving') : t('procurement.startMoments.saveSeats')}</Button>
    </form>
  );
}

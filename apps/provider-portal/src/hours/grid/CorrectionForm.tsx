import { CorrectHourEntryDocument, type AbsenceReason } from '@inburgering/contracts';
import { ABSENCE_REASONS, absenceReasonLabel, formatHoursNl } from '@inburgering/domain';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../../components/ErrorSummary';
import { GraphqlRequestError } from '../../graphql/graphql-error';
import { graphqlRequest } from '../../graphql/request';
import { minutesOf, type GridEntry, type GridRow } from './grid-state';
import { dayLabel } from './HourGridTable';

/** A correction of approved hours: new values and the reason, saved as a new revision that points at the old one. */
export function CorrectionForm({ row, entry, onDone, onCancel }: { row: GridRow; entry: GridEntry; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [planned, setPlanned] = useState(formatHoursNl(entry.plannedMinutes));
  const [attended, setAttended] = useState(formatHoursNl(entry.attendedMinutes));
  const [reason, setReason] = useState<AbsenceReason | ''>(entry.absenceReason ?? '');
  const [explanation, setExplanation] = useState('');
  const [errors, setErrors] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const plannedMinutes = minutesOf(planned);
    const attendedMinutes = minutesOf(attended);
    if (plannedMinutes === null || attendedMinutes === null) {
      setErrors([{ message: t('hourGrid.invalidHours'), fieldId: 'correction-planned' }]);
      return;
    }
    setBusy(true);
    try {
      await graphqlRequest(CorrectHourEntryDocument, {
        input: { entryId: entry.id, plannedMinutes, attendedMinutes, absenceReason: attendedMinutes < plannedMinutes && reason ? reason : null, reason: explanation },
      });
      onDone();
    } catch (err) {
      const error = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(String(err), 'INTERNAL_SERVER_ERROR');
      setErrors(error.fields.length > 0 ? error.fields.map((f) => ({ message: f.message, fieldId: f.field === 'reason' ? 'correction-reason' : undefined })) : [{ message: error.message }]);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="hour-grid__correction portal-form" onSubmit={submit} noValidate>
      <Heading2>{t('hourGrid.correctionTitle', { client: row.clientName, day: dayLabel(entry.date) })}</Heading2>
      <ErrorSummary errors={errors} />
      <Paragraph>
        <label htmlFor="correction-planned">{t('hourGrid.planned')}</label>{' '}
        <input id="correction-planned" className="utrecht-textbox hour-grid__input" inputMode="decimal" value={planned} onChange={(e) => setPlanned(e.target.value)} />{' '}
        <label htmlFor="correction-attended">{t('hourGrid.attended')}</label>{' '}
        <input id="correction-attended" className="utrecht-textbox hour-grid__input" inputMode="decimal" value={attended} onChange={(e) => setAttended(e.target.value)} />{' '}
        <label htmlFor="correction-absence">{t('hourGrid.reason')}</label>{' '}
        <select id="correction-absence" className="utrecht-select" value={reason} onChange={(e) => setReason(e.target.value as AbsenceReason | '')}>
          <option value="">{t('hourGrid.noReason')}</option>
          {ABSENCE_REASONS.map((r) => <option key={r} value={r}>{absenceReasonLabel(r)}</option>)}
        </select>
      </Paragraph>
      <Paragraph>
        <label htmlFor="correction-reason">{t('hourGrid.correctionReason')}</label>
        <br />
        <input id="correction-reason" className="utrecht-textbox hour-grid__wide" value={explanation} onChange={(e) => setExplanation(e.target.value)} />
      </Paragraph>
      <Button type="submit" appearance="primary-action-button" disabled={busy}>{t('hourGrid.correctionSave')}</Button>{' '}
      <Button type="button" appearance="secondary-action-button" onClick={onCancel}>{t('hourGrid.correctionCancel')}</Button>
    </form>
  );
}

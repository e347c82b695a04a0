import { SubmitReportEvidenceDocument } from '@inburgering/contracts';
import { formatDateNl, quarterLabel, reportQuarterForEvidence } from '@inburgering/domain';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SelectField } from '../../components/form-fields';
import { graphqlRequest } from '../../graphql/request';
import { fieldId, formErrorsOf, NO_ERRORS, type FormErrors } from '../form/form-errors';
import { canSubmit, periodsByDueDate, type Requirement } from './requirement-status';

const PREFIX = 'report-evidence';
const FIELDS = ['dueOn'] as const;
// The server names the requirement when it is not a report requirement; the period field is where that shows.
const ALIASES = { requirementId: 'dueOn' };

/**
 * For the "Kwartaalrapportage" requirement: the platform makes the contract's report of the quarter and hands it in
 * as evidence, in one step. One idempotency key per form, so a double click hands it in once.
 */
export function ReportEvidenceForm({ requirement, onSubmitted }: { requirement: Requirement; onSubmitted: (requirement: Requirement) => void }) {
  const { t } = useTranslation();
  const open = periodsByDueDate(requirement).filter(canSubmit);
  const [dueOn, setDueOn] = useState(open[0]?.dueOn ?? '');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  if (requirement.type !== 'QUARTERLY_REPORT' || open.length === 0) return null;
  const quarter = dueOn ? quarterLabel(reportQuarterForEvidence(dueOn)) : '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const { submitReportEvidence } = await graphqlRequest(SubmitReportEvidenceDocument, { input: { requirementId: requirement.id, dueOn, idempotencyKey } });
      setErrors(NO_ERRORS);
      setIdempotencyKey(crypto.randomUUID());
      setDueOn(periodsByDueDate(submitReportEvidence).filter(canSubmit)[0]?.dueOn ?? '');
      onSubmitted(submitReportEvidence);
    } catch (err) {
      setErrors(formErrorsOf(err, PREFIX, FIELDS, ALIASES));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-labelledby="report-evidence-title">
      <Heading2 id="report-evidence-title">{t('procurement.evidence.reportTitle')}</Heading2>
      <Paragraph>{t('procurement.evidence.reportIntro')}</Paragraph>
      <ErrorSummary errors={errors.summary} />
      <SelectField id={fieldId(PREFIX, 'dueOn')} label={t('procurement.evidence.period')} value={dueOn} onChange={(e) => setDueOn(e.target.value)}
        errorMessage={errors.byField.dueOn}
        options={open.map((p) => ({ value: p.dueOn, label: t('procurement.evidence.periodOption', { date: formatDateNl(p.dueOn), status: p.statusLabel }) }))} />
      <Button appearance="primary-action-button" type="submit" disabled={busy}>
        {busy ? t('procurement.evidence.reportSubmitting') : t('procurement.evidence.reportSubmit', { quarter })}
      </Button>
    </form>
  );
}

import { SubmitQualityEvidenceDocument } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Button, Heading2 } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { ChoiceGroup, FileField, SelectField, TextAreaField, TextField } from '../../components/form-fields';
import { graphqlRequest } from '../../graphql/request';
import { fieldId, formErrorsOf, NO_ERRORS, type FormErrors } from '../form/form-errors';
import { canSubmit, periodsByDueDate, type Requirement } from './requirement-status';
import { uploadDocument } from './upload-document';

const PREFIX = 'evidence';
const FIELDS = ['dueOn', 'value', 'comment', 'file', 'alsoFor'] as const;
const ALIASES = { documentId: 'file' };
const id = (field: (typeof FIELDS)[number]) => fieldId(PREFIX, field);

interface EvidenceFormProps {
  requirement: Requirement;
  onSubmitted: (requirement: Requirement) => void;
}

/**
 * Evidence for one period: a value, a comment and a document. The file goes to POST /documents first, then the
 * mutation links it. One idempotency key per form, so a double click or a retry after a lost answer stores once.
 */
export function EvidenceForm({ requirement, onSubmitted }: EvidenceFormProps) {
  const { t } = useTranslation();
  const open = periodsByDueDate(requirement).filter(canSubmit);
  const [dueOn, setDueOn] = useState(open[0]?.dueOn ?? '');
  const [value, setValue] = useState('');
  const [comment, setComment] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [fileInputKey, setFileInputKey] = useState(0);
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  // Other contracts asking the same requirement in this period: all chosen unless the provider unticks one.
  const [notFor, setNotFor] = useState<readonly string[]>([]);
  const alsoCountsFor = open.find((p) => p.dueOn === dueOn)?.alsoCountsFor ?? [];
  // The file of this form once uploaded: a second submit links the same document instead of uploading again.
  const uploaded = useRef<{ file: File; documentId: string } | null>(null);

  if (open.length === 0) return null;

  async function documentIdFor(chosen: File | null): Promise<string | undefined> {
    if (!chosen) return undefined;
    if (uploaded.current?.file === chosen) return uploaded.current.documentId;
    const document = await uploadDocument(chosen);
    uploaded.current = { file: chosen, documentId: document.id };
    return document.id;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const documentId = await documentIdFor(file);
      const alsoFor = alsoCountsFor.map((t) => t.requirementId).filter((id) => !notFor.includes(id));
      const input = { requirementId: requirement.id, dueOn, value: value.trim() || undefined, comment: comment.trim() || undefined, documentId, idempotencyKey, alsoFor };
      const { submitQualityEvidence } = await graphqlRequest(SubmitQualityEvidenceDocument, { input });
      setErrors(NO_ERRORS);
      setDueOn(periodsByDueDate(submitQualityEvidence).filter(canSubmit)[0]?.dueOn ?? '');
      setValue('');
      setComment('');
      setNotFor([]);
      setFile(null);
      setFileInputKey((n) => n + 1);
      uploaded.current = null;
      setIdempotencyKey(crypto.randomUUID());
      onSubmitted(submitQualityEvidence);
    } catch (err) {
      setErrors(formErrorsOf(err, PREFIX, FIELDS, ALIASES));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-labelledby="evidence-form-title">
      <Heading2 id="evidence-form-title">{t('procurement.evidence.formTitle')}</Heading2>
      <ErrorSummary errors={errors.summary} />
      <SelectField id={id('dueOn')} label={t('procurement.evidence.period')} value={dueOn} onChange={(e) => setDueOn(e.target.value)} errorMessage={errors.byField.dueOn}
        options={open.map((p) => ({ value: p.dueOn, label: t('procurement.evidence.periodOption', { date: formatDateNl(p.dueOn), status: p.statusLabel }) }))} />
      <TextField id={id('value')} label={t('procurement.evidence.value')} description={t('procurement.evidence.valueHint', { norm: requirement.norm })}
        value={value} onChange={(e) => setValue(e.target.value)} errorMessage={errors.byField.value} autoComplete="off" />
      <TextAreaField id={id('comment')} label={t('procurement.evidence.comment')} value={comment} onChange={(e) => setComment(e.target.value)} errorMessage={errors.byField.comment} />
      <FileField key={fileInputKey} id={id('file')} label={t('procurement.evidence.file')} description={t('procurement.evidence.fileHint')}
        accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg" errorMessage={errors.byField.file}
        onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      {alsoCountsFor.length > 0 && (
        <ChoiceGroup id={id('alsoFor')} type="checkbox" name="alsoFor" legend={t('procurement.evidence.alsoFor')} description={t('procurement.evidence.alsoForHint')}
          errorMessage={errors.byField.alsoFor}
          options={alsoCountsFor.map((target) => ({ value: target.requirementId, label: t('procurement.evidence.alsoForOption', { lot: target.lotName, title: target.title, date: formatDateNl(target.dueOn) }) }))}
          selected={alsoCountsFor.map((target) => target.requirementId).filter((rid) => !notFor.includes(rid))}
          onToggle={(rid, checked) => setNotFor((current) => (checked ? current.filter((x) => x !== rid) : [...current, rid]))} />
      )}
      <Button appearance="primary-action-button" type="submit" disabled={busy}>
        {busy ? t('procurement.evidence.submitting') : t('procurement.evidence.submit')}
      </Button>
    </form>
  );
}

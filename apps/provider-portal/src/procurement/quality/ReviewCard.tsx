import { ReviewQualityEvidenceDocument, type EvidenceDecision, type QualityReviewQueueQuery } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Button, ButtonGroup, Heading2 } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../components/ErrorSummary';
import { graphqlRequest } from '../../graphql/request';
import { fieldId, formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from '../form/form-errors';
import { TextAreaField } from '../../components/form-fields';
import { formatMomentNl } from '../format';
import { DocumentLink } from './DocumentLink';

export type EvidenceForReview = QualityReviewQueueQuery['qualityReviewPage']['items'][number];

interface ReviewCardProps {
  evidence: EvidenceForReview;
  onReviewed: (evidence: EvidenceForReview, decision: EvidenceDecision) => void;
}

/** One piece of submitted evidence with its document; accept, or reject with a required reason. */
export function ReviewCard({ evidence, onReviewed }: ReviewCardProps) {
  const { t } = useTranslation();
  const prefix = `review-${evidence.id}`;
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const reasonRef = useRef<HTMLTextAreaElement>(null);
  const titleId = `${prefix}-title`;

  useEffect(() => {
    if (rejecting) reasonRef.current?.focus();
  }, [rejecting]);

  async function review(decision: EvidenceDecision) {
    if (decision === 'REJECTED' && !reason.trim()) {
      setErrors(localErrors(prefix, [['reason', t('procurement.review.reasonRequired')]]));
      return;
    }
    setBusy(true);
    try {
      await graphqlRequest(ReviewQualityEvidenceDocument, { input: { evidenceId: evidence.id, decision, reason: decision === 'REJECTED' ? reason.trim() : undefined } });
      onReviewed(evidence, decision);
    } catch (err) {
      setErrors(formErrorsOf(err, prefix, ['reason']));
      setBusy(false);
    }
  }

  const submitRejection = (event: FormEvent) => {
    event.preventDefault();
    void review('REJECTED');
  };

  return (
    <article className="portal-panel portal-review-card" aria-labelledby={titleId}>
      <Heading2 id={titleId} className="portal-review-card__title">{`${evidence.providerName}: ${evidence.requirementTitle}`}</Heading2>
      <dl className="portal-summary-list">
        <dt>{t('procurement.review.lot')}</dt><dd>{evidence.lotName}</dd>
        <dt>{t('procurement.review.type')}</dt><dd>{evidence.requirementTypeLabel}</dd>
        <dt>{t('procurement.review.norm')}</dt><dd>{evidence.norm}</dd>
        <dt>{t('procurement.review.dueOn')}</dt><dd>{formatDateNl(evidence.dueOn)}</dd>
        <dt>{t('procurement.review.value')}</dt><dd>{evidence.value || '–'}</dd>
        <dt>{t('procurement.review.comment')}</dt><dd>{evidence.comment || '–'}</dd>
        <dt>{t('procurement.review.document')}</dt><dd>{evidence.document ? <DocumentLink document={evidence.document} /> : t('procurement.review.noDocument')}</dd>
        <dt>{t('procurement.review.submitted')}</dt><dd>{t('procurement.review.submittedBy', { when: formatMomentNl(evidence.submittedAt), who: evidence.submittedBy ?? '–' })}</dd>
        {evidence.status !== 'SUBMITTED' && (
          <>
            <dt>{t('procurement.review.decision')}</dt>
            <dd>{t(evidence.status === 'ACCEPTED' ? 'procurement.review.accepted' : 'procurement.review.rejected')}{evidence.reviewReason ? `: ${evidence.reviewReason}` : ''}</dd>
          </>
        )}
      </dl>
      {evidence.status === 'SUBMITTED' && (
        <>
          <ErrorSummary errors={errors.summary} />
          {rejecting ? (
            <form className="portal-form" onSubmit={submitRejection} noValidate>
              <TextAreaField ref={reasonRef} id={fieldId(prefix, 'reason')} label={t('procurement.review.reason')} description={t('procurement.review.reasonHint')}
                value={reason} onChange={(e) => setReason(e.target.value)} errorMessage={errors.byField.reason} />
              <ButtonGroup>
                <Button appearance="primary-action-button" type="submit" disabled={busy}>{t('procurement.review.confirmReject')}</Button>
                <Button appearance="secondary-action-button" type="button" onClick={() => { setRejecting(false); setErrors(NO_ERRORS); }}>
                  {t('procurement.review.cancel')}
                </Button>
              </ButtonGroup>
            </form>
          ) : (
            <ButtonGroup>
              <Button appearance="primary-action-button" type="button" disabled={busy} onClick={() => void review('ACCEPTED')}>{t('procurement.review.accept')}</Button>
              <Button appearance="secondary-action-button" type="button" disabled={busy} onClick={() => setRejecting(true)}>{t('procurement.review.reject')}</Button>
            </ButtonGroup>
          )}
        </>
      )}
    </article>
  );
}

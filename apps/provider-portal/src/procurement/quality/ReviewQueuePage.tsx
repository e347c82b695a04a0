import { EVIDENCE_STATUSES } from '@inburgering/domain';
import { QualityReviewQueueDocument, type EvidenceDecision, type EvidenceStatus } from '@inburgering/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../components/PageHeading';
import { Pagination } from '../../components/Pagination';
import { QueryFeedback } from '../../components/QueryFeedback';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { FocusedAlert } from '../FocusedAlert';
import { SelectField } from '../../components/form-fields';
import { ReviewCard, type EvidenceForReview } from './ReviewCard';

const STATUSES: readonly EvidenceStatus[] = EVIDENCE_STATUSES;
const PAGE_SIZE = 20;

/** The region's queue of submitted evidence, oldest first; reviewed evidence can be looked up by status. */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<EvidenceStatus>('SUBMITTED');
  const [offset, setOffset] = useState(0);
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(QualityReviewQueueDocument, { status, limit: PAGE_SIZE, offset });
  const [done, setDone] = useState<{ message: string; n: number } | null>(null);

  const onReviewed = (evidence: EvidenceForReview, decision: EvidenceDecision) => {
    const key = decision === 'ACCEPTED' ? 'procurement.review.acceptedMessage' : 'procurement.review.rejectedMessage';
    setDone((previous) => ({ message: t(key, { provider: evidence.providerName, requirement: evidence.requirementTitle }), n: (previous?.n ?? 0) + 1 }));
    refetch();
  };

  const items = data?.qualityReviewPage.items ?? [];
  const total = data?.qualityReviewPage.total ?? 0;
  return (
    <>
      <PageHeading>{t('procurement.review.title')}</PageHeading>
      <Paragraph lead>{t('procurement.review.intro')}</Paragraph>
      {done && <FocusedAlert key={done.n} message={done.message} />}
      <div className="portal-filters">
        <SelectField id="review-status" label={t('procurement.review.show')} value={status} onChange={(e) => { setStatus(e.target.value as EvidenceStatus); setOffset(0); }}
          options={STATUSES.map((value) => ({ value, label: t(`procurement.review.statuses.${value}`) }))} />
      </div>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <>
          <Paragraph role="status">{t('procurement.review.count', { count: total })}</Paragraph>
          {items.map((evidence) => <ReviewCard key={evidence.id} evidence={evidence} onReviewed={onReviewed} />)}
          {total > 0 && <Pagination offset={dataVariables?.offset ?? offset} pageSize={PAGE_SIZE} total={total} disabled={loading} onChange={setOffset} />}
        </>
      )}
    </>
  );
}


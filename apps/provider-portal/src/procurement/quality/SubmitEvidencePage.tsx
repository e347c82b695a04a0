import { QualityRequirementDocument } from '@inburgering/contracts';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading';
import { QueryFeedback } from '../../components/QueryFeedback';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { FocusedAlert } from '../FocusedAlert';
import { PROCUREMENT_PATHS } from '../procurement-pages';
import { EvidenceForm } from './EvidenceForm';
import { PeriodsTable } from './PeriodsTable';
import { ReportEvidenceForm } from './ReportEvidenceForm';
import type { Requirement } from './requirement-status';

/** One quality requirement of the provider (loaded on its own, with every period): its norm, the status per period (with the reason of a rejection) and the evidence form. */
export function SubmitEvidencePage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const requirementId = params.get('id') ?? '';
  const { data, error, loading, refetch } = useGraphqlQuery(QualityRequirementDocument, { id: requirementId });
  const [updated, setUpdated] = useState<Requirement | null>(null);
  const [submissions, setSubmissions] = useState(0);
  const onSubmitted = (next: Requirement) => {
    setUpdated(next);
    setSubmissions((n) => n + 1);
  };
  const requirement = (updated?.id === requirementId ? updated : null) ?? data?.qualityRequirement;
  // An unknown id and another organisation's requirement answer alike; trying again cannot help.
  const notFound = error?.code === 'NOT_FOUND';

  return (
    <>
      <PageHeading>{requirement ? requirement.title : t('procurement.evidence.title')}</PageHeading>
      <Paragraph>
        <RouterLink to={PROCUREMENT_PATHS.quality} className="utrecht-link utrecht-link--html-a">{t('procurement.evidence.back')}</RouterLink>
      </Paragraph>
      {notFound ? <Paragraph>{t('procurement.evidence.notFound')}</Paragraph> : <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />}
      {requirement && (
        <>
          <dl className="portal-summary-list">
            <dt>{t('procurement.quality.type')}</dt><dd>{requirement.typeLabel}</dd>
            <dt>{t('procurement.quality.lot')}</dt><dd>{requirement.lotName}</dd>
            <dt>{t('procurement.quality.norm')}</dt><dd>{requirement.norm}</dd>
            <dt>{t('procurement.quality.period')}</dt><dd>{requirement.periodLabel}</dd>
          </dl>
          {submissions > 0 && <FocusedAlert key={submissions} message={t('procurement.evidence.submitted')} />}
          <ReportEvidenceForm key={`report-${requirement.id}`} requirement={requirement} onSubmitted={onSubmitted} />
          <EvidenceForm key={requirement.id} requirement={requirement} onSubmitted={onSubmitted} />
          <Heading2>{t('procurement.evidence.periodsTitle')}</Heading2>
          <PeriodsTable requirement={requirement} />
        </>
      )}
    </>
  );
}


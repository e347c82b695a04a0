import { LotFiguresDocument } from '@inburgering/contracts';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../auth/session-context';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { useFigurePeriod } from './figure-period';
import { FiguresSection } from './FiguresSection';
import { QuarterlyReportsSection } from './QuarterlyReportsSection';

/** A lot's figures with its providers side by side (a provider sees only its own contract). */
export function LotFiguresPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const user = useCurrentUser();
  const { variables: period } = useFigurePeriod();
  const lotId = params.get('id') ?? '';
  const { data, error, loading, refetch } = useGraphqlQuery(LotFiguresDocument, { lotId, ...period });
  const lot = data?.lotFigures.scope.split(':')[0] ?? '';
  return (
    <>
      <PageHeading>{data ? t('figures.lotTitle', { lot }) : t('figures.title')}</PageHeading>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && <FiguresSection figures={data.lotFigures} titleId="lot-figures-title" exportName="perceel" lotId={lotId} kpiList="LOT" />}
      {data && user.role === 'PROJECTLEIDER' && <QuarterlyReportsSection lotId={lotId} />}
    </>
  );
}

import { RegionFiguresDocument, type FigureGrouping } from '@inburgering/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCurrentUser } from '../auth/session-context';
import { SelectField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { useFigurePeriod } from './figure-period';
import { FiguresSection } from './FiguresSection';
import { PlanningSections } from './PlanningSections';
import { QuarterlyReportsSection } from './QuarterlyReportsSection';

/** The figures dashboard of a role: the region by contract or municipality, the own municipality, or the own contracts. */
export function FiguresDashboardPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [groupBy, setGroupBy] = useState<FigureGrouping>('CONTRACT');
  // The projectleider over the region, a provider over its own contracts; a consultant's figures are per contract.
  const canGroup = user.role === 'PROJECTLEIDER' || user.role === 'PROVIDER_USER';
  const { variables: period } = useFigurePeriod();
  const { data, error, loading, refetch } = useGraphqlQuery(RegionFiguresDocument, { groupBy, ...period });
  return (
    <>
      <PageHeading>{t('figures.dashboardTitle')}</PageHeading>
      <Paragraph>{t('figures.dashboardIntro')}</Paragraph>
      {canGroup && (
        <SelectField id="figures-group-by" label={t('figures.groupBy')} value={groupBy} onChange={(e) => setGroupBy(e.target.value as FigureGrouping)}
          options={[{ value: 'CONTRACT', label: t('figures.byContract') }, { value: 'MUNICIPALITY', label: t('figures.byMunicipality') }]} />
      )}
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && <FiguresSection figures={data.regionFigures} titleId="dashboard-figures-title" exportName="cijfers" kpiList="REGION" allContracts />}
      {(user.role === 'PROJECTLEIDER' || user.role === 'CONSULTANT') && <PlanningSections user={user} />}
      {user.role === 'PROJECTLEIDER' && <QuarterlyReportsSection lotId={null} />}
    </>
  );
}

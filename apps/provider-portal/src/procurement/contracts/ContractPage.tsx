import { ContractDocument, ContractFiguresDocument } from '@inburgering/contracts';
import { Alert, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../../auth/session-context';
import { DataTable } from '../../components/data-table/DataTable';
import { PageHeading } from '../../components/PageHeading';
import { QueryFeedback } from '../../components/QueryFeedback';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { useFigurePeriod } from '../../figures/figure-period';
import { lotFiguresPath } from '../../figures/figures-pages';
import { FiguresSection } from '../../figures/FiguresSection';
import { startMomentCapacityColumns } from '../capacity/capacity-columns';
import { FocusedAlert } from '../FocusedAlert';
import { editContractPath, PROCUREMENT_PATHS } from '../procurement-pages';
import { AddRequirementForm } from '../quality/AddRequirementForm';
import { requirementColumns } from '../quality/requirement-columns';
import { ContractDetails } from './ContractDetails';
import { ContractHistory } from './ContractHistory';

/** One contract: its terms, its history (who changed what, when and why), its start moments and quality requirements. */
export function ContractPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params] = useSearchParams();
  const { data, error, loading, refetch } = useGraphqlQuery(ContractDocument, { id: params.get('id') ?? '' });
  const region = user.role !== 'PROVIDER_USER';
  const columns = useMemo(() => ({ moments: startMomentCapacityColumns(t), requirements: requirementColumns(t, !region) }), [t, region]);
  const contract = data?.contract;
  const { variables: period } = useFigurePeriod();
  const figures = useGraphqlQuery(ContractFiguresDocument, { contractId: params.get('id') ?? '', ...period });
  const [added, setAdded] = useState<{ message: string; n: number } | null>(null);
  const onAdded = (message: string) => {
    setAdded((previous) => ({ message, n: (previous?.n ?? 0) + 1 }));
    refetch();
  };

  return (
    <>
      <PageHeading>{contract ? t('procurement.contract.title', { lot: contract.lotName, provider: contract.providerName }) : t('procurement.contract.loadingTitle')}</PageHeading>
      <Paragraph>
        <RouterLink to={region ? PROCUREMENT_PATHS.contracts : PROCUREMENT_PATHS.myContracts} className="utrecht-link utrecht-link--html-a">
          {t('procurement.contract.back')}
        </RouterLink>
      </Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {contract && (
        <>
          {contract.warnings.map((warning) => (
            <Alert key={warning.code} type="warning"><Paragraph>{warning.message}</Paragraph></Alert>
          ))}
          <ContractDetails contract={contract} />
          {region && (
            <Paragraph className="portal-page-actions">
              <RouterLink to={editContractPath(contract.id)} className="utrecht-button-link utrecht-button-link--primary-action">{t('procurement.contract.edit')}</RouterLink>
            </Paragraph>
          )}
          {figures.data && <FiguresSection figures={figures.data.contractFigures} titleId="contract-figures-title" exportName="contract" contractId={contract.id} kpiList="CONTRACT" />}
          <Paragraph>
            <RouterLink to={lotFiguresPath(contract.lotId)} className="utrecht-link utrecht-link--html-a">{t('figures.lotLink')}</RouterLink>
          </Paragraph>
          <Heading2>{t('procurement.contract.historyTitle')}</Heading2>
          <ContractHistory history={contract.history} />
          <Heading2>{t('procurement.contract.momentsTitle')}</Heading2>
          <DataTable stacksOnPhone caption={t('procurement.contract.momentsCaption')} columns={columns.moments} rows={contract.startMoments} rowKey={(m) => m.id}
            emptyMessage={t('procurement.capacity.noMoments')} />
          <Heading2>{t('procurement.contract.requirementsTitle')}</Heading2>
          <DataTable stacksOnPhone caption={t('procurement.contract.requirementsCaption')} columns={columns.requirements} rows={contract.qualityRequirements}
            rowKey={(r) => r.id} rowHeader="title" emptyMessage={t('procurement.quality.empty')} />
          {added && <FocusedAlert key={added.n} message={added.message} />}
          {region && <AddRequirementForm contractId={contract.id} onAdded={onAdded} />}
        </>
      )}
    </>
  );
}

import { ContractsDocument, StartMomentsDocument } from '@inburgering/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table/DataTable';
import { PageHeading } from '../../components/PageHeading';
import { QueryFeedback } from '../../components/QueryFeedback';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';
import { FocusedAlert } from '../FocusedAlert';
import { startMomentCapacityColumns } from '../capacity/capacity-columns';
import { ChangeSeatsForm } from './ChangeSeatsForm';
import { DeclareStartMomentForm } from './DeclareStartMomentForm';

/** The provider's start moments with seats, taken, free and waiting; declare a new one or change the seats. */
export function StartMomentsPage() {
  const { t } = useTranslation();
  const moments = useGraphqlQuery(StartMomentsDocument, {});
  const contracts = useGraphqlQuery(ContractsDocument, {});
  const [saved, setSaved] = useState<{ message: string; n: number } | null>(null);
  const columns = useMemo(() => startMomentCapacityColumns(t).filter((column) => column.id !== 'provider'), [t]);
  const running = (contracts.data?.contracts ?? []).filter((c) => c.status === 'ACTIVE' || c.status === 'EXTENDED');

  const onSaved = (message: string) => {
    setSaved((previous) => ({ message, n: (previous?.n ?? 0) + 1 }));
    moments.refetch();
  };

  return (
    <>
      <PageHeading>{t('procurement.startMoments.title')}</PageHeading>
      <Paragraph lead>{t('procurement.startMoments.intro')}</Paragraph>
      {saved && <FocusedAlert key={saved.n} message={saved.message} />}
      <QueryFeedback loading={moments.loading} error={moments.error ?? contracts.error} hasData={Boolean(moments.data)} onRetry={moments.refetch} />
      {moments.data && (
        <DataTable stacksOnPhone caption={t('procurement.startMoments.caption', { count: moments.data.startMoments.length })} columns={columns} rows={moments.data.startMoments}
          rowKey={(m) => m.id} exportFileName={t('procurement.startMoments.exportName')} emptyMessage={t('procurement.capacity.noMoments')} busy={moments.loading} filterable />
      )}
      {contracts.data && running.length > 0 && <DeclareStartMomentForm contracts={running} onDeclared={onSaved} />}
      {moments.data && <ChangeSeatsForm moments={moments.data.startMoments} onChanged={onSaved} />}
    </>
  );
}


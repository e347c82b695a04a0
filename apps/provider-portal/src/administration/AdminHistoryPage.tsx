import { AdminChangesDocument, type AdminChangesQuery } from '@inburgering/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { moment } from './admin-format';

type Change = AdminChangesQuery['adminChanges']['items'][number];
const PAGE = 50;

/** Who changed what and when in the administration (issue 14). */
export function AdminHistoryPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t('adminNav.history')}</PageHeading>
      <Paragraph lead>{t('admin.history.intro')}</Paragraph>
      <AdminHistorySection />
    </>
  );
}

export function AdminHistorySection() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const { data, error, loading, refetch } = useGraphqlQuery(AdminChangesDocument, { limit: PAGE, offset });
  const columns: DataTableColumn<Change>[] = [
    { id: 'occurredAt', header: t('admin.history.when'), text: (c) => moment(c.occurredAt), sortValue: (c) => c.occurredAt },
    { id: 'actorName', header: t('admin.history.who'), text: (c) => c.actorName },
    { id: 'summary', header: t('admin.history.what'), text: (c) => c.summary },
  ];
  return (
    <>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable caption={t('admin.history.caption')} columns={columns} rows={data.adminChanges.items} rowKey={(c) => c.id} rowHeader="occurredAt"
          exportFileName="beheer-geschiedenis" emptyMessage={t('admin.history.empty')}
          footer={<Pagination offset={offset} pageSize={PAGE} total={data.adminChanges.total} onChange={setOffset} />} />
      )}
    </>
  );
}

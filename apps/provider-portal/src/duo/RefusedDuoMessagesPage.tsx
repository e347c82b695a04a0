import { RefusedDuoMessagesDocument, type DuoMessageFieldsFragment } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Paragraph } from '@utrecht/component-library-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router-dom';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { fetchAllPages } from '../graphql/fetch-all-pages';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { clientPath } from '../placements/placement-pages';

const PAGE_SIZE = 50;
const EXPORT_PAGE_SIZE = 200;

const day = (value: string | null) => (value ? formatDateNl(value.slice(0, 10)) : '');

/** The municipality's messages DUO (or the check before sending) refused and that no later message resolved: why, and what to fix. */
export function RefusedDuoMessagesPage() {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(RefusedDuoMessagesDocument, { limit: PAGE_SIZE, offset });
  const exportAll = useCallback(
    () => fetchAllPages(async (from, limit) => (await graphqlRequest(RefusedDuoMessagesDocument, { limit, offset: from })).refusedDuoMessagePage, EXPORT_PAGE_SIZE),
    [],
  );
  const columns: DataTableColumn<DuoMessageFieldsFragment>[] = [
    {
      id: 'client',
      header: t('duoRefused.client'),
      text: (m) => String(m.clientNumber),
      sortValue: (m) => m.clientNumber,
      render: (m) => (
        <RouterLink to={clientPath(m.clientId)} className="utrecht-link utrecht-link--html-a" aria-label={t('duoRefused.clientLink', { number: m.clientNumber })}>
          {String(m.clientNumber)}
        </RouterLink>
      ),
    },
    { id: 'kind', header: t('duoMessages.kind'), text: (m) => m.kindLabel },
    { id: 'answered', header: t('duoRefused.refusedOn'), text: (m) => day(m.answeredAt ?? m.createdAt), sortValue: (m) => m.answeredAt ?? m.createdAt },
    { id: 'reasons', header: t('duoRefused.reasons'), text: (m) => m.errors.join(' '), sortable: false },
    { id: 'fix', header: t('duoRefused.fix'), text: (m) => t(`duoRefused.fixes.${m.kind}`), sortable: false },
  ];
  return (
    <>
      <PageHeading>{t('duoNav.refused')}</PageHeading>
      <Paragraph>{t('duoRefused.intro')}</Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable stacksOnPhone
          caption={t('duoRefused.caption')}
          columns={columns}
          rows={data.refusedDuoMessagePage.items}
          rowKey={(m) => m.id}
          rowHeader="client"
          exportFileName="duo-geweigerd"
          filterable
          emptyMessage={t('duoRefused.empty')}
          busy={loading}
          exportAll={exportAll}
          footer={<Pagination offset={dataVariables?.offset ?? offset} pageSize={PAGE_SIZE} total={data.refusedDuoMessagePage.total} disabled={loading} onChange={setOffset} />}
        />
      )}
    </>
  );
}

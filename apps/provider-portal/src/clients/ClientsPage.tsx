import { ClientsDocument } from '@inburgering/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../auth/session-context';
import { DataTable } from '../components/data-table/DataTable';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { clientColumns } from './client-columns';
import { ClientSearch } from './ClientSearch';

const PAGE_SIZE = 50;

/** The consultant's clients: search, one page of 50, deadline badges. Search and page live in the URL. */
export function ClientsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [params, setParams] = useSearchParams();
  const search = params.get('zoek') ?? '';
  const offset = Math.max(0, Number(params.get('vanaf')) || 0);
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(ClientsDocument, { search: search || null, limit: PAGE_SIZE, offset });
  const columns = useMemo(() => clientColumns(t), [t]);

  const update = (next: { zoek?: string; vanaf?: number }) => {
    const values = new URLSearchParams();
    const zoek = next.zoek ?? search;
    const vanaf = next.vanaf ?? 0;
    if (zoek) values.set('zoek', zoek);
    if (vanaf > 0) values.set('vanaf', String(vanaf));
    setParams(values);
  };

  return (
    <>
      <PageHeading>{t('clients.title')}</PageHeading>
      <Paragraph lead>{t('clients.intro', { organisation: user.organisation.name })}</Paragraph>
      <ClientSearch search={search} onSearch={(zoek) => update({ zoek, vanaf: 0 })} />
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <>
          {dataVariables?.search && (
            <Paragraph role="status">{t('clients.searchResult', { count: data.clients.total, search: dataVariables.search })}</Paragraph>
          )}
          <DataTable
            caption={t('clients.caption', { organisation: user.organisation.name })}
            columns={columns}
            rows={data.clients.items}
            rowKey={(client) => client.id}
            rowHeader="name"
            exportFileName={t('clients.exportName')}
            emptyMessage={t('clients.empty')}
            busy={loading}
            footer={
              <Pagination
                offset={dataVariables?.offset ?? offset}
                pageSize={PAGE_SIZE}
                total={data.clients.total}
                disabled={loading}
                onChange={(vanaf) => update({ vanaf })}
              />
            }
          />
        </>
      )}
    </>
  );
}

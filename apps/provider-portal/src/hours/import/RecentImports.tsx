import { ImportBatchesDocument, type ImportBatchFieldsFragment, type ImportStatus } from '@inburgering/contracts';
import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { DataTable, type DataTableColumn } from '../../components/data-table/DataTable';
import { Pagination } from '../../components/Pagination';
import { QueryFeedback } from '../../components/QueryFeedback';
import { fetchAllPages } from '../../graphql/fetch-all-pages';
import { graphqlRequest } from '../../graphql/request';
import { useGraphqlQuery } from '../../graphql/use-graphql-query';

const number = (value: number) => value.toLocaleString('nl-NL');
const PAGE_SIZE = 20;
const EXPORT_PAGE_SIZE = 200;

/** A moment as d-M-yyyy HH:mm in Europe/Amsterdam (e.g. 3-2-2026 09:05). */
export function formatMomentNl(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${Number(get('day'))}-${Number(get('month'))}-${get('year')} ${get('hour').padStart(2, '0')}:${get('minute').padStart(2, '0')}`;
}

/**
 * The provider's imports, newest first and paged with the total (the page in the address as `vanaf`), each linking to its
 * report; reloaded when another report is opened (a new upload).
 */
export function RecentImports({ currentBatchId, currentStatus }: { currentBatchId: string | null; currentStatus: ImportStatus | null }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const offset = Math.max(0, Number.parseInt(params.get('vanaf') ?? '0', 10) || 0);
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(ImportBatchesDocument, { limit: PAGE_SIZE, offset });
  const exportAll = useCallback(
    () => fetchAllPages(async (from, limit) => (await graphqlRequest(ImportBatchesDocument, { limit, offset: from })).importBatchPage, EXPORT_PAGE_SIZE),
    [],
  );
  const goTo = (next: number) => {
    const changed = new URLSearchParams(params);
    if (next > 0) changed.set('vanaf', String(next));
    else changed.delete('vanaf');
    setParams(changed);
  };
  // Reload when the opened report or its status changes, so a new import shows up with its result.
  useEffect(() => {
    if (currentBatchId && currentStatus) refetch();
  }, [currentBatchId, currentStatus, refetch]);
  const columns = useMemo((): DataTableColumn<ImportBatchFieldsFragment>[] => [
    {
      id: 'file', header: t('hourImport.recentFile'), text: (b) => b.filename, sortable: true,
      render: (b) => (
        <Link to={`/uren/import?import=${encodeURIComponent(b.id)}`} aria-label={t('hourImport.recentReport', { file: b.filename, date: formatMomentNl(b.createdAt) })}>
          {b.filename}
        </Link>
      ),
    },
    { id: 'date', header: t('hourImport.recentDate'), text: (b) => formatMomentNl(b.createdAt), sortValue: (b) => b.createdAt, sortable: true },
    { id: 'status', header: t('hourImport.recentStatus'), text: (b) => t(`hourImport.statusShort.${b.status}`), sortable: true },
    { id: 'rows', header: t('hourImport.recentRows'), text: (b) => (b.totalRows === null ? '' : number(b.totalRows)), sortValue: (b) => b.totalRows ?? -1, sortable: true, numeric: true },
    { id: 'errors', header: t('hourImport.recentErrors'), text: (b) => number(b.errorCount), sortValue: (b) => b.errorCount, sortable: true, numeric: true },
  ], [t]);
  return (
    <div className="hours-recent-imports">
      <h2 id="recent-imports" className="utrecht-heading-2">{t('hourImport.recent')}</h2>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable stacksOnPhone caption={t('hourImport.recentCaption')} columns={columns} rows={data.importBatchPage.items} rowKey={(b) => b.id} rowHeader="file"
          emptyMessage={t('hourImport.recentEmpty')} busy={loading} exportFileName={t('hourImport.recentExportName')} exportAll={exportAll}
          footer={<Pagination offset={dataVariables?.offset ?? offset} pageSize={PAGE_SIZE} total={data.importBatchPage.total} disabled={loading} onChange={goTo} />} />
      )}
    </div>
  );
}

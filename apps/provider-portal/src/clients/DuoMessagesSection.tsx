import { DuoMessagesDocument, type DuoMessageFieldsFragment } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Heading2 } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { DuoContactPersonForm } from './DuoContactPersonForm';

const day = (value: string | null) => (value ? formatDateNl(value.slice(0, 10)) : '');

/** The client's messages to DUO with their status, and for a refused one why (DUO's texts, or the check before sending). */
export function DuoMessagesSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(DuoMessagesDocument, { clientId });
  const columns: DataTableColumn<DuoMessageFieldsFragment>[] = [
    { id: 'kind', header: t('duoMessages.kind'), text: (m) => m.kindLabel },
    { id: 'status', header: t('duoMessages.status'), text: (m) => t(`duoMessages.statuses.${m.status}`) },
    { id: 'created', header: t('duoMessages.created'), text: (m) => day(m.createdAt), sortValue: (m) => m.createdAt },
    { id: 'answered', header: t('duoMessages.answered'), text: (m) => day(m.answeredAt), sortValue: (m) => m.answeredAt ?? '' },
    { id: 'reasons', header: t('duoMessages.reasons'), text: (m) => [...m.errors, ...(m.lastError ? [m.lastError] : [])].join(' '), sortable: false },
  ];
  return (
    <section aria-labelledby="duo-heading">
      <Heading2 id="duo-heading">{t('duoMessages.heading')}</Heading2>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable stacksOnPhone
          caption={t('duoMessages.caption')}
          columns={columns}
          rows={data.duoMessages}
          rowKey={(m) => m.id}
          rowHeader="kind"
          exportFileName="duo-berichten"
          emptyMessage={t('duoMessages.empty')}
        />
      )}
      <DuoContactPersonForm clientId={clientId} onSaved={refetch} />
    </section>
  );
}

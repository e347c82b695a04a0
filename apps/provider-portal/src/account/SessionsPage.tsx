import { LogoutEverywhereDocument, MySessionsDocument, type MySessionsQuery } from '@inburgering/contracts';
import { Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { ConfirmButton } from '../components/ConfirmButton';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { useGraphqlQuery } from '../graphql/use-graphql-query';

type Session = MySessionsQuery['mySessions'][number];

const moment = (iso: string) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

/** The user's own sessions (issue 14), and "log out everywhere" for a lost phone or a shared computer. */
export function SessionsPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(MySessionsDocument, {});
  const { logout } = useSession();
  const [failure, setFailure] = useState<string | null>(null);
  const columns: DataTableColumn<Session>[] = [
    { id: 'createdAt', header: t('sessions.createdAt'), text: (s) => moment(s.createdAt), sortValue: (s) => s.createdAt, sortable: true },
    { id: 'expiresAt', header: t('sessions.expiresAt'), text: (s) => moment(s.expiresAt), sortValue: (s) => s.expiresAt, sortable: true },
    { id: 'current', header: t('sessions.thisBrowser'), text: (s) => (s.current ? t('sessions.current') : '') },
  ];

  async function logoutEverywhere() {
    setFailure(null);
    try {
      await graphqlRequest(LogoutEverywhereDocument, {});
      // This browser's session ended too: back to the login page, as after logging out.
      await logout();
    } catch (err) {
      setFailure(err instanceof GraphqlRequestError ? err.message : t('errors.unexpected'));
    }
  }

  return (
    <>
      <PageHeading>{t('sessions.title')}</PageHeading>
      <Paragraph lead>{t('sessions.intro')}</Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && (
        <DataTable caption={t('sessions.caption')} columns={columns} rows={data.mySessions} rowKey={(s) => s.id} rowHeader="createdAt" emptyMessage={t('sessions.empty')} />
      )}
      <ConfirmButton question={t('sessions.everywhereQuestion')} confirmText={t('sessions.everywhereConfirm')} onConfirm={() => void logoutEverywhere()}>
        {t('sessions.everywhere')}
      </ConfirmButton>
      {failure && <p role="alert">{failure}</p>}
    </>
  );
}

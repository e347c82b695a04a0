import { AbsenceSignalsDocument, AcknowledgeAbsenceSignalDocument } from '@inburgering/contracts';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../auth/session-context';
import { PageHeading } from '../components/PageHeading';
import { Pagination } from '../components/Pagination';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import './hours.css';

const PAGE_SIZE = 50;

const moment = (iso: string) => new Date(iso).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit' });

/** The consultant's absence signals (acknowledge with what was done); a provider sees which signals were raised. */
export function AbsenceSignalsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const consultant = user.role === 'CONSULTANT';
  const [openOnly, setOpenOnly] = useState(consultant);
  const [offset, setOffset] = useState(0);
  const { data, dataVariables, error, loading, refetch } = useGraphqlQuery(AbsenceSignalsDocument, { openOnly, limit: PAGE_SIZE, offset });
  const [resolutions, setResolutions] = useState<Record<string, string>>({});

  async function acknowledge(signalId: string) {
    await graphqlRequest(AcknowledgeAbsenceSignalDocument, { input: { signalId, resolution: resolutions[signalId] || null } });
    refetch();
  }

  return (
    <>
      <PageHeading>{t('absenceSignals.title')}</PageHeading>
      <Paragraph lead>{t(consultant ? 'absenceSignals.intro' : 'absenceSignals.providerIntro')}</Paragraph>
      <Paragraph>
        <input id="signals-open-only" type="checkbox" checked={openOnly} onChange={(e) => { setOpenOnly(e.target.checked); setOffset(0); }} />{' '}
        <label htmlFor="signals-open-only">{t('absenceSignals.openOnly')}</label>
      </Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {data && data.signalPage.total === 0 && <Paragraph>{t('absenceSignals.empty')}</Paragraph>}
      {data && data.signalPage.items.length > 0 && (
        <ul className="hours-list" aria-label={t('absenceSignals.title')}>
          {data.signalPage.items.map((signal) => (
            <li key={signal.id}>
              <Heading2>{t(`absenceSignals.kinds.${signal.kind as 'ABSENCE_UNEXCUSED_SERIES' | 'ABSENCE_LOW_ATTENDANCE'}`)}</Heading2>
              {signal.clientName && <Paragraph><strong>{signal.clientName}</strong></Paragraph>}
              <Paragraph>{signal.message}</Paragraph>
              <Paragraph className="portal-muted">
                {t('absenceSignals.raisedAt', { date: moment(signal.raisedAt) })}
                {signal.acknowledgedAt && <> · {t('absenceSignals.acknowledged', { date: moment(signal.acknowledgedAt) })}{signal.resolution ? `: ${signal.resolution}` : ''}</>}
              </Paragraph>
              <Paragraph><Link to={`/voortgang?client=${encodeURIComponent(signal.subjectId)}`}>{t('absenceSignals.progress')}</Link></Paragraph>
              {consultant && !signal.acknowledgedAt && (
                <Paragraph>
                  <label htmlFor={`resolution-${signal.id}`}>{t('absenceSignals.resolution')}</label>
                  <br />
                  <input id={`resolution-${signal.id}`} className="utrecht-textbox hour-grid__wide" value={resolutions[signal.id] ?? ''}
                    onChange={(e) => setResolutions((r) => ({ ...r, [signal.id]: e.target.value }))} />{' '}
                  <Button type="button" appearance="primary-action-button" onClick={() => void acknowledge(signal.id)}>{t('absenceSignals.acknowledge')}</Button>
                </Paragraph>
              )}
            </li>
          ))}
        </ul>
      )}
      {data && data.signalPage.total > 0 && (
        <Pagination offset={dataVariables?.offset ?? offset} pageSize={PAGE_SIZE} total={data.signalPage.total} disabled={loading} onChange={setOffset} />
      )}
    </>
  );
}

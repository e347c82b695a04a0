import { ClientProgressDocument, type ClientProgressQuery } from '@inburgering/contracts';
import { formatDateNl, formatHoursNl, formatPercentNl } from '@inburgering/domain';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { useCurrentUser } from '../auth/session-context';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { ResultForm } from './ResultForm';
import '../hours/hours.css';

type Progress = ClientProgressQuery['clientProgress'];

/** Hours against the norms of the route and the PIP, attendance and results of one client (?client=<id>). */
export function ClientProgressPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const clientId = params.get('client');
  return (
    <>
      <PageHeading>{t('progress.title')}</PageHeading>
      {clientId ? <ProgressOf clientId={clientId} /> : <ChooseClient />}
    </>
  );
}

/** Without a client the page points to where the user picks one: the caseload (consultant) or the placed clients (provider). */
function ChooseClient() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <Paragraph>
      {t('progress.choose')}{' '}
      <RouterLink to={user.role === 'PROVIDER_USER' ? '/mijn-inburgeraars' : '/inburgeraars'} className="utrecht-link utrecht-link--html-a">{t('progress.chooseLink')}</RouterLink>
    </Paragraph>
  );
}

function ProgressOf({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const { data, error, loading, refetch } = useGraphqlQuery(ClientProgressDocument, { clientId });
  const progress: Progress | undefined = data?.clientProgress;
  return (
    <>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {progress && (
        <>
          <Heading2>{t('progress.heading', { name: progress.clientName, number: String(progress.clientNumber) })}</Heading2>
          <Paragraph>{progress.attendancePercent === null ? t('progress.noAttendance') : t('progress.attendance', { percent: formatPercentNl(progress.attendancePercent) })}</Paragraph>
          <h3 className="utrecht-heading-3">{t('progress.norms')}</h3>
          <ul className="hours-list">
            {progress.norms.map((norm) => (
              <li key={norm.code}>
                <strong>{norm.label}</strong>: {t('progress.norm', { achieved: formatHoursNl(norm.achievedMinutes), required: formatHoursNl(norm.requiredMinutes) })}
                {norm.met ? ` (${t('progress.met')})` : ''}
                <br />
                <progress className="hours-progress-bar" max={100} value={norm.percent} aria-label={norm.label} />
              </li>
            ))}
          </ul>
          {progress.instroomklasPlannedMinutes > 0 && (
            <Paragraph data-testid="progress-instroomklas">
              {t('instroomklas.hours')}: {t('instroomklas.hoursValue', { attended: formatHoursNl(progress.instroomklasAttendedMinutes), planned: formatHoursNl(progress.instroomklasPlannedMinutes) })}
            </Paragraph>
          )}
          <h3 className="utrecht-heading-3">{t('progress.placements')}</h3>
          <ul className="hours-list">
            {progress.placements.map((p) => (
              <li key={p.placementId}>
                {p.kind === 'INSTROOMKLAS' && `${t('instroomklas.lot')} · `}
                {t('progress.placementLine', { provider: p.providerName, attended: formatHoursNl(p.attendedMinutes), planned: formatHoursNl(p.plannedMinutes) })}
                {p.attendancePercent !== null && ` (${formatPercentNl(p.attendancePercent)})`}
              </li>
            ))}
          </ul>
          <h3 className="utrecht-heading-3">{t('progress.results')}</h3>
          {progress.results.length === 0 ? <Paragraph>{t('progress.noResults')}</Paragraph> : (
            <ul className="hours-list">
              {progress.results.map((r) => (
                <li key={r.id}>
                  {t('progress.resultLine', {
                    date: formatDateNl(r.resultDate),
                    what: [t(`resultForm.kinds.${r.kind}`), r.examPart ? t(`resultForm.parts.${r.examPart}`) : null, r.level, r.attempt ? t('progress.attempt', { attempt: String(r.attempt) }) : null,
                      r.passed === null ? null : t(r.passed ? 'progress.passed' : 'progress.failed')].filter(Boolean).join(', '),
                  })}
                </li>
              ))}
            </ul>
          )}
          <ResultForm key={progress.clientId} clientId={progress.clientId} route={progress.route ?? null} placementId={user.role === 'PROVIDER_USER' ? progress.placements[0]?.placementId ?? null : null} onSaved={refetch} />
        </>
      )}
    </>
  );
}

import { ClientDetailDocument, RevealBsnDocument, WithdrawPlacementDocument, type ClientDetailQuery } from '@inburgering/contracts';
import { allowedPlacementTransitions, formatDateNl, formatHoursNl, levelLabel, PLACEMENT_STATUSES, routeLabel, targetGroupLabel } from '@inburgering/domain';
import { Alert, Button, DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useSearchParams } from 'react-router-dom';
import { DeadlineBadge } from '../components/DeadlineBadge';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { requestPath } from '../placements/placement-pages';
import { EndPlacementForm } from '../placements/EndPlacementForm';
import { PlacementHistory } from '../placements/PlacementHistory';
import { ActionPanel } from './ActionPanel';
import { ClientActions } from './ClientActions';
import { AccessRequestSection } from './AccessRequestSection';
import { ClientHistory } from './ClientHistory';
import { DuoMessagesSection } from './DuoMessagesSection';
import { InstroomklasSection } from './InstroomklasSection';
import { ClientOutcomeSection } from '../figures/ClientOutcomeSection';
import { ClientMapPartsSection } from '../map-cafeteria/ClientMapPartsSection';

type ClientDetail = ClientDetailQuery['client'];

const ENDABLE = new Set(PLACEMENT_STATUSES.filter((status) => allowedPlacementTransitions(status).includes('ENDED')));
/** The progress page of the hours slice (hours against the norms, results). */
const progressPath = (clientId: string) => `/voortgang?client=${encodeURIComponent(clientId)}`;

/** One client: personal and intake data, PIP, deadlines with their status, placement history and the actions. */
export function ClientPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const id = params.get('id') ?? '';
  const { data, error, loading, refetch } = useGraphqlQuery(ClientDetailDocument, { id });
  const client = data?.client;
  const [notice, setNotice] = useState<string | null>(null);
  const done = (message: string) => {
    setNotice(message);
    refetch();
  };
  return (
    <>
      <PageHeading>{client ? `${client.firstName} ${client.lastName}` : t('placementNav.client')}</PageHeading>
      <Paragraph>
        <RouterLink to="/inburgeraars" className="utrecht-link utrecht-link--html-a">{t('clientPage.backToList')}</RouterLink>
        {client && (
          <>
            {' · '}
            <RouterLink to={progressPath(client.id)} className="utrecht-link utrecht-link--html-a">{t('clientPage.progressLink')}</RouterLink>
          </>
        )}
      </Paragraph>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {client && (
        <>
          {params.get('aangemeld') && (
            <Alert type="ok" role="status">
              <Paragraph>{params.get('aangemeld') === 'WAITING' ? t('clientPage.waiting') : t('clientPage.requested')}</Paragraph>
            </Alert>
          )}
          {notice && (
            <Alert type="ok" role="status">
              <Paragraph>{notice}</Paragraph>
            </Alert>
          )}
          <PersonData client={client} />
          <Deadlines client={client} />
          <DeadlineSignals signals={data.client.deadlineSignals} />
          <ClientActions client={client} onDone={done} />
          <section aria-labelledby="placements-heading">
            <Heading2 id="placements-heading">{t('clientPage.placements')}</Heading2>
            {client.placementStatus === 'NONE' &&
              (client.route ? (
                <Paragraph>
                  <RouterLink to={requestPath(client.id)} className="utrecht-button-link utrecht-button-link--primary-action">{t('clientPage.requestPlacement')}</RouterLink>
                </Paragraph>
              ) : (
                <Paragraph>{t('clientPage.needPip')}</Paragraph>
              ))}
            {/* Modules run beside the route: with a route placement running, the client can still be placed on a module lot. */}
            {client.placementStatus !== 'NONE' && client.route && (
              <Paragraph>
                <RouterLink to={requestPath(client.id)} className="utrecht-button-link utrecht-button-link--secondary-action">{t('clientPage.requestModule')}</RouterLink>
              </Paragraph>
            )}
            <PlacementHistory
              placements={client.placements}
              onWithdraw={async (p) => {
                await graphqlRequest(WithdrawPlacementDocument, { input: { placementId: p.id, version: p.version } });
                // The request is gone: the banner of the request ("staat op de wachtlijst") goes with it.
                setParams((current) => { const next = new URLSearchParams(current); next.delete('aangemeld'); return next; }, { replace: true });
                done(t('clientPage.withdrawn'));
              }}
            />
            <EndPlacementAction placements={client.placements} onDone={done} />
          </section>
          <InstroomklasSection client={client} onDone={done} />
          <ClientMapPartsSection clientId={client.id} />
          <ClientOutcomeSection clientId={client.id} />
          <ClientHistory history={client.history} />
          <DuoMessagesSection clientId={client.id} />
          <AccessRequestSection clientId={client.id} />
        </>
      )}
    </>
  );
}

/** "Plaatsing beëindigen" for the running (accepted or started) placement, if there is one. */
function EndPlacementAction({ placements, onDone }: { placements: ClientDetail['placements']; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  // The instroomklas ends in its own section (with "Route gestart").
  const running = placements.find((p) => ENDABLE.has(p.status) && p.kind !== 'INSTROOMKLAS');
  if (!running) return null;
  return (
    <ActionPanel key={running.id} id="action-end-placement" label={t('clientActions.end.open')}>
      {(close) => <EndPlacementForm placement={running} onCancel={close} onDone={(message) => { close(); onDone(message); }} />}
    </ActionPanel>
  );
}

function PersonData({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const none = t('clientPage.none');
  const [bsn, setBsn] = useState<string | null>(null);
  const [revealError, setRevealError] = useState<string | null>(null);
  const reveal = () =>
    graphqlRequest(RevealBsnDocument, { clientId: client.id }).then(
      (result) => setBsn(result.revealBsn),
      (err: unknown) => setRevealError(err instanceof GraphqlRequestError ? err.message : String(err)),
    );
  const rows: [string, string][] = [
    [t('clientPage.clientNumber'), String(client.clientNumber)],
    [t('clientPage.dateOfBirth'), formatDateNl(client.dateOfBirth)],
    [t('clientPage.targetGroup'), targetGroupLabel(client.targetGroup)],
    [t('clientPage.brpRegistrationDate'), formatDateNl(client.brpRegistrationDate)],
    [t('clientPage.learnability'), `${t(`registerClient.learnability.${client.learnabilityOutcome}`)}${client.learnabilityScore !== null ? ` (${client.learnabilityScore})` : ''}`],
    [t('clientPage.intakeCompletedOn'), client.intakeCompletedOn ? formatDateNl(client.intakeCompletedOn) : none],
    [t('clientPage.intakeNotes'), client.intakeNotes ?? none],
    [t('clientPage.pipSignedOn'), client.pipSignedOn ? formatDateNl(client.pipSignedOn) : none],
    [t('clientPage.firstPipSignedOn'), client.firstPipSignedOn ? formatDateNl(client.firstPipSignedOn) : none],
    [t('clientPage.routeLevel'), client.route ? `${routeLabel(client.route)}${client.level ? `, ${levelLabel(client.level)}` : ''}` : none],
    [t('clientPage.hoursPerWeek'), client.pipMinutesPerWeek ? t('clientPage.hours', { hours: formatHoursNl(client.pipMinutesPerWeek) }) : none],
    [t('clientPage.lessonPattern'), client.pipLessonPattern ?? none],
  ];
  return (
    <section aria-labelledby="data-heading">
      <Heading2 id="data-heading">{t('clientPage.data')}</Heading2>
      <DataList>
        <DataListItem>
          <DataListKey>{t('clientPage.bsn')}</DataListKey>
          <DataListValue>
            <span data-testid="bsn">{bsn ?? client.bsnMasked}</span>{' '}
            {client.anonymisedOn ? (
              <span className="portal-muted">{t('clientPage.anonymised', { date: formatDateNl(client.anonymisedOn) })}</span>
            ) : (
              <>
                {!bsn && (
                  <Button appearance="subtle-button" type="button" onClick={reveal} aria-describedby="reveal-note">
                    {t('clientPage.revealBsn')}
                  </Button>
                )}
                <span id="reveal-note" className="portal-muted"> {t('clientPage.revealNote')}</span>
              </>
            )}
            {revealError && <span role="alert"> {revealError}</span>}
          </DataListValue>
        </DataListItem>
        {rows.map(([key, value]) => (
          <DataListItem key={key}>
            <DataListKey>{key}</DataListKey>
            <DataListValue>{value}</DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </section>
  );
}

function Deadlines({ client }: { client: ClientDetail }) {
  const { t } = useTranslation();
  const d = client.deadlines;
  const rows = [
    ['PIP', d.pip],
    ['INTEGRATION_TERM', d.integrationTerm],
    ['ROUTE_SWITCH', d.routeSwitch],
    ['MAP', d.map],
    ['PVT', d.pvt],
  ] as const;
  return (
    <section aria-labelledby="deadlines-heading">
      <Heading2 id="deadlines-heading">{t('clientPage.deadlines')}</Heading2>
      <DataList>
        {rows.map(([kind, value]) => (
          <DataListItem key={kind}>
            <DataListKey>{t(`deadlineKind.${kind}`)}</DataListKey>
            <DataListValue>
              <DeadlineBadge value={value} />
            </DataListValue>
          </DataListItem>
        ))}
      </DataList>
    </section>
  );
}

/** The open deadline signals the nightly scan recorded for this client (due soon or overdue). */
function DeadlineSignals({ signals }: { signals: ClientDetailQuery['client']['deadlineSignals'] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="deadline-signals-heading">
      <Heading2 id="deadline-signals-heading">{t('clientPage.deadlineSignals')}</Heading2>
      {signals.length === 0 ? (
        <Paragraph>{t('clientPage.noDeadlineSignals')}</Paragraph>
      ) : (
        <ul className="utrecht-unordered-list">
          {signals.map((signal) => (
            <li key={signal.id} className="utrecht-unordered-list__item">
              {t('clientPage.deadlineSignal', {
                kind: signal.kindLabel,
                deadline: formatDateNl(signal.deadline),
                status: t(`clientPage.deadlineSignalStatus.${signal.status}`),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

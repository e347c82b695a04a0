import { ClientProgressDocument, InstroomklasProvidersDocument, PlaceInInstroomklasDocument, type ClientDetailQuery } from '@inburgering/contracts';
import { formatDateNl, formatHoursNl, isRoute, placementEndReasonLabel } from '@inburgering/domain';
import { DataList, DataListItem, DataListKey, DataListValue, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/form-fields';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { EndPlacementForm } from '../placements/EndPlacementForm';
import { ActionPanel } from './ActionPanel';
import { INSTROOMKLAS_FIELDS, parseInstroomklas, type InstroomklasValues } from './client-action-values';
import { FormButtons } from './FormButtons';
import { useActionForm } from './use-action-form';

type ClientDetail = ClientDetailQuery['client'];
type Placement = ClientDetail['placements'][number];

/** The route itself has started: a started (or since ended) placement on a route lot or an individual one, not a module. */
function routeStartOf(placements: readonly Placement[]): string | null {
  const started = placements.filter((p) => p.kind === 'REGULAR' && (p.status === 'STARTED' || p.status === 'ENDED') && p.startDate && (!p.lot || isRoute(p.lot.subject)));
  return started.map((p) => p.startDate as string).sort()[0] ?? null;
}

/**
 * Oss (beleidsplan §2.10): the client waits in the instroomklas until the route starts. The consultant places the client
 * there and ends it when the route starts; its hours stand beside the route's, with the waiting time.
 */
export function InstroomklasSection({ client, onDone }: { client: ClientDetail; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const progress = useGraphqlQuery(ClientProgressDocument, { clientId: client.id });
  const klas = client.placements.filter((p) => p.kind === 'INSTROOMKLAS');
  const running = klas.find((p) => p.status === 'STARTED');
  const routeStart = routeStartOf(client.placements);
  const done = (message: string) => {
    progress.refetch();
    onDone(message);
  };
  if (!client.route && klas.length === 0) return null;
  const p = progress.data?.clientProgress;
  const waiting = p?.waiting;
  const none = t('clientPage.none');
  const waitingText = (days: number | null | undefined, withKlas: boolean) =>
    days === null || days === undefined ? none
      : withKlas && waiting && waiting.instroomklasDays > 0 ? t('instroomklas.daysWithKlas', { days: String(days), klas: String(waiting.instroomklasDays) }) : t('instroomklas.days', { days: String(days) });
  return (
    <section aria-labelledby="instroomklas-heading">
      <Heading2 id="instroomklas-heading">{t('instroomklas.title')}</Heading2>
      <Paragraph>{t('instroomklas.intro')}</Paragraph>
      <DataList>
        <DataListItem>
          <DataListKey>{t('instroomklas.status')}</DataListKey>
          <DataListValue>
            {klas.length === 0 ? t('instroomklas.none') : (
              <ul className="utrecht-unordered-list" data-testid="instroomklas-periods">
                {klas.map((k) => (
                  <li key={k.id} className="utrecht-unordered-list__item">
                    {k.status === 'ENDED' && k.endedOn
                      ? t('instroomklas.period', { from: formatDateNl(k.startDate ?? k.endedOn), to: formatDateNl(k.endedOn), provider: k.provider.name, reason: k.endReason ? placementEndReasonLabel(k.endReason) : none })
                      : t('instroomklas.since', { date: k.startDate ? formatDateNl(k.startDate) : none, provider: k.provider.name })}
                  </li>
                ))}
              </ul>
            )}
          </DataListValue>
        </DataListItem>
        {p && (
          <>
            <DataListItem>
              <DataListKey>{t('instroomklas.hours')}</DataListKey>
              <DataListValue>
                <span data-testid="instroomklas-hours">
                  {t('instroomklas.hoursValue', { attended: formatHoursNl(p.instroomklasAttendedMinutes), planned: formatHoursNl(p.instroomklasPlannedMinutes) })}
                </span>
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('instroomklas.routeHours')}</DataListKey>
              <DataListValue><span data-testid="route-hours">{t('instroomklas.routeHoursValue', { hours: formatHoursNl(p.attendedMinutes) })}</span></DataListValue>
            </DataListItem>
          </>
        )}
        {waiting && (
          <>
            <DataListItem>
              <DataListKey>{t('instroomklas.waitingFromPip')}</DataListKey>
              <DataListValue>
                <span data-testid="waiting-from-pip">
                  {waitingText(waiting.daysFromPip, true)}
                  {' · '}
                  {waiting.routeStartedOn ? t('instroomklas.routeStartedOn', { date: formatDateNl(waiting.routeStartedOn) }) : t('instroomklas.routeNotStarted')}
                </span>
              </DataListValue>
            </DataListItem>
            <DataListItem>
              <DataListKey>{t('instroomklas.waitingFromRequest')}</DataListKey>
              <DataListValue>{waitingText(waiting.daysFromRequest, false)}</DataListValue>
            </DataListItem>
          </>
        )}
      </DataList>
      {running && routeStart && <Paragraph data-testid="instroomklas-route-started">{t('instroomklas.routeStartedEnd', { date: formatDateNl(routeStart) })}</Paragraph>}
      {running && (
        <ActionPanel key={running.id} id="action-end-instroomklas" label={t('instroomklas.end')}>
          {(close) => <EndPlacementForm placement={running} endedOn={routeStart} onCancel={close} onDone={(message) => { close(); done(message); }} />}
        </ActionPanel>
      )}
      {!running && !routeStart && client.route && (
        <ActionPanel id="action-instroomklas" label={t('instroomklas.place')}>
          {(close) => <InstroomklasForm clientId={client.id} onCancel={close} onDone={(message) => { close(); done(message); }} />}
        </ActionPanel>
      )}
    </section>
  );
}

function InstroomklasForm({ clientId, onDone, onCancel }: { clientId: string; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const providers = useGraphqlQuery(InstroomklasProvidersDocument, { clientId });
  const [values, setValues] = useState<InstroomklasValues>({ providerId: '', startsOn: '', location: '' });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useActionForm('instroomklas', INSTROOMKLAS_FIELDS);
  const set = (field: keyof InstroomklasValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(parseInstroomklas(clientId, idempotencyKey, values), (input) => graphqlRequest(PlaceInInstroomklasDocument, { input }));
    if (saved) onDone(t('instroomklas.placed'));
  }

  return (
    <form className="portal-form" onSubmit={save} noValidate aria-label={t('instroomklas.place')}>
      <Paragraph>{t('instroomklas.placeIntro')}</Paragraph>
      <ErrorSummary errors={form.errors.summary} />
      <SelectField id={form.fieldId('providerId')} label={t('instroomklas.providerId')} value={values.providerId} onChange={set('providerId')}
        errorMessage={form.errors.byField.providerId}
        options={[{ value: '', label: t('registerClient.choose') }, ...(providers.data?.instroomklasProviders ?? []).map((o) => ({ value: o.id, label: o.name }))]} />
      <TextField id={form.fieldId('startsOn')} label={t('instroomklas.startsOn')} description={t('registerClient.dateHint')} value={values.startsOn}
        onChange={set('startsOn')} errorMessage={form.errors.byField.startsOn} autoComplete="off" />
      <TextField id={form.fieldId('location')} label={t('instroomklas.location')} value={values.location} onChange={set('location')}
        errorMessage={form.errors.byField.location} autoComplete="off" />
      <FormButtons busy={form.busy} submitLabel={t('instroomklas.submit')} onCancel={onCancel} />
    </form>
  );
}

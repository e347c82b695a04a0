import { ClientDetailDocument, IndividualPlacementInstitutionsDocument, PlacementOptionsDocument, RequestPlacementDocument, type PlacementOptionsQuery } from '@inburgering/contracts';
import { formatDateNl, routeLabel } from '@inburgering/domain';
import { Button, ButtonGroup, Fieldset, FieldsetLegend, FormFieldErrorMessage, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link as RouterLink, useNavigate, useSearchParams } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { formErrorsOf, localErrors, NO_ERRORS, type FormErrors } from './form-errors';
import { IndividualPlacementForm } from './IndividualPlacementForm';
import { clientPath } from './placement-pages';

type Option = PlacementOptionsQuery['placementOptions'][number];
type ProviderOption = Option['providers'][number];

interface Choice {
  lotId: string;
  providerId: string;
  startMomentId: string | null;
}

const FIRST_CHOICE_ID = 'choice-0';

/** The consultant picks a provider with a start moment (free seats shown); a full start moment means the waiting list. */
export function RequestPlacementPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const clientId = params.get('id') ?? '';
  const client = useGraphqlQuery(ClientDetailDocument, { id: clientId });
  const options = useGraphqlQuery(PlacementOptionsDocument, { clientId });
  // Without a lot for the Onderwijsroute (Kerkrade) the consultant places individually with an institution.
  const institutions = useGraphqlQuery(IndividualPlacementInstitutionsDocument, { clientId });
  const individual = institutions.data?.individualPlacementInstitutions ?? [];
  const [choice, setChoice] = useState<string>('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  // One key per form: a double click or a retry after a lost answer requests once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const choices = new Map<string, Choice>();
  const groups = (options.data?.placementOptions ?? []).flatMap((option) =>
    option.providers.map((provider) => ({ option, provider, items: choiceItems(option, provider) })),
  );
  let n = 0;
  for (const group of groups) for (const item of group.items) item.id = `choice-${n++}`;
  for (const group of groups) for (const item of group.items) choices.set(item.id, item.choice);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const picked = choices.get(choice);
    if (!picked) {
      setErrors(localErrors('choice', [['0', t('requestPlacement.chooseRequired')]]));
      return;
    }
    setBusy(true);
    try {
      const { requestPlacement } = await graphqlRequest(RequestPlacementDocument, { input: { clientId, ...picked, idempotencyKey } });
      navigate(`${clientPath(clientId)}&aangemeld=${requestPlacement.status}`);
    } catch (err) {
      setErrors(formErrorsOf(err, 'request', []));
      setBusy(false);
    }
  }

  const person = client.data?.client;
  return (
    <>
      <PageHeading>{t('requestPlacement.title')}</PageHeading>
      <QueryFeedback loading={options.loading || client.loading} error={options.error ?? client.error} hasData={Boolean(options.data && person)} onRetry={options.refetch} />
      {person && options.data && (
        <>
          <Paragraph>{t('requestPlacement.intro', { name: `${person.firstName} ${person.lastName}`, route: person.route ? routeLabel(person.route) : '' })}</Paragraph>
          {individual.length > 0 && <IndividualPlacementForm clientId={clientId} institutions={individual} />}
          {groups.length === 0 ? (
            individual.length === 0 && !institutions.loading && <Paragraph>{t('requestPlacement.noOptions')}</Paragraph>
          ) : (
            <form className="portal-form" onSubmit={submit} noValidate>
              <ErrorSummary errors={errors.summary} />
              <Fieldset invalid={Boolean(errors.byField['0'])} aria-describedby={errors.byField['0'] ? 'choice-error' : undefined}>
                <FieldsetLegend>{t('requestPlacement.legend')}</FieldsetLegend>
                {errors.byField['0'] && <FormFieldErrorMessage id="choice-error">{errors.byField['0']}</FormFieldErrorMessage>}
                {groups.map(({ option, provider, items }) => (
                  <div key={`${option.lot.id}-${provider.provider.id}`} className="portal-choice-group">
                    <Heading2 className="portal-choice-group__title">{`${option.lot.name}: ${provider.provider.name}`}</Heading2>
                    {items.map((item) => (
                      <div key={item.id} className="utrecht-form-field utrecht-form-field--radio">
                        <input type="radio" className="utrecht-radio-button" id={item.id} name="choice" value={item.id}
                          checked={choice === item.id} onChange={() => setChoice(item.id)} />{' '}
                        <label htmlFor={item.id} className="utrecht-form-label utrecht-form-label--radio">{item.label(t, provider)}</label>
                      </div>
                    ))}
                  </div>
                ))}
              </Fieldset>
              <ButtonGroup>
                <Button appearance="primary-action-button" type="submit" disabled={busy}>
                  {busy ? t('requestPlacement.submitting') : t('requestPlacement.submit')}
                </Button>
                <RouterLink to={clientPath(clientId)} className="utrecht-button-link utrecht-button-link--secondary-action">{t('requestPlacement.cancel')}</RouterLink>
              </ButtonGroup>
            </form>
          )}
        </>
      )}
    </>
  );
}

type T = TFunction;

interface ChoiceItem {
  id: string;
  choice: Choice;
  label: (t: T, provider: ProviderOption) => string;
}

/** Per provider: each coming start moment, and "the first free seat" (which is the waiting list when none is free). */
function choiceItems(option: Option, provider: ProviderOption): ChoiceItem[] {
  const base = { lotId: option.lot.id, providerId: provider.provider.id };
  const moments: ChoiceItem[] = provider.startMoments.map((slot) => ({
    id: FIRST_CHOICE_ID,
    choice: { ...base, startMomentId: slot.id },
    label: (t, p) =>
      slot.free > 0
        ? t('requestPlacement.moment', {
            provider: p.provider.name, date: formatDateNl(slot.startsOn), location: slot.location,
            daypart: t(`requestPlacement.dayparts.${slot.daypart as 'DAYTIME'}`), free: String(slot.free), seats: String(slot.seats),
          })
        : t('requestPlacement.full', { provider: p.provider.name, date: formatDateNl(slot.startsOn), location: slot.location }),
  }));
  return [
    ...moments,
    {
      id: FIRST_CHOICE_ID,
      choice: { ...base, startMomentId: null },
      label: (t, p) => t('requestPlacement.firstFree', { provider: p.provider.name, free: String(p.freeSeats), waiting: String(p.waiting) }),
    },
  ];
}

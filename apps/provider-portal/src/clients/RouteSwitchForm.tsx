import { SwitchRouteDocument, type ClientDetailFragment } from '@inburgering/contracts';
import { LEVELS, ROUTES, calendarDateInAmsterdam, formatDateNl, levelLabel, routeLabel } from '@inburgering/domain';
import { Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary';
import { graphqlRequest } from '../graphql/request';
import { SelectField, TextAreaField } from '../components/form-fields';
import { EMPTY_ROUTE_SWITCH, ROUTE_SWITCH_FIELDS, parseRouteSwitch, type RouteSwitchValues } from './client-action-values';
import { FormButtons } from './FormButtons';
import { useActionForm } from './use-action-form';

type Field = keyof RouteSwitchValues;

/** A route switch as of today with its written reason; after 18 months the API refuses it and names the rule. */
export function RouteSwitchForm({ client, onDone, onCancel }: { client: ClientDetailFragment; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<RouteSwitchValues>(EMPTY_ROUTE_SWITCH);
  const form = useActionForm('switch', ROUTE_SWITCH_FIELDS);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const choose = { value: '', label: t('registerClient.choose') };
  const windowEnd = client.deadlines.routeSwitch?.deadline;

  function windowText(): string {
    if (!windowEnd) return t('clientActions.routeSwitch.noPip');
    const date = formatDateNl(windowEnd);
    return windowEnd < calendarDateInAmsterdam(new Date()) ? t('clientActions.routeSwitch.windowClosed', { date }) : t('clientActions.routeSwitch.window', { date });
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    const saved = await form.submit(parseRouteSwitch(client.id, values), (input) => graphqlRequest(SwitchRouteDocument, { input }));
    if (saved) onDone(t('clientActions.routeSwitch.done'));
  }

  return (
    <form className="portal-form" onSubmit={save} noValidate aria-label={t('clientActions.routeSwitch.open')}>
      <ErrorSummary errors={form.errors.summary} />
      <Paragraph>{t('clientActions.routeSwitch.intro')}</Paragraph>
      <Paragraph>{windowText()}</Paragraph>
      <SelectField id={form.fieldId('toRoute')} label={t('clientActions.routeSwitch.toRoute')} value={values.toRoute} onChange={set('toRoute')}
        errorMessage={form.errors.byField.toRoute} options={[choose, ...ROUTES.filter((r) => r !== client.route).map((r) => ({ value: r, label: routeLabel(r) }))]} />
      <SelectField id={form.fieldId('toLevel')} label={t('clientActions.routeSwitch.toLevel')} value={values.toLevel} onChange={set('toLevel')}
        errorMessage={form.errors.byField.toLevel} options={[choose, ...LEVELS.map((l) => ({ value: l, label: levelLabel(l) }))]} />
      <TextAreaField id={form.fieldId('reason')} label={t('clientActions.routeSwitch.reason')} description={t('clientActions.routeSwitch.reasonHint')}
        value={values.reason} onChange={set('reason')} errorMessage={form.errors.byField.reason} rows={3} />
      <FormButtons busy={form.busy} submitLabel={t('clientActions.routeSwitch.submit')} onCancel={onCancel} />
    </form>
  );
}

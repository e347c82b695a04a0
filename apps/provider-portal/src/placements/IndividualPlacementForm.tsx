import { RequestIndividualPlacementDocument } from '@inburgering/contracts';
import { Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { INDIVIDUAL_PLACEMENT_FIELDS, parseIndividualPlacement, type IndividualPlacementValues } from '../clients/client-action-values';
import { FormButtons } from '../clients/FormButtons';
import { useActionForm } from '../clients/use-action-form';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/form-fields';
import { graphqlRequest } from '../graphql/request';
import { clientPath } from './placement-pages';

type Field = keyof IndividualPlacementValues;

/**
 * Kerkrade's Onderwijsroute: without a lot the consultant places the client individually with an institution, at the price
 * and for the period agreed for this client. All problems show at once, each naming its field.
 */
export function IndividualPlacementForm({ clientId, institutions }: { clientId: string; institutions: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [values, setValues] = useState<IndividualPlacementValues>({ providerId: '', priceCents: '', startsOn: '', endsOn: '' });
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const form = useActionForm('individual', INDIVIDUAL_PLACEMENT_FIELDS);
  const set = (field: Field) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));

  async function save(event: FormEvent) {
    event.preventDefault();
    let status = '';
    const saved = await form.submit(parseIndividualPlacement(clientId, idempotencyKey, values), async (input) => {
      status = (await graphqlRequest(RequestIndividualPlacementDocument, { input })).requestIndividualPlacement.status;
    });
    if (saved) navigate(`${clientPath(clientId)}&aangemeld=${status}`);
  }

  return (
    <form className="portal-form" onSubmit={save} noValidate aria-labelledby="individual-title">
      <Heading2 id="individual-title">{t('requestPlacement.individual.title')}</Heading2>
      <Paragraph>{t('requestPlacement.individual.intro')}</Paragraph>
      <ErrorSummary errors={form.errors.summary} />
      <SelectField id={form.fieldId('providerId')} label={t('requestPlacement.individual.providerId')} value={values.providerId} onChange={set('providerId')}
        errorMessage={form.errors.byField.providerId}
        options={[{ value: '', label: t('registerClient.choose') }, ...institutions.map((o) => ({ value: o.id, label: o.name }))]} />
      <TextField id={form.fieldId('priceCents')} label={t('requestPlacement.individual.priceCents')} description={t('requestPlacement.individual.priceHint')}
        value={values.priceCents} onChange={set('priceCents')} errorMessage={form.errors.byField.priceCents} autoComplete="off" inputMode="decimal" />
      <TextField id={form.fieldId('startsOn')} label={t('requestPlacement.individual.startsOn')} description={t('registerClient.dateHint')} value={values.startsOn}
        onChange={set('startsOn')} errorMessage={form.errors.byField.startsOn} autoComplete="off" />
      <TextField id={form.fieldId('endsOn')} label={t('requestPlacement.individual.endsOn')} description={t('registerClient.dateHint')} value={values.endsOn}
        onChange={set('endsOn')} errorMessage={form.errors.byField.endsOn} autoComplete="off" />
      <FormButtons busy={form.busy} submitLabel={t('requestPlacement.individual.submit')} onCancel={() => navigate(clientPath(clientId))} />
    </form>
  );
}

import { ClientOutcomesDocument, RecordClientOutcomeDocument } from '@inburgering/contracts';
import { formatDateNl } from '@inburgering/domain';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionForm } from '../clients/use-action-form';
import { DataTable, type DataTableColumn } from '../components/data-table/DataTable';
import { ErrorSummary } from '../components/ErrorSummary';
import { SelectField, TextField } from '../components/form-fields';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { FocusedAlert } from '../procurement/FocusedAlert';
import { EMPTY_OUTCOME, OUTCOME_FIELDS, OUTCOME_KINDS, parseOutcome, type OutcomeValues } from './outcome-form';

type Outcome = { id: string; kind: (typeof OUTCOME_KINDS)[number]; achievedOn: string };

/** The consultant records a client's outcome (work, study, participation at a date); the list shows what is recorded. */
export function ClientOutcomeSection({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const outcomes = useGraphqlQuery(ClientOutcomesDocument, { clientId });
  const [values, setValues] = useState<OutcomeValues>(EMPTY_OUTCOME);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const [saved, setSaved] = useState(0);
  const form = useActionForm('outcome', OUTCOME_FIELDS);
  const set = (field: keyof OutcomeValues) => (event: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: event.target.value }));
  const columns = useMemo((): DataTableColumn<Outcome>[] => [
    { id: 'kind', header: t('outcomes.kind'), text: (o) => t(`outcomes.kinds.${o.kind}`) },
    { id: 'achievedOn', header: t('outcomes.achievedOn'), text: (o) => formatDateNl(o.achievedOn), sortValue: (o) => o.achievedOn, xlsx: 'DATE' },
  ], [t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await form.submit(parseOutcome(clientId, values, key), (input) => graphqlRequest(RecordClientOutcomeDocument, { input }));
    if (!ok) return;
    setValues(EMPTY_OUTCOME);
    setKey(crypto.randomUUID());
    setSaved((n) => n + 1);
    outcomes.refetch();
  }

  return (
    <section aria-labelledby="outcome-heading">
      <Heading2 id="outcome-heading">{t('outcomes.title')}</Heading2>
      <Paragraph>{t('outcomes.intro')}</Paragraph>
      <QueryFeedback loading={outcomes.loading} error={outcomes.error} hasData={Boolean(outcomes.data)} onRetry={outcomes.refetch} />
      {outcomes.data && (
        <DataTable caption={t('outcomes.caption')} columns={columns} rows={outcomes.data.clientOutcomes} rowKey={(o) => o.id} emptyMessage={t('outcomes.none')} />
      )}
      {saved > 0 && <FocusedAlert key={saved} message={t('outcomes.saved')} />}
      <form className="portal-form" onSubmit={submit} noValidate aria-label={t('outcomes.save')}>
        <ErrorSummary errors={form.errors.summary} />
        <SelectField id={form.fieldId('kind')} label={t('outcomes.kind')} value={values.kind} onChange={set('kind')} errorMessage={form.errors.byField.kind}
          options={[{ value: '', label: t('registerClient.choose') }, ...OUTCOME_KINDS.map((k) => ({ value: k, label: t(`outcomes.kinds.${k}`) }))]} />
        <TextField id={form.fieldId('achievedOn')} label={t('outcomes.achievedOn')} description={t('registerClient.dateHint')} value={values.achievedOn}
          onChange={set('achievedOn')} errorMessage={form.errors.byField.achievedOn} autoComplete="off" />
        <Paragraph>
          <Button appearance="primary-action-button" type="submit" disabled={form.busy}>{form.busy ? t('clientActions.saving') : t('outcomes.save')}</Button>
        </Paragraph>
      </form>
    </section>
  );
}

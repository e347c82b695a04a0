import { DuoContactPersonDocument, SetDuoContactPersonDocument } from '@inburgering/contracts';
import { Alert, Button, Heading3, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/form-fields';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { fieldId, formErrorsOf, NO_ERRORS, type FormErrors } from '../procurement/form/form-errors';

const FIELDS = ['name', 'email', 'phone'] as const;
type ContactForm = Record<(typeof FIELDS)[number], string>;
const id = (field: string) => fieldId('duocontact', field);

/** The municipality's contact person for this client at DUO (Contactpersoon), with the status of its message. */
export function DuoContactPersonForm({ clientId, onSaved }: { clientId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(DuoContactPersonDocument, { clientId });
  const [form, setForm] = useState<ContactForm>({ name: '', email: '', phone: '' });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const current = data?.duoContactPerson;
  useEffect(() => {
    if (current) setForm({ name: current.name, email: current.email, phone: current.phone });
  }, [current]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    try {
      await graphqlRequest(SetDuoContactPersonDocument, { input: { clientId, ...form } });
      setErrors(NO_ERRORS);
      refetch();
      onSaved();
    } catch (err) {
      setErrors(formErrorsOf(err, 'duocontact', FIELDS));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-labelledby="duocontact-title">
      <Heading3 id="duocontact-title">{t('duoContact.heading')}</Heading3>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {current ? (
        <Alert type={current.status === 'REFUSED' ? 'error' : 'info'} role="status">
          <Paragraph>{t('duoContact.current', { name: current.name, status: t(`duoMessages.statuses.${current.status}`) })}</Paragraph>
          {current.errors.length > 0 && <Paragraph>{current.errors.join(' ')}</Paragraph>}
        </Alert>
      ) : (
        data && <Paragraph>{t('duoContact.none')}</Paragraph>
      )}
      <ErrorSummary errors={errors.summary} />
      {FIELDS.map((field) => (
        <TextField key={field} id={id(field)} label={t(`duoContact.fields.${field}`)} value={form[field]} autoComplete="off"
          type={field === 'email' ? 'email' : field === 'phone' ? 'tel' : 'text'}
          onChange={(ev) => setForm({ ...form, [field]: ev.target.value })} errorMessage={errors.byField[field]} />
      ))}
      <Button appearance="secondary-action-button" type="submit" disabled={busy}>{busy ? t('duoContact.saving') : t('duoContact.save')}</Button>
    </form>
  );
}

import { AcceptInvitationDocument, InvitationDocument } from '@inburgering/contracts';
import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink, useParams } from 'react-router-dom';
import { ErrorSummary } from '../components/ErrorSummary';
import { TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { fieldId, formErrorsOf, NO_ERRORS, type FormErrors } from '../procurement/form/form-errors';
import { moment } from './admin-format';

/** The link from an invitation mail: the invitee chooses a password, which activates the account (issue 14). */
export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { data, error, loading, refetch } = useGraphqlQuery(InvitationDocument, { token });
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const id = (field: string) => fieldId('invitation', field);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) {
      setErrors({ summary: [{ message: t('invitation.mismatch'), fieldId: id('repeat') }], byField: { repeat: t('invitation.mismatch') } });
      return;
    }
    setBusy(true);
    try {
      await graphqlRequest(AcceptInvitationDocument, { input: { token, password } });
      setErrors(NO_ERRORS);
      setDone(true);
    } catch (err) {
      setErrors(formErrorsOf(err, 'invitation', ['password', 'token']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeading>{t('invitation.title')}</PageHeading>
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {done && (
        <Alert type="ok" role="status">
          <Paragraph>{t('invitation.done')} <RouterLink to="/inloggen" className="utrecht-link utrecht-link--html-a">{t('invitation.toLogin')}</RouterLink></Paragraph>
        </Alert>
      )}
      {data && !done && (
        <form className="portal-form portal-panel" onSubmit={submit} noValidate aria-label={t('invitation.formLabel')}>
          <Paragraph>{t('invitation.intro', { name: data.invitation.displayName, organisation: data.invitation.organisationName, email: data.invitation.email, until: moment(data.invitation.expiresAt) })}</Paragraph>
          <ErrorSummary errors={errors.summary} />
          <input type="email" name="username" autoComplete="username" value={data.invitation.email} readOnly hidden />
          <TextField id={id('password')} label={t('invitation.password')} description={t('invitation.passwordHint')} type="password" autoComplete="new-password"
            value={password} errorMessage={errors.byField.password ?? errors.byField.token} onChange={(ev) => setPassword(ev.target.value)} />
          <TextField id={id('repeat')} label={t('invitation.repeat')} type="password" autoComplete="new-password" value={repeat} errorMessage={errors.byField.repeat} onChange={(ev) => setRepeat(ev.target.value)} />
          <Button appearance="primary-action-button" type="submit" disabled={busy}>{t('invitation.submit')}</Button>
        </form>
      )}
    </>
  );
}

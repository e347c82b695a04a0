import { Alert, Button, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router-dom';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { LoginSecondStep } from '../account/LoginSecondStep';
import { PageHeading } from '../components/PageHeading';
import { TextField } from '../components/form-fields';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { pathAfterLogin } from '../layout/navigation';
import { ssoFailureKeyOf } from '../sso/sso-messages';
import { SsoLoginChoice } from '../sso/SsoLoginChoice';
import { validateLogin, type LoginField } from './login-validation';
import { useSession, type PendingLogin, type SignedOutReason } from './session-context';

const FIELD_IDS: Record<LoginField, string> = { email: 'login-email', password: 'login-password' };

export interface LoginLocationState {
  from?: string;
}

/** `pending`: this browser's session already waits for the login's second step (the page was reloaded there). */
export function LoginPage({ reason, pending: resumed }: { reason: SignedOutReason; pending?: PendingLogin['pending'] }) {
  const { t } = useTranslation();
  const { login } = useSession();
  const navigate = useNavigate();
  const requested = (useLocation().state as LoginLocationState | null)?.from;
  const ssoFailure = ssoFailureKeyOf(useLocation().search);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<LoginField, string>>>({});
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const [pending, setPending] = useState<PendingLogin['pending'] | null>(resumed ?? null);

  const showErrors = (fields: Partial<Record<LoginField, string>>, general?: string) => {
    setFieldErrors(fields);
    const linked = (Object.keys(fields) as LoginField[]).map((field) => ({ message: fields[field] ?? '', fieldId: FIELD_IDS[field] }));
    setSummary(general ? [{ message: general }, ...linked] : linked);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid = validateLogin(email, password);
    if (Object.keys(invalid).length > 0) {
      showErrors(Object.fromEntries(Object.entries(invalid).map(([field, key]) => [field, t(key)])));
      return;
    }
    setBusy(true);
    try {
      const user = await login(email.trim(), password);
      if ('pending' in user) {
        setPending(user.pending);
        setPassword('');
        setBusy(false);
        return;
      }
      navigate(pathAfterLogin(user.role, requested), { replace: true });
    } catch (err) {
      const error = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(t('errors.unexpected'), 'UNKNOWN');
      const fields = Object.fromEntries(
        error.fields.filter((f): f is { field: LoginField; message: string } => f.field in FIELD_IDS).map((f) => [f.field, f.message]),
      );
      showErrors(fields, error.message);
      setPassword('');
      setBusy(false);
    }
  };

  if (pending) {
    return (
      <LoginSecondStep
        step={pending}
        onSignedIn={(user) => navigate(pathAfterLogin(user.role, requested), { replace: true })}
        onRestart={() => setPending(null)}
      />
    );
  }

  return (
    <div className="portal-login">
      <PageHeading>{t('login.title')}</PageHeading>
      {reason !== 'none' && summary.length === 0 && (
        <Alert type={reason === 'expired' ? 'warning' : 'ok'} role="status">
          <Paragraph>{t(reason === 'expired' ? 'login.sessionExpired' : 'login.loggedOut')}</Paragraph>
        </Alert>
      )}
      {ssoFailure && summary.length === 0 && (
        <Alert type="error" role="alert">
          <Paragraph>{t(ssoFailure)}</Paragraph>
        </Alert>
      )}
      <ErrorSummary errors={summary} />
      <Paragraph>{t('login.intro')}</Paragraph>
      <form noValidate onSubmit={onSubmit} className="portal-form" aria-label={t('login.title')}>
        <TextField
          id={FIELD_IDS.email}
          name="email"
          type="email"
          label={t('login.email')}
          autoComplete="username"
          inputMode="email"
          spellCheck={false}
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
          errorMessage={fieldErrors.email}
        />
        <TextField
          id={FIELD_IDS.password}
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          errorMessage={fieldErrors.password}
        />
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {busy ? t('login.submitting') : t('login.submit')}
        </Button>
      </form>
      <SsoLoginChoice />
    </div>
  );
}

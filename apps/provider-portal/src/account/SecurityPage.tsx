import { ChangePasswordDocument, RegenerateRecoveryCodesDocument, RemoveTotpDocument, SecondFactorStatusDocument } from '@inburgering/contracts';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { ConfirmButton } from '../components/ConfirmButton';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { QueryFeedback } from '../components/QueryFeedback';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { PasskeysSection } from './PasskeysSection';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import { TotpEnrolment } from './TotpEnrolment';
import './security.css';

const asError = (err: unknown, fallback: string) => (err instanceof GraphqlRequestError ? err : new GraphqlRequestError(fallback, 'UNKNOWN'));

/** "Inloggen en beveiliging" (issue 14): the authenticator app with its recovery codes, passkeys, and the password. */
export function SecurityPage() {
  const { t } = useTranslation();
  const { data, error, loading, refetch } = useGraphqlQuery(SecondFactorStatusDocument, {});
  const [enrolling, setEnrolling] = useState(false);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const status = data?.secondFactorStatus;

  async function regenerate() {
    setFailure(null);
    try {
      setCodes((await graphqlRequest(RegenerateRecoveryCodesDocument, {})).regenerateRecoveryCodes.codes);
    } catch (err) {
      setFailure(asError(err, t('errors.unexpected')).message);
    }
  }

  return (
    <>
      <PageHeading>{t('security.title')}</PageHeading>
      <Paragraph lead>{t('security.intro')}</Paragraph>
      {notice && (
        <Alert type="ok" role="status">
          <Paragraph>{notice}</Paragraph>
        </Alert>
      )}
      <QueryFeedback loading={loading} error={error} hasData={Boolean(data)} onRetry={refetch} />
      {codes && (
        <RecoveryCodesPanel
          codes={codes}
          onDone={() => {
            setCodes(null);
            refetch();
          }}
        />
      )}
      {status && !codes && (
        <section aria-labelledby="totp-heading" className="portal-security-section">
          <Heading2 id="totp-heading">{t('security.totpHeading')}</Heading2>
          <Paragraph>{status.totpEnabled ? t('security.totpOn') : t('security.totpOff')}</Paragraph>
          {status.required && <Paragraph>{t('security.totpRequired')}</Paragraph>}
          {status.totpEnabled && <Paragraph>{t('security.recoveryLeft', { count: status.recoveryCodesLeft })}</Paragraph>}
          {!status.totpEnabled && !enrolling && (
            <Button appearance="primary-action-button" type="button" onClick={() => setEnrolling(true)}>
              {t('security.totpStart')}
            </Button>
          )}
          {enrolling && (
            <TotpEnrolment
              onCancel={() => setEnrolling(false)}
              onDone={() => {
                setEnrolling(false);
                setNotice(t('totp.done'));
                refetch();
              }}
            />
          )}
          {status.totpEnabled && (
            <>
              <ConfirmButton question={t('security.recoveryRegenerateQuestion')} confirmText={t('security.recoveryRegenerateConfirm')} onConfirm={() => void regenerate()}>
                {t('security.recoveryRegenerate')}
              </ConfirmButton>
              <RemoveTotpForm required={status.required} />
            </>
          )}
          {failure && <p role="alert">{failure}</p>}
        </section>
      )}
      {status && !codes && (
        <PasskeysSection
          passkeys={status.passkeys}
          onChanged={(message) => {
            setNotice(message);
            refetch();
          }}
        />
      )}
      <ChangePasswordForm onChanged={() => setNotice(t('security.passwordChanged'))} />
    </>
  );
}

/** Unlinking the app ends every session; this browser then continues, or (factor required) must enrol again. */
function RemoveTotpForm({ required }: { required: boolean }) {
  const { t } = useTranslation();
  const { reload } = useSession();
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!password) {
      setFieldError(t('login.passwordRequired'));
      setSummary([{ message: t('login.passwordRequired'), fieldId: 'remove-totp-password' }]);
      return;
    }
    setBusy(true);
    try {
      await graphqlRequest(RemoveTotpDocument, { input: { password } });
      // A new session (or, when a factor is required, one that can only enrol): start the portal over.
      reload();
    } catch (err) {
      const error = asError(err, t('errors.unexpected'));
      const message = error.fields.find((f) => f.field === 'password')?.message;
      setFieldError(message);
      setSummary(message ? [{ message, fieldId: 'remove-totp-password' }] : [{ message: error.message }]);
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={onSubmit} className="portal-form" aria-labelledby="remove-totp-heading">
      <h3 id="remove-totp-heading" className="utrecht-heading-3">{t('security.removeHeading')}</h3>
      <Paragraph>{required ? t('security.removeRequiredIntro') : t('security.removeIntro')}</Paragraph>
      <ErrorSummary errors={summary} />
      <TextField
        id="remove-totp-password"
        name="password"
        type="password"
        label={t('security.removePassword')}
        autoComplete="current-password"
        required
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errorMessage={fieldError}
      />
      <Button appearance="secondary-action-button" type="submit" busy={busy} disabled={busy}>
        {t('security.removeSubmit')}
      </Button>
    </form>
  );
}

type PasswordField = 'currentPassword' | 'newPassword' | 'repeatPassword';
const PASSWORD_IDS: Record<PasswordField, string> = { currentPassword: 'password-current', newPassword: 'password-new', repeatPassword: 'password-repeat' };

/** Old and new password (twice); the API ends every other session. */
function ChangePasswordForm({ onChanged }: { onChanged: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<PasswordField, string>>({ currentPassword: '', newPassword: '', repeatPassword: '' });
  const [errors, setErrors] = useState<Partial<Record<PasswordField, string>>>({});
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  const show = (fields: Partial<Record<PasswordField, string>>, general?: string) => {
    setErrors(fields);
    const linked = (Object.keys(fields) as PasswordField[]).map((field) => ({ message: fields[field] ?? '', fieldId: PASSWORD_IDS[field] }));
    setSummary(general ? [{ message: general }, ...linked] : linked);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const invalid: Partial<Record<PasswordField, string>> = {};
    if (!values.currentPassword) invalid.currentPassword = t('security.currentRequired');
    if (values.newPassword.length < 12) invalid.newPassword = t('security.tooShort');
    else if (values.newPassword !== values.repeatPassword) invalid.repeatPassword = t('security.repeatMismatch');
    if (Object.keys(invalid).length > 0) return show(invalid);
    setBusy(true);
    try {
      await graphqlRequest(ChangePasswordDocument, { input: { currentPassword: values.currentPassword, newPassword: values.newPassword } });
      setValues({ currentPassword: '', newPassword: '', repeatPassword: '' });
      show({});
      onChanged();
    } catch (err) {
      const error = asError(err, t('errors.unexpected'));
      const fields = Object.fromEntries(error.fields.filter((f) => f.field in PASSWORD_IDS).map((f) => [f.field, f.message]));
      show(fields, Object.keys(fields).length ? undefined : error.message);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: PasswordField, label: string, autoComplete: string, description?: string) => (
    <TextField
      id={PASSWORD_IDS[name]}
      name={name}
      type="password"
      label={label}
      description={description}
      autoComplete={autoComplete}
      required
      value={values[name]}
      onChange={(event) => setValues((v) => ({ ...v, [name]: event.target.value }))}
      errorMessage={errors[name]}
    />
  );

  return (
    <section aria-labelledby="password-heading" className="portal-security-section">
      <Heading2 id="password-heading">{t('security.passwordHeading')}</Heading2>
      <ErrorSummary errors={summary} />
      <form noValidate onSubmit={onSubmit} className="portal-form" aria-labelledby="password-heading">
        {field('currentPassword', t('security.currentPassword'), 'current-password')}
        {field('newPassword', t('security.newPassword'), 'new-password', t('security.newPasswordHint'))}
        {field('repeatPassword', t('security.repeatPassword'), 'new-password')}
        <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
          {t('security.passwordSubmit')}
        </Button>
      </form>
    </section>
  );
}

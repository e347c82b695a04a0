import { SecondFactorStatusDocument, StartPasskeyLoginDocument, VerifyPasskeyLoginDocument, VerifySecondFactorDocument } from '@inburgering/contracts';
import { startAuthentication } from '@simplewebauthn/browser';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession, type CurrentUser } from '../auth/session-context';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { TextField } from '../components/form-fields';
import { PageHeading } from '../components/PageHeading';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';
import { useGraphqlQuery } from '../graphql/use-graphql-query';
import { AddPasskeyForm, browserHasPasskeys } from './PasskeysSection';
import { TotpEnrolment } from './TotpEnrolment';
import './security.css';

const CODE_ID = 'login-code';

/**
 * The login's second step (issue 14), after a correct password: the code from the authenticator app or a recovery
 * code; or, when a second factor is required and the user has none, linking an app first.
 */
export function LoginSecondStep({ step, onSignedIn, onRestart }: { step: 'SECOND_FACTOR' | 'ENROL'; onSignedIn: (user: CurrentUser) => void; onRestart: () => void }) {
  const { t } = useTranslation();
  const { signIn, reload, logout } = useSession();
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const [passkeyBusy, setPasskeyBusy] = useState(false);
  // A user with a passkey may give it instead of a code, where the browser has passkeys.
  const { data: status } = useGraphqlQuery(SecondFactorStatusDocument, {});
  const offerPasskey = step === 'SECOND_FACTOR' && (status?.secondFactorStatus.passkeyCount ?? 0) > 0 && browserHasPasskeys();

  const restart = () => {
    // Ends the half-finished session on the server too; the login form shows again either way.
    logout().catch(() => undefined).finally(onRestart);
  };

  if (step === 'ENROL') {
    return (
      <div className="portal-login">
        <PageHeading>{t('loginStep.enrolTitle')}</PageHeading>
        <Paragraph>{t(browserHasPasskeys() ? 'loginStep.enrolIntroChoice' : 'loginStep.enrolIntro')}</Paragraph>
        <TotpEnrolment onDone={reload} onCancel={restart} />
        {browserHasPasskeys() && (
          <section aria-labelledby="enrol-passkey-heading" className="portal-security-section">
            <Heading2 id="enrol-passkey-heading">{t('loginStep.enrolPasskeyHeading')}</Heading2>
            <Paragraph>{t('passkeys.intro')}</Paragraph>
            <AddPasskeyForm onAdded={reload} />
          </section>
        )}
      </div>
    );
  }

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = code.trim();
    if (!typed) {
      setFieldError(t('loginStep.codeRequired'));
      setSummary([{ message: t('loginStep.codeRequired'), fieldId: CODE_ID }]);
      return;
    }
    setBusy(true);
    try {
      const { verifySecondFactor: user } = await graphqlRequest(VerifySecondFactorDocument, { input: { code: typed.replace(/^(\d{3})\s(\d{3})$/, '$1$2') } });
      signIn(user);
      onSignedIn(user);
    } catch (err) {
      const error = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(t('errors.unexpected'), 'UNKNOWN');
      const message = error.fields.find((f) => f.field === 'code')?.message;
      setFieldError(message);
      setSummary(message ? [{ message, fieldId: CODE_ID }] : [{ message: error.message }]);
      setCode('');
      setBusy(false);
    }
  };

  const withPasskey = async () => {
    setPasskeyBusy(true);
    setFieldError(undefined);
    setSummary([]);
    try {
      const { startPasskeyLogin } = await graphqlRequest(StartPasskeyLoginDocument, {});
      const response = await startAuthentication({ optionsJSON: JSON.parse(startPasskeyLogin.optionsJson) });
      const { verifyPasskeyLogin: user } = await graphqlRequest(VerifyPasskeyLoginDocument, { input: { responseJson: JSON.stringify(response) } });
      signIn(user);
      onSignedIn(user);
    } catch (err) {
      // The API's refusal (the same as a wrong code, or the throttle), or the browser's (cancelled, timed out).
      setSummary([{ message: err instanceof GraphqlRequestError ? (err.fields[0]?.message ?? err.message) : t('loginStep.passkeyFailed') }]);
      setPasskeyBusy(false);
    }
  };

  return (
    <div className="portal-login">
      <PageHeading>{t('loginStep.title')}</PageHeading>
      <ErrorSummary errors={summary} />
      {offerPasskey && (
        <div className="portal-form">
          <Paragraph>{t('loginStep.passkeyIntro')}</Paragraph>
          <Button appearance="primary-action-button" type="button" busy={passkeyBusy} disabled={passkeyBusy} onClick={() => void withPasskey()}>
            {passkeyBusy ? t('loginStep.passkeyBusy') : t('loginStep.passkey')}
          </Button>
        </div>
      )}
      <Paragraph>{t('loginStep.intro')}</Paragraph>
      <form noValidate onSubmit={onSubmit} className="portal-form" aria-label={t('loginStep.title')}>
        <TextField
          id={CODE_ID}
          name="code"
          label={t('loginStep.code')}
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="characters"
          required
          value={code}
          onChange={(event) => setCode(event.target.value)}
          errorMessage={fieldError}
        />
        <div className="portal-security-actions">
          <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
            {busy ? t('loginStep.submitting') : t('loginStep.submit')}
          </Button>
          <Button appearance="secondary-action-button" type="button" onClick={restart}>
            {t('loginStep.restart')}
          </Button>
        </div>
      </form>
    </div>
  );
}

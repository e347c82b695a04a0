import { ConfirmTotpEnrolmentDocument, StartTotpEnrolmentDocument, type StartTotpEnrolmentMutation } from '@inburgering/contracts';
import { Alert, Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { TextField } from '../components/form-fields';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';
import './security.css';

type Enrolment = StartTotpEnrolmentMutation['startTotpEnrolment'];

const CODE_ID = 'totp-enrol-code';

/** The secret in groups of four, easier to type over. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, '$1 ').trim();

/**
 * Linking an authenticator app: a QR code (and the secret as text), the first code to confirm, then the recovery codes
 * (shown once). `onDone` runs after the user saw the codes; the API has then replaced every session by a new one.
 */
export function TotpEnrolment({ onDone, onCancel }: { onDone: () => void; onCancel?: () => void }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [code, setCode] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let cancelled = false;
    graphqlRequest(StartTotpEnrolmentDocument, {}).then(
      (data) => {
        if (cancelled) return;
        setEnrolment(data.startTotpEnrolment);
        heading.current?.focus();
      },
      (err: unknown) => !cancelled && setSummary([{ message: err instanceof GraphqlRequestError ? err.message : t('errors.unexpected') }]),
    );
    return () => {
      cancelled = true;
    };
  }, [t]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.replace(/\s/g, ''))) {
      setFieldError(t('totp.codeRequired'));
      setSummary([{ message: t('totp.codeRequired'), fieldId: CODE_ID }]);
      return;
    }
    setBusy(true);
    try {
      const data = await graphqlRequest(ConfirmTotpEnrolmentDocument, { input: { code: code.replace(/\s/g, '') } });
      setRecoveryCodes(data.confirmTotpEnrolment.codes);
    } catch (err) {
      const error = err instanceof GraphqlRequestError ? err : new GraphqlRequestError(t('errors.unexpected'), 'UNKNOWN');
      const message = error.fields.find((f) => f.field === 'code')?.message;
      setFieldError(message);
      setSummary(message ? [{ message, fieldId: CODE_ID }] : [{ message: error.message }]);
      setCode('');
    } finally {
      setBusy(false);
    }
  };

  if (recoveryCodes) return <RecoveryCodesPanel codes={recoveryCodes} onDone={onDone} />;

  return (
    <section aria-labelledby="totp-enrol-heading" className="portal-security-section">
      <Heading2 id="totp-enrol-heading" ref={heading} tabIndex={-1}>
        {t('totp.heading')}
      </Heading2>
      <ErrorSummary errors={summary} />
      {enrolment && (
        <>
          <Paragraph>{t('totp.step1')}</Paragraph>
          <img className="portal-totp-qr" src={enrolment.qrCode} alt={t('totp.qrAlt')} width={240} height={240} />
          <Paragraph>{t('totp.secretLabel')}</Paragraph>
          <p className="portal-totp-secret" data-testid="totp-secret">
            {grouped(enrolment.secret)}
          </p>
          <Paragraph>{t('totp.step2')}</Paragraph>
          <form noValidate onSubmit={onSubmit} className="portal-form" aria-label={t('totp.heading')}>
            <TextField
              id={CODE_ID}
              name="code"
              label={t('totp.code')}
              autoComplete="one-time-code"
              inputMode="numeric"
              maxLength={7}
              required
              value={code}
              onChange={(event) => setCode(event.target.value)}
              errorMessage={fieldError}
            />
            <div className="portal-security-actions">
              <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
                {busy ? t('totp.confirming') : t('totp.confirm')}
              </Button>
              {onCancel && (
                <Button appearance="secondary-action-button" type="button" onClick={onCancel}>
                  {t('totp.cancel')}
                </Button>
              )}
            </div>
          </form>
        </>
      )}
      {!enrolment && summary.length === 0 && (
        <Alert type="info" role="status">
          <Paragraph>{t('app.loading')}</Paragraph>
        </Alert>
      )}
    </section>
  );
}

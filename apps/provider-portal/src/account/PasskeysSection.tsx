import { FinishPasskeyRegistrationDocument, RemovePasskeyDocument, StartPasskeyRegistrationDocument, type SecondFactorStatusQuery } from '@inburgering/contracts';
import { startRegistration } from '@simplewebauthn/browser';
import { Button, Heading2, Paragraph } from '@utrecht/component-library-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../auth/session-context';
import { ErrorSummary, type SummaryError } from '../components/ErrorSummary';
import { TextField } from '../components/form-fields';
import { GraphqlRequestError } from '../graphql/graphql-error';
import { graphqlRequest } from '../graphql/request';

type Passkey = SecondFactorStatusQuery['secondFactorStatus']['passkeys'][number];

const NAME_ID = 'passkey-name';
const moment = (iso: string) => new Intl.DateTimeFormat('nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(new Date(iso));

/** Whether this browser can make and use passkeys (WebAuthn). */
export const browserHasPasskeys = () => typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';

/**
 * The passkeys of the own account (issue 14): add one (named), see when each was added and last used, remove one.
 * Adding or removing ends the user's sessions elsewhere; the browser keeps (or, without any factor left under
 * SECOND_FACTOR=required, must enrol again).
 */
export function PasskeysSection({ passkeys, onChanged }: { passkeys: Passkey[]; onChanged: (notice: string) => void }) {
  const { t } = useTranslation();
  const { reload } = useSession();
  const supported = browserHasPasskeys();

  const removed = (passkey: Passkey, step: string) => {
    // Without any factor left while one is required, this browser may only enrol: start the portal over.
    if (step !== 'FULL') reload();
    else onChanged(t('passkeys.removed', { name: passkey.name }));
  };

  return (
    <section aria-labelledby="passkeys-heading" className="portal-security-section">
      <Heading2 id="passkeys-heading">{t('passkeys.heading')}</Heading2>
      <Paragraph>{t('passkeys.intro')}</Paragraph>
      {passkeys.length === 0 ? (
        <Paragraph>{t('passkeys.none')}</Paragraph>
      ) : (
        <ul className="portal-passkeys" aria-label={t('passkeys.listLabel')}>
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="portal-passkey">
              <strong>{passkey.name}</strong>
              <span>{t('passkeys.createdAt', { date: moment(passkey.createdAt) })}</span>
              <span>{passkey.lastUsedAt ? t('passkeys.lastUsedAt', { date: moment(passkey.lastUsedAt) }) : t('passkeys.neverUsed')}</span>
              <RemovePasskeyForm passkey={passkey} onRemoved={(step) => removed(passkey, step)} />
            </li>
          ))}
        </ul>
      )}
      {supported ? <AddPasskeyForm onAdded={(name) => onChanged(t('passkeys.added', { name }))} /> : <Paragraph>{t('passkeys.unsupported')}</Paragraph>}
    </section>
  );
}

/**
 * Removing a passkey asks for the own password (as removing the authenticator app does), so a borrowed, logged-in
 * browser cannot take the account's factor away: "Verwijderen" opens the question with the password field.
 */
function RemovePasskeyForm({ passkey, onRemoved }: { passkey: Passkey; onRemoved: (step: string) => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);
  const fieldId = `passkey-remove-password-${passkey.id}`;
  const toggle = useRef<HTMLButtonElement>(null);

  const close = () => {
    setOpen(false);
    setPassword('');
    setFieldError(undefined);
    setSummary([]);
    toggle.current?.focus();
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!password) {
      setFieldError(t('login.passwordRequired'));
      setSummary([{ message: t('login.passwordRequired'), fieldId }]);
      return;
    }
    setBusy(true);
    try {
      const { removePasskey: step } = await graphqlRequest(RemovePasskeyDocument, { input: { id: passkey.id, password } });
      onRemoved(step);
    } catch (err) {
      const error = err instanceof GraphqlRequestError ? err : null;
      const message = error?.fields.find((f) => f.field === 'password')?.message;
      setFieldError(message);
      setSummary(message ? [{ message, fieldId }] : [{ message: error?.message ?? t('errors.unexpected') }]);
      setPassword('');
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <Button ref={toggle} type="button" appearance="secondary-action-button" aria-label={t('passkeys.removeLabel', { name: passkey.name })} onClick={() => setOpen(true)}>
        {t('passkeys.remove')}
      </Button>
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className="portal-form" aria-label={t('passkeys.removeLabel', { name: passkey.name })}>
      <Paragraph>{t('passkeys.removeQuestion', { name: passkey.name })}</Paragraph>
      <ErrorSummary errors={summary} />
      <TextField
        id={fieldId}
        name="password"
        type="password"
        label={t('passkeys.removePassword')}
        autoComplete="current-password"
        required
        autoFocus
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        errorMessage={fieldError}
      />
      <Button appearance="secondary-action-button" type="submit" busy={busy} disabled={busy}>{t('passkeys.removeConfirm')}</Button>{' '}
      <Button appearance="subtle-button" type="button" onClick={close} disabled={busy}>{t('passkeys.removeCancel')}</Button>
    </form>
  );
}

/**
 * Adding a passkey: a name, then the browser's own dialog. `onAdded` runs once the API kept it; the API has then
 * replaced every session of the user by a new, complete one for this browser. Only where the browser has passkeys.
 */
export function AddPasskeyForm({ onAdded }: { onAdded: (name: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [summary, setSummary] = useState<SummaryError[]>([]);
  const [busy, setBusy] = useState(false);

  const fail = (err: unknown) => {
    if (err instanceof GraphqlRequestError) {
      const message = err.fields.find((f) => f.field === 'name')?.message;
      setFieldError(message);
      setSummary(message ? [{ message, fieldId: NAME_ID }] : [{ message: err.fields[0]?.message ?? err.message }]);
    } else {
      // The browser's own refusal (cancelled, timed out, no authenticator): one plain message.
      setFieldError(undefined);
      setSummary([{ message: t('passkeys.browserFailed') }]);
    }
  };

  const onAdd = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const typed = name.trim();
    if (!typed) {
      setFieldError(t('passkeys.nameRequired'));
      setSummary([{ message: t('passkeys.nameRequired'), fieldId: NAME_ID }]);
      return;
    }
    setBusy(true);
    setFieldError(undefined);
    setSummary([]);
    try {
      const { startPasskeyRegistration } = await graphqlRequest(StartPasskeyRegistrationDocument, {});
      const response = await startRegistration({ optionsJSON: JSON.parse(startPasskeyRegistration.optionsJson) });
      await graphqlRequest(FinishPasskeyRegistrationDocument, { input: { name: typed, responseJson: JSON.stringify(response) } });
      setName('');
      onAdded(typed);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form noValidate onSubmit={onAdd} className="portal-form" aria-labelledby="passkey-add-heading">
      <h3 id="passkey-add-heading" className="utrecht-heading-3">{t('passkeys.addHeading')}</h3>
      <ErrorSummary errors={summary} />
      <TextField
        id={NAME_ID}
        name="name"
        label={t('passkeys.name')}
        description={t('passkeys.nameHint')}
        autoComplete="off"
        required
        maxLength={60}
        value={name}
        onChange={(event) => setName(event.target.value)}
        errorMessage={fieldError}
      />
      <Button appearance="primary-action-button" type="submit" busy={busy} disabled={busy}>
        {busy ? t('passkeys.adding') : t('passkeys.add')}
      </Button>
    </form>
  );
}

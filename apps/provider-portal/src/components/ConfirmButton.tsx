import { Button } from '@utrecht/component-library-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmButtonProps {
  /** The button's text ("Aanmelding intrekken"). */
  children: ReactNode;
  /** Its accessible name when the text alone is not enough ("Indienen januari 2026 Gemeente Arnhem"). */
  label?: string;
  /** What the user confirms, as a question ("Weet u zeker dat u … wilt intrekken?"). */
  question: string;
  /** The confirming button's text ("Ja, intrekken"). */
  confirmText: string;
  appearance?: 'primary-action-button' | 'secondary-action-button';
  onConfirm: () => void;
}

/**
 * An action that cannot be undone with one click: the first click asks the question next to the button, with
 * "Ja, …" (which gets the focus) and "Annuleren" (back to the button).
 */
export function ConfirmButton({ children, label, question, confirmText, appearance = 'secondary-action-button', onConfirm }: ConfirmButtonProps) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) openRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  if (!asking) {
    return (
      <Button ref={openRef} type="button" appearance={appearance} aria-label={label} onClick={() => setAsking(true)}>
        {children}
      </Button>
    );
  }
  return (
    <span className="portal-confirm" role="group" aria-label={question}>
      <span className="portal-confirm__question">{question}</span>
      <Button ref={confirmRef} type="button" appearance="primary-action-button" onClick={() => { setAsking(false); onConfirm(); }}>
        {confirmText}
      </Button>
      <Button type="button" appearance="subtle-button" onClick={() => setAsking(false)}>
        {t('confirm.cancel')}
      </Button>
    </span>
  );
}

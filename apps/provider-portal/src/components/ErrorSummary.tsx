import { Alert, Heading2, Link, UnorderedList, UnorderedListItem, Paragraph } from '@utrecht/component-library-react';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface SummaryError {
  message: string;
  /** Id of the input the message belongs to; the summary links to it. */
  fieldId?: string;
}

/**
 * Lists all problems of a form at its top and takes the focus, so keyboard and screen reader users hear
 * what went wrong and can jump to each field (pattern of the NL Design System / GOV.UK error summary).
 */
export function ErrorSummary({ errors }: { errors: readonly SummaryError[] }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [labels, setLabels] = useState<Record<string, string>>({});

  // Every linked message names its field ("Geboortedatum: Vul een geldige datum in …"), read from the form's own labels.
  useLayoutEffect(() => {
    setLabels(Object.fromEntries(errors.flatMap((e) => (e.fieldId ? [[e.fieldId, fieldLabel(e.fieldId)]] : []))));
  }, [errors]);

  useEffect(() => {
    if (errors.length > 0) ref.current?.focus();
  }, [errors]);

  if (errors.length === 0) return null;
  const [general, linked] = [errors.filter((e) => !e.fieldId), errors.filter((e) => e.fieldId)];
  return (
    <Alert type="error" ref={ref} tabIndex={-1} className="portal-error-summary">
      <Heading2 className="portal-error-summary__title">{t('errors.summaryTitle')}</Heading2>
      {general.map((error) => (
        <Paragraph key={error.message}>{error.message}</Paragraph>
      ))}
      {linked.length > 0 && (
        <UnorderedList>
          {linked.map((error) => (
            <UnorderedListItem key={`${error.fieldId}-${error.message}`}>
              <Link href={`#${error.fieldId}`} onClick={(event) => focusField(event, error.fieldId)}>
                {withLabel(labels[error.fieldId ?? ''], error.message)}
              </Link>
            </UnorderedListItem>
          ))}
        </UnorderedList>
      )}
    </Alert>
  );
}

/** "Label: message", unless there is no label or the message already starts with it. */
function withLabel(label: string | undefined, message: string): string {
  if (!label || message.toLowerCase().startsWith(label.toLowerCase())) return message;
  return `${label}: ${message}`;
}

/** The visible name of a field: its <label>, or the legend of its group (radio buttons, checkboxes, a set of inputs). */
function fieldLabel(fieldId: string): string {
  const element = document.getElementById(fieldId);
  if (!element) return '';
  const group = element.closest('fieldset.portal-choice-group') ?? (element.tagName === 'FIELDSET' ? element : null);
  const legend = group?.querySelector('legend')?.textContent;
  const label = legend ?? [...document.querySelectorAll('label')].find((l) => l.htmlFor === fieldId)?.textContent;
  // "BSN *" names the field as "BSN": the star only marks it as required.
  return label?.trim().replace(/\s*\*$/, '') ?? '';
}

// In-page links would change the URL hash and the router; focusing the input directly is what the user wants.
function focusField(event: React.MouseEvent<HTMLAnchorElement>, fieldId: string | undefined) {
  const input = fieldId ? document.getElementById(fieldId) : null;
  if (!input) return;
  event.preventDefault();
  input.focus();
}

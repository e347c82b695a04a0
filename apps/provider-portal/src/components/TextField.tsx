import { FormField, FormFieldErrorMessage, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import type { InputHTMLAttributes } from 'react';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  /** Id of the input; the error summary links to it. */
  id: string;
  label: string;
  description?: string;
  errorMessage?: string;
}

/** Label, optional description, error message and input wired together with ids and aria-describedby. */
export function TextField({ id, label, description, errorMessage, ...inputProps }: TextFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = errorMessage ? `${id}-error` : undefined;
  const describedBy = [descriptionId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <FormField type="text" invalid={Boolean(errorMessage)} className="portal-text-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && (
        <Paragraph className="utrecht-form-field__description" id={descriptionId}>
          {description}
        </Paragraph>
      )}
      {errorMessage && (
        <FormFieldErrorMessage className="utrecht-form-field__error-message" id={errorId}>
          {errorMessage}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">
        <Textbox id={id} invalid={Boolean(errorMessage)} aria-describedby={describedBy} {...inputProps} />
      </div>
    </FormField>
  );
}

import { FormField, FormFieldErrorMessage, FormLabel, Paragraph } from '@utrecht/component-library-react';
import type { ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface WrapperProps {
  id: string;
  label: string;
  description?: string;
  errorMessage?: string;
  children: (describedBy: string | undefined) => ReactNode;
}

/** Label, description and error message around one input, wired with aria-describedby (as TextField does). */
function FieldWrapper({ id, label, description, errorMessage, children }: WrapperProps) {
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
      <div className="utrecht-form-field__input">{children(describedBy)}</div>
    </FormField>
  );
}

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id: string;
  label: string;
  description?: string;
  errorMessage?: string;
  options: readonly { value: string; label: string }[];
}

export function SelectField({ id, label, description, errorMessage, options, ...selectProps }: SelectFieldProps) {
  return (
    <FieldWrapper id={id} label={label} description={description} errorMessage={errorMessage}>
      {(describedBy) => (
        <select id={id} className="utrecht-select utrecht-select--html-select" aria-invalid={errorMessage ? true : undefined} aria-describedby={describedBy} {...selectProps}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldWrapper>
  );
}

interface TextAreaFieldProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id: string;
  label: string;
  description?: string;
  errorMessage?: string;
}

export function TextAreaField({ id, label, description, errorMessage, ...areaProps }: TextAreaFieldProps) {
  return (
    <FieldWrapper id={id} label={label} description={description} errorMessage={errorMessage}>
      {(describedBy) => (
        <textarea id={id} className="utrecht-textarea utrecht-textarea--html-textarea" rows={4} aria-invalid={errorMessage ? true : undefined} aria-describedby={describedBy} {...areaProps} />
      )}
    </FieldWrapper>
  );
}

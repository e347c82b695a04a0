// The form fields of every portal form: NL Design System markup with label, description and error wired up.
import { Fieldset, FieldsetLegend, FormField, FormFieldErrorMessage, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import type { InputHTMLAttributes, ReactNode, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface ShellProps {
  id: string;
  label: string;
  description?: string;
  errorMessage?: string;
}

const describedByOf = (id: string, description?: string, errorMessage?: string) =>
  [description && `${id}-description`, errorMessage && `${id}-error`].filter(Boolean).join(' ') || undefined;

/** Label, description and error message around one input, wired with aria-describedby; the error summary links to the id. */
function FieldShell({ id, label, description, errorMessage, children }: ShellProps & { children: (describedBy: string | undefined) => ReactNode }) {
  return (
    <FormField type="text" invalid={Boolean(errorMessage)} className="portal-text-field">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{label}</FormLabel>
      </div>
      {description && (
        <Paragraph className="utrecht-form-field__description" id={`${id}-description`}>
          {description}
        </Paragraph>
      )}
      {errorMessage && (
        <FormFieldErrorMessage className="utrecht-form-field__error-message" id={`${id}-error`}>
          {errorMessage}
        </FormFieldErrorMessage>
      )}
      <div className="utrecht-form-field__input">{children(describedByOf(id, description, errorMessage))}</div>
    </FormField>
  );
}

/** A text input (or date, number, e-mail …: pass `type`). */
export function TextField({ id, label, description, errorMessage, ...props }: ShellProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <FieldShell id={id} label={label} description={description} errorMessage={errorMessage}>
      {(describedBy) => <Textbox id={id} invalid={Boolean(errorMessage)} aria-describedby={describedBy} {...props} />}
    </FieldShell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectField({ id, label, description, errorMessage, options, ...props }: ShellProps & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> & { options: readonly Option[] }) {
  return (
    <FieldShell id={id} label={label} description={description} errorMessage={errorMessage}>
      {(describedBy) => (
        <select id={id} className="utrecht-select utrecht-select--html-select" aria-invalid={errorMessage ? true : undefined} aria-describedby={describedBy} {...props}>
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

type TextAreaFieldProps = ShellProps & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> & { ref?: Ref<HTMLTextAreaElement> };

export function TextAreaField({ id, label, description, errorMessage, ref, ...props }: TextAreaFieldProps) {
  return (
    <FieldShell id={id} label={label} description={description} errorMessage={errorMessage}>
      {(describedBy) => (
        <textarea ref={ref} id={id} className="utrecht-textarea utrecht-textarea--html-textarea" rows={3} aria-invalid={errorMessage ? true : undefined} aria-describedby={describedBy} {...props} />
      )}
    </FieldShell>
  );
}

export function FileField({ id, label, description, errorMessage, ...props }: ShellProps & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'type'>) {
  return (
    <FieldShell id={id} label={label} description={description} errorMessage={errorMessage}>
      {(describedBy) => <input id={id} type="file" className="portal-file-input" aria-invalid={errorMessage ? true : undefined} aria-describedby={describedBy} {...props} />}
    </FieldShell>
  );
}

interface ChoiceGroupProps {
  /** Id of the group: the error summary links here and the first input gets it. */
  id: string;
  legend: string;
  type: 'radio' | 'checkbox';
  name: string;
  options: readonly Option[];
  selected: readonly string[];
  onToggle: (value: string, checked: boolean) => void;
  description?: string;
  errorMessage?: string;
}

/** Radio buttons or checkboxes in a fieldset with a legend; the first input carries the group id for the error summary. */
export function ChoiceGroup({ id, legend, type, name, options, selected, onToggle, description, errorMessage }: ChoiceGroupProps) {
  const describedBy = describedByOf(id, description, errorMessage);
  return (
    <Fieldset invalid={Boolean(errorMessage)} aria-describedby={describedBy} className="portal-choice-group">
      <FieldsetLegend>{legend}</FieldsetLegend>
      {description && <Paragraph className="utrecht-form-field__description" id={`${id}-description`}>{description}</Paragraph>}
      {errorMessage && <FormFieldErrorMessage id={`${id}-error`}>{errorMessage}</FormFieldErrorMessage>}
      <div className={`portal-choice-group__options portal-choice-group__options--${type}`}>
        {options.map((option, index) => {
          const inputId = index === 0 ? id : `${id}-${index}`;
          return (
            <div key={option.value} className={`utrecht-form-field utrecht-form-field--${type === 'radio' ? 'radio' : 'checkbox'}`}>
              <input type={type} id={inputId} name={name} value={option.value} checked={selected.includes(option.value)}
                className={type === 'radio' ? 'utrecht-radio-button utrecht-radio-button--html-input' : 'utrecht-checkbox utrecht-checkbox--html-input'}
                onChange={(event) => onToggle(option.value, event.target.checked)} />{' '}
              <label htmlFor={inputId} className={`utrecht-form-label utrecht-form-label--${type === 'radio' ? 'radio' : 'checkbox'}`}>{option.label}</label>
            </div>
          );
        })}
      </div>
    </Fieldset>
  );
}

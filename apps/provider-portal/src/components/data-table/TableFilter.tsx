import { FormField, FormLabel, Paragraph, Textbox } from '@utrecht/component-library-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface TableFilterProps {
  /** The table's caption (without a count in brackets): each filter on a page gets its own label. */
  caption: string;
  value: string;
  onChange: (value: string) => void;
  shown: number;
  total: number;
}

/** The text filter above a DataTable; the number of rows left is announced politely while typing. */
export function TableFilter({ caption, value, onChange, shown, total }: TableFilterProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <FormField type="text" className="portal-table-filter">
      <div className="utrecht-form-field__label">
        <FormLabel htmlFor={id}>{t('table.filter', { caption: caption.replace(/\s*\(\d+\)$/, '') })}</FormLabel>
      </div>
      <div className="utrecht-form-field__input">
        <Textbox id={id} type="search" value={value} onChange={(event) => onChange(event.target.value)} autoComplete="off" />
      </div>
      <Paragraph className="portal-table-filter__count" aria-live="polite">
        {value.trim() ? t('table.filterCount', { shown: String(shown), total: String(total) }) : ''}
      </Paragraph>
    </FormField>
  );
}

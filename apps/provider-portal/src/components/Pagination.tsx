import { Button, ButtonGroup } from '@utrecht/component-library-react';
import { useTranslation } from 'react-i18next';
import { pageRange } from './page-range';

interface PaginationProps {
  offset: number;
  pageSize: number;
  total: number;
  onChange: (offset: number) => void;
  disabled?: boolean;
  /** The landmark's name when a page has more than one paged table (axe: landmarks must be distinguishable). */
  label?: string;
}

const formatCount = (n: number): string => n.toLocaleString('nl-NL');

/** "1–50 van 90" with Vorige/Volgende; the range is a live region, so the change is announced. */
export function Pagination({ offset, pageSize, total, onChange, disabled, label }: PaginationProps) {
  const { t } = useTranslation();
  const range = pageRange(offset, pageSize, total);
  const hasPrevious = offset > 0;
  const hasNext = offset + pageSize < total;
  return (
    <nav className="portal-pagination" aria-label={label ?? t('pagination.label')}>
      <p className="portal-pagination__range" aria-live="polite">
        {t('pagination.range', { from: formatCount(range.from), to: formatCount(range.to), total: formatCount(range.total) })}
      </p>
      {(hasPrevious || hasNext) && (
        <ButtonGroup>
          <Button
            appearance="secondary-action-button"
            type="button"
            disabled={disabled || !hasPrevious}
            onClick={() => onChange(Math.max(0, offset - pageSize))}
          >
            {t('pagination.previous')}
          </Button>
          <Button
            appearance="secondary-action-button"
            type="button"
            disabled={disabled || !hasNext}
            onClick={() => onChange(offset + pageSize)}
          >
            {t('pagination.next')}
          </Button>
        </ButtonGroup>
      )}
    </nav>
  );
}

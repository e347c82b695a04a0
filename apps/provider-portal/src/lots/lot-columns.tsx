import type { LotsQuery } from '@inburgering/contracts';
import { formatDateNl, lotSubjectLabel } from '@inburgering/domain';
import type { TFunction } from 'i18next';
import type { DataTableColumn } from '../components/data-table/DataTable';

export type LotRow = LotsQuery['lots'][number];
export type LotsVariant = 'provider' | 'region';

/** "Gemeente Arnhem" → "Arnhem": the column header already says these are municipalities. */
export function municipalityShortName(name: string): string {
  return name.replace(/^Gemeente\s+/i, '');
}

const names = (organisations: readonly { name: string }[], short = false): string =>
  organisations.map((o) => (short ? municipalityShortName(o.name) : o.name)).join(', ');

/** Columns of the lots table; the region also sees the providers and the expected volume. */
export function lotColumns(t: TFunction, variant: LotsVariant): DataTableColumn<LotRow>[] {
  const columns: (DataTableColumn<LotRow> | false)[] = [
    { id: 'name', header: t('lots.name'), text: (lot) => lot.name },
    { id: 'subject', header: t('lots.subject'), text: (lot) => lotSubjectLabel(lot.subject) },
    variant === 'region' && { id: 'providers', header: t('lots.providers'), text: (lot) => names(lot.providers) },
    { id: 'municipalities', header: t('lots.municipalities'), text: (lot) => names(lot.municipalities, true) },
    {
      id: 'period',
      header: t('lots.period'),
      text: (lot) => `${formatDateNl(lot.periodStart)} ${t('lots.until')} ${formatDateNl(lot.periodEnd)}`,
      sortValue: (lot) => lot.periodStart,
      // Keep each date on one line: browsers would otherwise break "31-12-" from "2027".
      render: (lot) => (
        <>
          <time dateTime={lot.periodStart} className="portal-nowrap">
            {formatDateNl(lot.periodStart)}
          </time>{' '}
          {t('lots.until')}{' '}
          <time dateTime={lot.periodEnd} className="portal-nowrap">
            {formatDateNl(lot.periodEnd)}
          </time>
        </>
      ),
    },
    variant === 'region' && {
      id: 'expectedVolume',
      header: t('lots.expectedVolume'),
      text: (lot) => String(lot.expectedVolumePerYear),
      sortValue: (lot) => lot.expectedVolumePerYear,
      numeric: true,
    },
  ];
  return columns.filter((column): column is DataTableColumn<LotRow> => column !== false);
}

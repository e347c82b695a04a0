import {
  Button,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv } from './csv';
import { downloadBlob, downloadTextFile } from './download-file';
import { datedFileName } from './dated-file-name';
import { filterRows } from './filter-rows';
import { nextDirection, sortRows, type SortDirection, type SortValue } from './sort-rows';
import { ScrollRegion } from './ScrollRegion';
import { TableFilter } from './TableFilter';
import { euroCell, toXlsx, type XlsxCell } from './xlsx';

export interface DataTableColumn<Row> {
  id: string;
  header: string;
  /** Plain text of the cell: shown when there is no `render`, and written to the CSV export. */
  text: (row: Row) => string;
  /** What to sort on when it differs from the text, e.g. an ISO date behind 'd-M-yyyy'. */
  sortValue?: (row: Row) => SortValue;
  render?: (row: Row) => ReactNode;
  sortable?: boolean;
  numeric?: boolean;
  /** How the XLSX export writes the sort value: euro cents as euros with a currency format, an ISO date as a date cell. */
  xlsx?: 'EURO_CENTS' | 'DATE';
}

interface DataTableProps<Row> {
  caption: string;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Id of the column whose cells name the row (rendered as row headers for screen readers). */
  rowHeader?: string;
  /** Base name of the CSV and XLSX files; without it there are no export buttons. */
  exportFileName?: string;
  /** Shows a text field above the table that keeps the rows containing the typed words. */
  filterable?: boolean;
  emptyMessage: string;
  busy?: boolean;
  /** Shown under the table, left of the export button (e.g. the pagination). */
  footer?: ReactNode;
  /** For a paged list: every row of the whole (filtered) list, fetched for the export instead of only the rows on screen. */
  exportAll?: () => Promise<readonly Row[]>;
  /** On a screen too narrow for the columns (a phone, or a tablet for many columns) each row shows as a card of label–value lines instead of a wide table. */
  stacksOnPhone?: boolean;
}

interface SortState {
  columnId: string;
  direction: SortDirection;
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A number cell in Excel for numeric columns that sort on a number; text otherwise. */
export function xlsxCell<Row>(column: DataTableColumn<Row>, row: Row): XlsxCell {
  if (column.xlsx) {
    const raw = column.sortValue?.(row);
    if (column.xlsx === 'EURO_CENTS' && typeof raw === 'number') return euroCell(raw);
    if (column.xlsx === 'DATE' && typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw)) return { date: raw };
    return column.text(row);
  }
  const value = column.numeric ? column.sortValue?.(row) : undefined;
  return typeof value === 'number' ? value : column.text(row);
}

/** A table with sortable columns (buttons in the headers, aria-sort), an optional text filter and Excel-friendly CSV and XLSX exports. */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowHeader, exportFileName, filterable, emptyMessage, busy, footer, exportAll, stacksOnPhone }: DataTableProps<Row>) {
  const { t } = useTranslation();
  const [exporting, setExporting] = useState(false);
  const captionId = useId();
  const [sort, setSort] = useState<SortState | null>(null);
  const [query, setQuery] = useState('');
  const sortColumn = columns.find((column) => column.id === sort?.columnId);

  const visibleRows = useMemo(
    () => (filterable ? filterRows(rows, (row) => columns.map((column) => column.text(row)), query) : rows),
    [rows, columns, filterable, query],
  );
  const sortedRows = useMemo(() => {
    if (!sort || !sortColumn) return visibleRows;
    return sortRows(visibleRows, sortColumn.sortValue ?? sortColumn.text, sort.direction);
  }, [visibleRows, sort, sortColumn]);

  const toggleSort = (columnId: string) =>
    setSort((current) => ({ columnId, direction: nextDirection(current?.columnId === columnId ? current.direction : null) }));

  /** The rows to export: the whole list when it is paged, else the rows as shown (filtered and sorted). */
  const rowsToExport = async (): Promise<readonly Row[]> => {
    if (!exportAll) return sortedRows;
    setExporting(true);
    try {
      const all = await exportAll();
      return sort && sortColumn ? sortRows(all, sortColumn.sortValue ?? sortColumn.text, sort.direction) : all;
    } finally {
      setExporting(false);
    }
  };

  const exportCsv = async () => {
    const csv = toCsv(
      columns.map((column) => column.header),
      (await rowsToExport()).map((row) => columns.map((column) => column.text(row))),
    );
    downloadTextFile(datedFileName(exportFileName ?? '', 'csv'), csv, 'text/csv;charset=utf-8');
  };

  const exportXlsx = async () => {
    const bytes = await toXlsx(
      caption,
      columns.map((column) => column.header),
      (await rowsToExport()).map((row) => columns.map((column) => xlsxCell(column, row))),
    );
    downloadBlob(datedFileName(exportFileName ?? '', 'xlsx'), new Blob([bytes], { type: XLSX_MIME }));
  };

  // A stacked table's rows and cells are blocks on a phone; explicit roles keep it a table for screen readers (browsers may
  // drop the table semantics of elements whose display changed). Each cell carries its column's name for the card's label.
  const role = (name: string) => (stacksOnPhone ? { role: name } : {});
  const label = (column: DataTableColumn<Row>) => (stacksOnPhone ? { 'data-label': column.header } : {});

  const sortAnnouncement =
    sort && sortColumn
      ? t('table.sortedBy', {
          column: sortColumn.header,
          direction: t(sort.direction === 'ascending' ? 'table.sortAscending' : 'table.sortDescending'),
        })
      : '';

  return (
    <div className={stacksOnPhone ? 'portal-data-table portal-data-table--stacks' : 'portal-data-table'}>
      {filterable && <TableFilter caption={caption} value={query} onChange={setQuery} shown={sortedRows.length} total={rows.length} />}
      <ScrollRegion labelledBy={captionId} stacks={stacksOnPhone}>
        <Table busy={busy} {...role('table')}>
          <TableCaption id={captionId}>{caption}</TableCaption>
          <TableHeader {...role('rowgroup')}>
            <TableRow {...role('row')} {...(stacksOnPhone ? { 'data-sort-label': t('table.sortBy') } : {})}>
              {columns.map((column) => {
                const direction = sort?.columnId === column.id ? sort.direction : undefined;
                return (
                  <TableHeaderCell key={column.id} scope="col" aria-sort={direction} numericColumn={column.numeric} {...role('columnheader')}>
                    {column.sortable === false ? (
                      column.header
                    ) : (
                      <button type="button" className="portal-sort-button" onClick={() => toggleSort(column.id)}>
                        {column.header}
                        <SortIcon direction={direction} />
                      </button>
                    )}
                  </TableHeaderCell>
                );
              })}
            </TableRow>
          </TableHeader>
          <TableBody {...role('rowgroup')}>
            {sortedRows.length === 0 ? (
              <TableRow {...role('row')}>
                <TableCell colSpan={columns.length} {...role('cell')}>{rows.length > 0 ? t('table.noMatches', { query }) : emptyMessage}</TableCell>
              </TableRow>
            ) : (
              sortedRows.map((row) => (
                <TableRow key={rowKey(row)} {...role('row')}>
                  {columns.map((column) => {
                    const rendered = column.render ? column.render(row) : column.text(row);
                    // One grid item beside the card's label, however many nodes the cell renders.
                    const content = stacksOnPhone ? <span className="portal-data-table__value">{rendered}</span> : rendered;
                    return column.id === rowHeader ? (
                      <TableHeaderCell key={column.id} scope="row" className="portal-data-table__row-header" {...role('rowheader')} {...label(column)}>
                        {content}
                      </TableHeaderCell>
                    ) : (
                      <TableCell key={column.id} numericColumn={column.numeric} {...role('cell')} {...label(column)}>
                        {content}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </ScrollRegion>
      <div className="portal-data-table__footer">
        {footer}
        {exportFileName && sortedRows.length > 0 && (
          <div className="portal-data-table__export">
            <Button appearance="secondary-action-button" type="button" disabled={exporting} onClick={() => void exportCsv()}>
              {t('table.exportCsv')}
            </Button>
            <Button appearance="secondary-action-button" type="button" disabled={exporting} onClick={() => void exportXlsx()}>
              {t('table.exportXlsx')}
            </Button>
          </div>
        )}
      </div>
      <p className="portal-visually-hidden" aria-live="polite">
        {sortAnnouncement}
      </p>
    </div>
  );
}

function SortIcon({ direction }: { direction: SortDirection | undefined }) {
  const symbol = direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕';
  return (
    <span className="portal-sort-button__icon" aria-hidden="true">
      {symbol}
    </span>
  );
}

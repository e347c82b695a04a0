import {
  Button,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableContainer,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useId, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toCsv } from './csv';
import { downloadTextFile } from './download-file';
import { nextDirection, sortRows, type SortDirection, type SortValue } from './sort-rows';

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
}

interface DataTableProps<Row> {
  caption: string;
  columns: readonly DataTableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Id of the column whose cells name the row (rendered as row headers for screen readers). */
  rowHeader?: string;
  /** Base name of the CSV file; without it there is no export button. */
  exportFileName?: string;
  emptyMessage: string;
  busy?: boolean;
  /** Shown under the table, left of the export button (e.g. the pagination). */
  footer?: ReactNode;
}

interface SortState {
  columnId: string;
  direction: SortDirection;
}

/** A table with sortable columns (buttons in the headers, aria-sort) and an Excel-friendly CSV export. */
export function DataTable<Row>({ caption, columns, rows, rowKey, rowHeader, exportFileName, emptyMessage, busy, footer }: DataTableProps<Row>) {
  const { t } = useTranslation();
  const captionId = useId();
  const [sort, setSort] = useState<SortState | null>(null);
  const sortColumn = columns.find((column) => column.id === sort?.columnId);

  const sortedRows = useMemo(() => {
    if (!sort || !sortColumn) return rows;
    return sortRows(rows, sortColumn.sortValue ?? sortColumn.text, sort.direction);
  }, [rows, sort, sortColumn]);

  const toggleSort = (columnId: string) =>
    setSort((current) => ({ columnId, direction: nextDirection(current?.columnId === columnId ? current.direction : null) }));

  const exportCsv = () => {
    const csv = toCsv(
      columns.map((column) => column.header),
      sortedRows.map((row) => columns.map((column) => column.text(row))),
    );
    downloadTextFile(`${exportFileName}-${new Date().toISOString().slice(0, 10)}.csv`, csv, 'text/csv;charset=utf-8');
  };

  const sortAnnouncement =
    sort && sortColumn
      ? t('table.sortedBy', {
          column: sortColumn.header,
          direction: t(sort.direction === 'ascending' ? 'table.sortAscending' : 'table.sortDescending'),
        })
      : '';

  return (
    <div className="portal-data-table">
      {/* Focusable and named, so keyboard users can scroll a table wider than the screen. */}
      <TableContainer tabIndex={0} role="region" aria-labelledby={captionId}>
        <Table busy={busy}>
          <TableCaption id={captionId}>{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              {columns.map((column) => {
                const direction = sort?.columnId === column.id ? sort.direction : undefined;
                return (
                  <TableHeaderCell key={column.id} scope="col" aria-sort={direction} numericColumn={column.numeric}>
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
          <TableBody>
            {sortedRows.length === 0 ? (
              <TableRow>
                <TableCell colSpan={columns.length}>{emptyMessage}</TableCell>
              </TableRow>
            ) : (
              sortedRows.map((row) => (
                <TableRow key={rowKey(row)}>
                  {columns.map((column) => {
                    const content = column.render ? column.render(row) : column.text(row);
                    return column.id === rowHeader ? (
                      <TableHeaderCell key={column.id} scope="row" className="portal-data-table__row-header">
                        {content}
                      </TableHeaderCell>
                    ) : (
                      <TableCell key={column.id} numericColumn={column.numeric}>
                        {content}
                      </TableCell>
                    );
                  })}
                </TableRow>
              ))
            )}
          </TableBody>
        </Table>
      </TableContainer>
      <div className="portal-data-table__footer">
        {footer}
        {exportFileName && rows.length > 0 && (
          <Button appearance="secondary-action-button" type="button" onClick={exportCsv} className="portal-data-table__export">
            {t('table.exportCsv')}
          </Button>
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

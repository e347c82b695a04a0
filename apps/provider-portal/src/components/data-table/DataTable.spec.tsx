import { describe, expect, it } from '@jest/globals';
import { renderToStaticMarkup } from 'react-dom/server';
import '../../i18n/i18n';
import { DataTable, type DataTableColumn, xlsxCell } from './DataTable';

interface Row {
  id: string;
  name: string;
  volume: number;
}

const columns: DataTableColumn<Row>[] = [
  { id: 'name', header: 'Perceel', text: (row) => row.name },
  { id: 'volume', header: 'Aantal', text: (row) => String(row.volume), sortValue: (row) => row.volume, numeric: true },
  { id: 'note', header: 'Opmerking', text: () => '', sortable: false },
];

const render = (rows: Row[], exportFileName?: string, filterable?: boolean) =>
  renderToStaticMarkup(
    <DataTable caption="Percelen" columns={columns} rows={rows} rowKey={(row) => row.id} rowHeader="name" exportFileName={exportFileName} filterable={filterable} emptyMessage="Geen percelen." />,
  );

describe('DataTable', () => {
  it('has a caption, column headers with sort buttons and row headers', () => {
    const html = render([{ id: '1', name: 'B1-route', volume: 180 }]);
    expect(html).toMatch(/<caption[^>]*>Percelen<\/caption>/);
    expect(html).toMatch(/<th[^>]*scope="col"[^>]*><button type="button" class="portal-sort-button">Perceel/);
    expect(html).toMatch(/<th[^>]*scope="col"[^>]*>Opmerking<\/th>/);
    expect(html).toMatch(/<th[^>]*scope="row"[^>]*>B1-route<\/th>/);
    // Not sorted yet: no column claims a sort order.
    expect(html).not.toContain('aria-sort');
  });

  it('puts the table in a box named by its caption, a keyboard stop only once it scrolls (measured in the browser)', () => {
    const html = render([{ id: '1', name: 'B1-route', volume: 180 }]);
    const captionId = /<caption id="([^"]+)"/.exec(html)?.[1];
    expect(html).toContain(`<div class="utrecht-table-container" role="region" aria-labelledby="${captionId}">`);
  });

  it('gives a table that stacks on a phone explicit table roles and each cell its column as label; others neither', () => {
    const rows = [{ id: '1', name: 'B1-route', volume: 180 }];
    const stacked = renderToStaticMarkup(
      <DataTable caption="Percelen" columns={columns} rows={rows} rowKey={(row) => row.id} rowHeader="name" emptyMessage="Geen percelen." stacksOnPhone />,
    );
    expect(stacked).toContain('class="portal-data-table portal-data-table--stacks"');
    expect(stacked).toMatch(/<table[^>]*role="table"/);
    expect(stacked).toMatch(/<tr role="row" data-sort-label="Sorteren op:"/);
    expect(stacked).toMatch(/<th scope="col" role="columnheader"/);
    expect(stacked).toMatch(/<th scope="row" role="rowheader" data-label="Perceel"[^>]*><span class="portal-data-table__value">B1-route<\/span><\/th>/);
    expect(stacked).toMatch(/<td role="cell" data-label="Aantal"[^>]*><span class="portal-data-table__value">180<\/span><\/td>/);
    const plain = render(rows);
    expect(plain).not.toMatch(/role="(table|row|cell|rowheader)"|data-label|portal-data-table__value/);
  });

  it('offers the CSV export only when asked for and when there are rows', () => {
    expect(render([{ id: '1', name: 'B1-route', volume: 180 }], 'percelen')).toContain('Exporteren naar CSV (Excel)');
    expect(render([{ id: '1', name: 'B1-route', volume: 180 }])).not.toContain('Exporteren naar CSV');
    expect(render([], 'percelen')).not.toContain('Exporteren naar CSV');
  });

  it('offers the XLSX export next to the CSV export', () => {
    const html = render([{ id: '1', name: 'B1-route', volume: 180 }], 'percelen');
    expect(html).toContain('Exporteren naar Excel (XLSX)');
    expect(render([{ id: '1', name: 'B1-route', volume: 180 }])).not.toContain('XLSX');
  });

  it('shows a labelled text filter only when asked for', () => {
    const html = render([{ id: '1', name: 'B1-route', volume: 180 }], undefined, true);
    const inputId = /<input[^>]*id="([^"]+)"[^>]*type="search"|<input[^>]*type="search"[^>]*id="([^"]+)"/.exec(html);
    const id = inputId?.[1] ?? inputId?.[2];
    expect(id).toBeTruthy();
    expect(html).toContain(`for="${id}"`);
    expect(html).toContain('Zoeken in “Percelen”');
    expect(render([{ id: '1', name: 'B1-route', volume: 180 }])).not.toContain('Zoeken in');
  });

  it('says so when there are no rows', () => {
    // HTML attribute names are case-insensitive (React's server renderer writes colSpan).
    expect(render([])).toMatch(/<td[^>]*colspan="3"[^>]*>Geen percelen.<\/td>/i);
  });
});

describe('xlsxCell', () => {
  const ceiling: DataTableColumn<{ cents: number | null; on: string }> = { id: 'ceiling', header: 'Plafond', text: (r) => String(r.cents), sortValue: (r) => r.cents, numeric: true, xlsx: 'EURO_CENTS' };
  const date: DataTableColumn<{ cents: number | null; on: string }> = { id: 'on', header: 'Datum', text: (r) => r.on, sortValue: (r) => r.on, xlsx: 'DATE' };

  it('exports euro cents as euros and an ISO date as a date, not as 141750000 cents or text', () => {
    expect(xlsxCell(ceiling, { cents: 141_750_000, on: '2026-03-01' })).toEqual({ euros: 1_417_500 });
    expect(xlsxCell(date, { cents: null, on: '2026-03-01' })).toEqual({ date: '2026-03-01' });
    expect(xlsxCell(ceiling, { cents: null, on: '' })).toBe('null');
  });
});

import { describe, expect, it } from '@jest/globals';
import { filterRows, foldText } from './filter-rows';

describe('filterRows', () => {
  const rows = [
    { name: 'B1-route Liemerse kavel', places: 'Duiven, Zevenaar' },
    { name: 'Z-route Midden-Gelderland', places: 'Arnhem' },
    { name: 'Zoë de Vries', places: 'Renkum' },
  ];
  const cells = (row: (typeof rows)[number]) => [row.name, row.places];

  it('keeps every row for an empty query', () => {
    expect(filterRows(rows, cells, '  ')).toBe(rows);
  });

  it('matches any cell, without case or accents', () => {
    expect(filterRows(rows, cells, 'ARNHEM').map((row) => row.name)).toEqual(['Z-route Midden-Gelderland']);
    expect(filterRows(rows, cells, 'zoe').map((row) => row.name)).toEqual(['Zoë de Vries']);
  });

  it('needs every word, in any cell', () => {
    expect(filterRows(rows, cells, 'b1 zevenaar').map((row) => row.name)).toEqual(['B1-route Liemerse kavel']);
    expect(filterRows(rows, cells, 'b1 arnhem')).toEqual([]);
  });

  it('folds text to lower case without diacritics', () => {
    expect(foldText('Één Zoë')).toBe('een zoe');
  });
});

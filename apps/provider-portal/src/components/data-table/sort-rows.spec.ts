import { describe, expect, it } from '@jest/globals';
import { nextDirection, sortRows } from './sort-rows';

describe('sortRows', () => {
  const lots = [
    { name: 'Perceel 10', volume: 50, start: '2025-01-01' },
    { name: 'perceel 2', volume: null, start: '2024-07-01' },
    { name: 'Één perceel', volume: 180, start: '2026-01-01' },
  ];

  it('sorts text the Dutch way, numbers inside text numerically', () => {
    expect(sortRows(lots, (lot) => lot.name, 'ascending').map((lot) => lot.name)).toEqual(['Één perceel', 'perceel 2', 'Perceel 10']);
  });

  it('sorts ISO dates and numbers, descending too', () => {
    expect(sortRows(lots, (lot) => lot.start, 'descending').map((lot) => lot.start)).toEqual(['2026-01-01', '2025-01-01', '2024-07-01']);
    expect(sortRows(lots, (lot) => lot.volume, 'descending').map((lot) => lot.volume)).toEqual([180, 50, null]);
  });

  it('keeps empty values last in both directions and does not touch the input', () => {
    expect(sortRows(lots, (lot) => lot.volume, 'ascending').map((lot) => lot.volume)).toEqual([50, 180, null]);
    expect(lots[0].name).toBe('Perceel 10');
  });

  it('toggles ascending → descending → ascending', () => {
    expect(nextDirection(null)).toBe('ascending');
    expect(nextDirection('ascending')).toBe('descending');
    expect(nextDirection('descending')).toBe('ascending');
  });
});

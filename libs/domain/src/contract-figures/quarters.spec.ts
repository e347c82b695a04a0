import { previousQuarter, quarterBounds, quarterLabel, quarterOf, quartersBetween } from './quarters';

describe('quarterOf / quarterLabel', () => {
  it('puts January..March in K1 and December in K4', () => {
    expect(quarterLabel(quarterOf('2026-01-01'))).toBe('2026-K1');
    expect(quarterLabel(quarterOf('2026-03-31'))).toBe('2026-K1');
    expect(quarterLabel(quarterOf('2026-04-01'))).toBe('2026-K2');
    expect(quarterLabel(quarterOf('2026-12-31'))).toBe('2026-K4');
  });
});

describe('quarterBounds', () => {
  it('gives the first and last day', () => {
    expect(quarterBounds({ year: 2024, quarter: 1 })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterBounds({ year: 2026, quarter: 2 })).toEqual({ from: '2026-04-01', to: '2026-06-30' });
  });
});

describe('quartersBetween', () => {
  it('lists every quarter across a year end, and none for a reversed range', () => {
    expect(quartersBetween('2025-11-15', '2026-04-02').map(quarterLabel)).toEqual(['2025-K4', '2026-K1', '2026-K2']);
    expect(quartersBetween('2026-05-01', '2026-04-01')).toEqual([]);
  });
});

describe('previousQuarter', () => {
  it('is the quarter a report on the first day of a quarter covers', () => {
    expect(quarterLabel(previousQuarter('2026-01-01'))).toBe('2025-K4');
    expect(quarterLabel(previousQuarter('2026-07-01'))).toBe('2026-K2');
  });
});

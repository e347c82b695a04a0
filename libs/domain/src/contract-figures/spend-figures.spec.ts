import { forecastSpendAtEnd, spendFigures } from './spend-figures';

describe('forecastSpendAtEnd', () => {
  it('extrapolates the daily rate over the whole period (inclusive days)', () => {
    // 10 of 20 days elapsed -> double.
    expect(forecastSpendAtEnd(100_00, '2026-01-01', '2026-01-20', '2026-01-10')).toBe(200_00);
  });

  it('is nothing before the start and the realised spend after the end', () => {
    expect(forecastSpendAtEnd(0, '2026-01-01', '2026-12-31', '2025-12-31')).toBeNull();
    expect(forecastSpendAtEnd(500_00, '2026-01-01', '2026-12-31', '2027-03-01')).toBe(500_00);
  });
});

describe('spendFigures', () => {
  it('adds pending to realised as committed and measures it against the ceiling', () => {
    const figures = spendFigures({ realisedCents: 1_000_000_00, pendingCents: 417_500_00, ceilingCents: 2_835_000_00, startsOn: '2026-01-01', endsOn: '2026-01-20', today: '2026-01-10' });
    expect(figures.committedCents).toBe(1_417_500_00);
    expect(figures.ceilingUsedPercent).toBe(50);
    expect(figures.forecastAtEndCents).toBe(2_000_000_00);
    expect(figures.forecastExceedsCeiling).toBe(false);
  });

  it('has no percentage without a ceiling', () => {
    const figures = spendFigures({ realisedCents: 0, pendingCents: 0, ceilingCents: null, startsOn: '2026-01-01', endsOn: '2026-12-31', today: '2026-06-01' });
    expect(figures.ceilingUsedPercent).toBeNull();
    expect(figures.forecastExceedsCeiling).toBeNull();
  });
});

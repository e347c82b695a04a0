import { checkFigureListScope, checkFigurePeriod, figurePeriod, figurePeriodOfKey, figurePeriodOptions, isInFigurePeriod, quarterPeriod } from './figure-period';

describe('checkFigurePeriod', () => {
  it('accepts no period (the whole term) and a valid period', () => {
    expect(checkFigurePeriod(null, undefined)).toEqual([]);
    expect(checkFigurePeriod('2026-07-01', '2026-09-30')).toEqual([]);
    expect(checkFigurePeriod('2026-07-01', '2026-07-01')).toEqual([]);
  });
  it('asks for both dates, in Dutch per field', () => {
    expect(checkFigurePeriod('2026-07-01', null)).toEqual([expect.objectContaining({ field: 'periodTo', code: 'PERIOD_TO_MISSING', message: 'Vul ook de einddatum van de periode in.' })]);
    expect(checkFigurePeriod(undefined, '2026-07-01')).toEqual([expect.objectContaining({ field: 'periodFrom', code: 'PERIOD_FROM_MISSING' })]);
    expect(checkFigurePeriod('2026-02-30', '2026-07-01')).toEqual([expect.objectContaining({ field: 'periodFrom', code: 'PERIOD_FROM_INVALID' })]);
  });
  it('refuses an end before the start and a period of more than 5 years', () => {
    expect(checkFigurePeriod('2026-07-01', '2026-06-30')).toEqual([expect.objectContaining({ field: 'periodTo', code: 'PERIOD_TO_BEFORE_FROM', message: expect.stringContaining('vóór de begindatum') })]);
    expect(checkFigurePeriod('2021-01-01', '2025-12-31')).toEqual([]);
    expect(checkFigurePeriod('2021-01-01', '2026-01-01')).toEqual([expect.objectContaining({ field: 'periodTo', code: 'PERIOD_TOO_LONG', message: 'Kies een periode van hoogstens 5 jaar.' })]);
  });
});

describe('checkFigureListScope', () => {
  it('accepts a contract, a lot, both, the individual placements alone, or none of them', () => {
    for (const scope of [{}, { contractId: 'k' }, { lotId: 'l' }, { contractId: 'k', lotId: 'l' }, { individual: true }, { individual: false, contractId: 'k' }]) {
      expect({ scope, violations: checkFigureListScope(scope) }).toEqual({ scope, violations: [] });
    }
  });
  it('refuses the individual placements with a contract or a lot, in Dutch on the field individual', () => {
    expect(checkFigureListScope({ individual: true, contractId: 'k' })).toEqual([{ field: 'individual', code: 'INDIVIDUAL_WITH_CONTRACT',
      message: 'De individuele plaatsingen vallen buiten een perceel en een contract: kies de individuele plaatsingen of een contract, niet allebei.' }]);
    expect(checkFigureListScope({ individual: true, lotId: 'l' })).toEqual([expect.objectContaining({ field: 'individual', message: expect.stringContaining('of een perceel, niet allebei') })]);
  });
});

describe('figurePeriod / isInFigurePeriod', () => {
  it('is null without dates; counts both bounds', () => {
    expect(figurePeriod(null, null)).toBeNull();
    const period = figurePeriod('2026-07-01', '2026-09-30')!;
    expect(isInFigurePeriod('2026-07-01', period)).toBe(true);
    expect(isInFigurePeriod('2026-09-30', period)).toBe(true);
    expect(isInFigurePeriod('2026-06-30', period)).toBe(false);
    expect(isInFigurePeriod('2026-10-01', period)).toBe(false);
    expect(isInFigurePeriod('1999-01-01', null)).toBe(true);
  });
  it('a quarter is its first to its last day', () => {
    expect(quarterPeriod({ year: 2026, quarter: 3 })).toEqual({ from: '2026-07-01', to: '2026-09-30' });
  });
});

describe('figurePeriodOptions / figurePeriodOfKey', () => {
  it('offers the whole term, this year and the recent quarters, newest first; a key gives its period back', () => {
    const options = figurePeriodOptions('2026-12-01', 3);
    expect(options.map((o) => [o.key, o.label])).toEqual([
      ['', 'Heel de looptijd'], ['2026', 'Dit jaar (2026)'], ['2026-K4', '2026 K4'], ['2026-K3', '2026 K3'], ['2026-K2', '2026 K2'],
    ]);
    expect(figurePeriodOptions('2026-02-01', 2).map((o) => o.key)).toEqual(['', '2026', '2026-K1', '2025-K4']);
    for (const option of options) expect(figurePeriodOfKey(option.key)).toEqual(option.period);
    expect(figurePeriodOfKey('onzin')).toBeNull();
    expect(figurePeriodOfKey('2026-K5')).toBeNull();
  });
});

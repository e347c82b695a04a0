import type { CalendarDate } from '../calendar-date';
import { budgetSpend, checkMunicipalityBudget } from './municipality-budget';

describe('checkMunicipalityBudget', () => {
  it('accepts a year from 2021 and an amount in whole cents', () => {
    expect(checkMunicipalityBudget(2026, 48_500_000)).toEqual([]);
  });
  it('names the year and the amount when they are wrong', () => {
    expect(checkMunicipalityBudget(2020, -1).map((v) => v.field)).toEqual(['year', 'amountCents']);
  });
});

describe('budgetSpend', () => {
  it('uses the budget as ceiling over the calendar year, with a forecast to 31 December', () => {
    const spend = budgetSpend(2026, 1_000_000, 100_000, 50_000, '2026-07-01' as CalendarDate);
    expect(spend.committedCents).toBe(150_000);
    expect(spend.ceilingUsedPercent).toBe(15);
    expect(spend.forecastAtEndCents).toBe(Math.round((100_000 / 182) * 365));
    expect(spend.forecastExceedsCeiling).toBe(false);
  });
  it('has no share without a budget', () => {
    expect(budgetSpend(2026, null, 100, 0, '2026-03-01' as CalendarDate).ceilingUsedPercent).toBeNull();
  });
});

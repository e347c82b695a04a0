// A municipality's yearly budget for the integration provisions and the spend against it (beleidsplan Voorschoten,
// "Budgetten": the municipality receives a budget per year for the inburgeringsvoorzieningen; DOMAIN §8 "budget per
// municipality"). The spend is the same as a contract's: approved invoices realised, submitted ones committed.
import type { CalendarDate } from '../calendar-date';
import { type RuleViolation, violation } from '../rule-violation';
import { spendFigures, type SpendFigures } from './spend-figures';

/** A budget of at most 1 billion euros, for a year from the law's start (2021) to 2100. */
export const MAX_BUDGET_CENTS = 100_000_000_000;

export function checkMunicipalityBudget(year: number, amountCents: number): RuleViolation[] {
  const problems: RuleViolation[] = [];
  if (!Number.isInteger(year) || year < 2021 || year > 2100) problems.push(violation('year', 'BUDGET_YEAR_INVALID', 'Kies een jaar vanaf 2021 (de Wet inburgering 2021).'));
  if (!Number.isInteger(amountCents) || amountCents < 0 || amountCents > MAX_BUDGET_CENTS) {
    problems.push(violation('amountCents', 'BUDGET_AMOUNT_INVALID', 'Vul een bedrag in euro’s in van 0 tot 1 miljard.'));
  }
  return problems;
}

/** The spend of a municipality's calendar year against its budget, forecast linearly to the year's end like a contract. */
export function budgetSpend(year: number, budgetCents: number | null, realisedCents: number, pendingCents: number, today: CalendarDate): SpendFigures {
  return spendFigures({ realisedCents, pendingCents, ceilingCents: budgetCents, startsOn: `${year}-01-01` as CalendarDate, endsOn: `${year}-12-31` as CalendarDate, today });
}

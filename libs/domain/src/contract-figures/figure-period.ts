// The period contract management figures cover (issue #10: figures "by quarter", the quarterly report covers one quarter
// and equals the dashboard for it; policy: one view spans at most MAX_FIGURE_PERIOD_YEARS years).
import { addYears, compareDates, isCalendarDate, type CalendarDate } from '../calendar-date';
import { quarterBounds, quarterLabel, quarterOf, type Quarter } from './quarters';

/** First and last calendar day (both included) the period-bound figures count. */
export interface FigurePeriod {
  from: CalendarDate;
  to: CalendarDate;
}

export const MAX_FIGURE_PERIOD_YEARS = 5;

export interface FigurePeriodViolation {
  field: 'periodFrom' | 'periodTo';
  code: string;
  message: string;
}

/**
 * Checks a period as asked for (both dates or neither; the end not before the start; at most MAX_FIGURE_PERIOD_YEARS
 * years). Neither date means the whole term of the contracts.
 */
export function checkFigurePeriod(from: string | null | undefined, to: string | null | undefined): FigurePeriodViolation[] {
  const hasFrom = from !== null && from !== undefined && from !== '';
  const hasTo = to !== null && to !== undefined && to !== '';
  if (!hasFrom && !hasTo) return [];
  const violations: FigurePeriodViolation[] = [];
  if (!hasFrom) violations.push({ field: 'periodFrom', code: 'PERIOD_FROM_MISSING', message: 'Vul ook de begindatum van de periode in.' });
  else if (!isCalendarDate(from)) violations.push({ field: 'periodFrom', code: 'PERIOD_FROM_INVALID', message: 'Vul de begindatum van de periode in als datum.' });
  if (!hasTo) violations.push({ field: 'periodTo', code: 'PERIOD_TO_MISSING', message: 'Vul ook de einddatum van de periode in.' });
  else if (!isCalendarDate(to)) violations.push({ field: 'periodTo', code: 'PERIOD_TO_INVALID', message: 'Vul de einddatum van de periode in als datum.' });
  if (violations.length > 0) return violations;
  if (compareDates(to as CalendarDate, from as CalendarDate) < 0) {
    return [{ field: 'periodTo', code: 'PERIOD_TO_BEFORE_FROM', message: 'De einddatum van de periode ligt vóór de begindatum. Kies een latere einddatum.' }];
  }
  if (compareDates(to as CalendarDate, addYears(from as CalendarDate, MAX_FIGURE_PERIOD_YEARS)) >= 0) {
    return [{ field: 'periodTo', code: 'PERIOD_TOO_LONG', message: `Kies een periode van hoogstens ${MAX_FIGURE_PERIOD_YEARS} jaar.` }];
  }
  return [];
}

/**
 * Checks whose placements a figure's list is asked for: the row of the individual placements (outside a lot, without a
 * contract: `individual`) has no contract or lot, so it does not go with one (in Dutch, on the field `individual`).
 */
export function checkFigureListScope(scope: { individual?: boolean | null; contractId?: string | null; lotId?: string | null }): { field: 'individual'; code: string; message: string }[] {
  if (!scope.individual || (!scope.contractId && !scope.lotId)) return [];
  return [{
    field: 'individual', code: 'INDIVIDUAL_WITH_CONTRACT',
    message: `De individuele plaatsingen vallen buiten een perceel en een contract: kies de individuele plaatsingen of ${scope.contractId ? 'een contract' : 'een perceel'}, niet allebei.`,
  }];
}

/** The period asked for, or null for the whole term; only after checkFigurePeriod found nothing. */
export function figurePeriod(from: string | null | undefined, to: string | null | undefined): FigurePeriod | null {
  return from && to ? { from, to } : null;
}

/** A quarter as a period (the quarterly report's period). */
export function quarterPeriod(quarter: Quarter): FigurePeriod {
  return quarterBounds(quarter);
}

/** Whether a date counts in the period (null: the whole term, every date counts). */
export function isInFigurePeriod(date: CalendarDate, period: FigurePeriod | null): boolean {
  return period === null || (compareDates(date, period.from) >= 0 && compareDates(date, period.to) <= 0);
}

export interface FigurePeriodOption {
  /** Stable key for a link: "" (whole term), "2026" (a calendar year) or "2026-K3" (a quarter). */
  key: string;
  label: string;
  period: FigurePeriod | null;
}

/**
 * The periods offered in a period selector on `today`: the whole term, this year, and the current and `quarters - 1`
 * quarters before it, newest first ("2026 K3").
 */
export function figurePeriodOptions(today: CalendarDate, quarters = 5): FigurePeriodOption[] {
  const year = Number(today.slice(0, 4));
  const options: FigurePeriodOption[] = [
    { key: '', label: 'Heel de looptijd', period: null },
    { key: String(year), label: `Dit jaar (${year})`, period: { from: `${year}-01-01`, to: `${year}-12-31` } },
  ];
  let current = quarterOf(today);
  for (let i = 0; i < quarters; i++) {
    options.push({ key: quarterLabel(current), label: `${current.year} K${current.quarter}`, period: quarterPeriod(current) });
    current = current.quarter === 1 ? { year: current.year - 1, quarter: 4 } : { year: current.year, quarter: (current.quarter - 1) as Quarter['quarter'] };
  }
  return options;
}

/** The period a selector key names ("2026", "2026-K3"), or null for the whole term or a key that names none. */
export function figurePeriodOfKey(key: string | null | undefined): FigurePeriod | null {
  if (!key) return null;
  const quarter = /^(\d{4})-K([1-4])$/.exec(key);
  if (quarter) return quarterPeriod({ year: Number(quarter[1]), quarter: Number(quarter[2]) as Quarter['quarter'] });
  if (/^\d{4}$/.test(key)) return { from: `${key}-01-01`, to: `${key}-12-31` };
  return null;
}

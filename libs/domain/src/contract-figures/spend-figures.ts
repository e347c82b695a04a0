// Money: committed and realised spend per contract against its ceiling, and a forecast to the contract's end
// (DOMAIN §4: invoices follow from approved placements, hours and results and must stay under the ceiling).
import { CalendarDate, compareDates, daysBetween } from '../calendar-date';
import type { InvoiceStatus } from '../invoice-lines';

/** Invoices whose amounts are realised spend: approved by the paying municipality (procurement: the region pays approved invoices). */
export const REALISED_INVOICE_STATUSES: readonly InvoiceStatus[] = ['APPROVED'];
/** Invoices whose amounts are committed but not yet realised: submitted (awaiting the municipality) or disputed in part. */
export const PENDING_INVOICE_STATUSES: readonly InvoiceStatus[] = ['SUBMITTED', 'DISPUTED'];

export interface SpendInput {
  realisedCents: number;
  pendingCents: number;
  ceilingCents: number | null;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  today: CalendarDate;
}

export interface SpendFigures {
  realisedCents: number;
  /** Realised plus pending: what the contract is already bound to pay. */
  committedCents: number;
  ceilingCents: number | null;
  /** Committed as a share of the ceiling in percent, 1 decimal; null without a ceiling. */
  ceilingUsedPercent: number | null;
  /** Realised spend extrapolated linearly to the contract's end; null before the contract started. */
  forecastAtEndCents: number | null;
  /** Whether the forecast passes the ceiling; null without forecast or ceiling. */
  forecastExceedsCeiling: boolean | null;
}

/**
 * Realised spend extrapolated at the same daily rate over the whole contract period (procurement practice: a
 * straight-line forecast; days counted inclusive). After the end the forecast is the realised spend.
 */
export function forecastSpendAtEnd(realisedCents: number, startsOn: CalendarDate, endsOn: CalendarDate, today: CalendarDate): number | null {
  if (compareDates(today, startsOn) < 0) return null;
  if (compareDates(today, endsOn) >= 0) return realisedCents;
  const elapsed = daysBetween(startsOn, today) + 1;
  const total = daysBetween(startsOn, endsOn) + 1;
  return Math.round((realisedCents / elapsed) * total);
}

/** Spend of one contract against its ceiling (money in integer cents, DOMAIN §9). */
export function spendFigures({ realisedCents, pendingCents, ceilingCents, startsOn, endsOn, today }: SpendInput): SpendFigures {
  const committedCents = realisedCents + pendingCents;
  const forecastAtEndCents = forecastSpendAtEnd(realisedCents, startsOn, endsOn, today);
  return {
    realisedCents,
    committedCents,
    ceilingCents,
    ceilingUsedPercent: ceilingCents && ceilingCents > 0 ? Math.round((committedCents / ceilingCents) * 1000) / 10 : null,
    forecastAtEndCents,
    forecastExceedsCeiling: forecastAtEndCents === null || ceilingCents === null ? null : forecastAtEndCents > ceilingCents,
  };
}

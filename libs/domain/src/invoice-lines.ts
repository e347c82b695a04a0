// Invoice lines derived from approved data: one line per cause, priced by the price model in force on the line's
// date, rounded once per line in whole euro cents; VAT per contract (default exempt) and the invoice totals.
import { addMonths, compareDates, type CalendarDate } from './calendar-date';
import { formatDateNl, formatHoursNl } from './format-nl';
import { invoiceAmountForHours, invoiceAmountForMilestone, invoiceAmountForModules, type PriceModel } from './price-models';
import { RuleViolation, violation } from './rule-violation';

export const INVOICE_LINE_KINDS = ['MILESTONE', 'HOURS', 'MODULE', 'SEAT'] as const;
export type InvoiceLineKind = (typeof INVOICE_LINE_KINDS)[number];

export const INVOICE_STATUSES = ['PROPOSAL', 'SUBMITTED', 'DISPUTED', 'APPROVED'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_DOCUMENT_TYPES = ['INVOICE', 'CREDIT_NOTE'] as const;
export type InvoiceDocumentType = (typeof INVOICE_DOCUMENT_TYPES)[number];

/** Who pays a contract's invoices: each municipality for its own clients, or the region's lead municipality for all. */
export const PAYING_PARTY_MODES = ['OWN_MUNICIPALITY', 'LEAD_MUNICIPALITY'] as const;
export type PayingPartyMode = (typeof PAYING_PARTY_MODES)[number];

/** What caused a line. Clients appear only by client number and route, never by BSN or name (privacy by design). */
export type InvoiceCause =
  | { kind: 'MILESTONE'; placementId: string; clientNumber: number; route: string; milestoneName: string; reachedOn: CalendarDate }
  | { kind: 'HOURS'; placementId: string; clientNumber: number; route: string; month: CalendarDate; attendedMinutes: number }
  | { kind: 'MODULE'; resultId: string; placementId: string | null; clientNumber: number; route: string; module: string; completedOn: CalendarDate }
  | { kind: 'SEAT'; startMomentId: string; seats: number; startsOn: CalendarDate; location: string };

/** A price model with the first day it applies (the contract version that set it). */
export interface PriceModelVersion {
  validFrom: CalendarDate;
  model: PriceModel;
}

export interface InvoiceLineOptions {
  /** The contract's cap on invoiceable minutes per placement per month (null: no cap). */
  maxMinutesPerMonth?: number | null;
  /** Fixed amount per seat of a start moment (null: seats are not invoiced under this contract). */
  seatPriceCents?: number | null;
}

export interface DerivedInvoiceLine {
  /** Unique per cause across all invoices: the database refuses a second active line with the same key. */
  causeKey: string;
  kind: InvoiceLineKind;
  /** The day the cause happened; the price model in force on this day prices the line. */
  lineDate: CalendarDate;
  description: string;
  /** Quantity in `unitCode` (UN/ECE rec. 20: C62 piece, MIN minute). */
  quantity: number;
  unitCode: 'C62' | 'MIN';
  /** Net price in cents for `baseQuantity` units. */
  unitPriceCents: number;
  baseQuantity: number;
  /** The line's amount in whole cents: rounded once, here. */
  amountCents: number;
  priceModelValidFrom: CalendarDate;
}

export function causeKeyOf(cause: InvoiceCause): string {
  switch (cause.kind) {
    case 'MILESTONE':
      return `MILESTONE:${cause.placementId}:${cause.milestoneName.trim().toLowerCase()}`;
    case 'HOURS':
      return `HOURS:${cause.placementId}:${cause.month}`;
    case 'MODULE':
      return `MODULE:${cause.resultId}`;
    case 'SEAT':
      return `SEAT:${cause.startMomentId}`;
  }
}

export function causeDateOf(cause: InvoiceCause): CalendarDate {
  switch (cause.kind) {
    case 'MILESTONE':
      return cause.reachedOn;
    case 'HOURS':
      return cause.month;
    case 'MODULE':
      return cause.completedOn;
    case 'SEAT':
      return cause.startsOn;
  }
}

/** The price model in force on a date: the latest version that starts on or before it (procurement: a change applies from its date, never backwards). */
export function priceModelInForceOn(versions: readonly PriceModelVersion[], date: CalendarDate): PriceModelVersion | null {
  let found: PriceModelVersion | null = null;
  for (const version of versions) {
    if (compareDates(version.validFrom, date) <= 0 && (!found || compareDates(version.validFrom, found.validFrom) >= 0)) found = version;
  }
  return found;
}

/** A price model change may not reach back to a date already invoiced (procurement: approved invoices are final). */
export function checkPriceModelChangeDate(validFrom: CalendarDate, lastInvoicedLineDate: CalendarDate | null, field = 'priceModel'): RuleViolation[] {
  if (!lastInvoicedLineDate || compareDates(validFrom, lastInvoicedLineDate) > 0) return [];
  return [violation(field, 'PRICE_MODEL_ALREADY_INVOICED',
    `Er is al gefactureerd tot en met ${formatDateNl(lastInvoicedLineDate)}; een nieuwe prijsafspraak kan pas ingaan na die datum. Eerdere regels houden de prijs die toen gold.`)];
}

const MODEL_MISMATCH: Record<InvoiceLineKind, string> = {
  MILESTONE: 'een vaste prijs per traject met betaalmomenten',
  HOURS: 'een prijs per uur',
  MODULE: 'een prijs per module',
  SEAT: 'een vast bedrag per plaats',
};

/**
 * One invoice line for one cause, priced by the version in force on the cause's date (procurement: the price model of the
 * contract; Wet inburgering 2021 art. 15 leaves the price to the municipality's contract). Rounded once, to whole cents.
 */
export function deriveInvoiceLine(cause: InvoiceCause, versions: readonly PriceModelVersion[], options: InvoiceLineOptions = {}): DerivedInvoiceLine | RuleViolation {
  const lineDate = causeDateOf(cause);
  const causeKey = causeKeyOf(cause);
  const version = priceModelInForceOn(versions, lineDate);
  if (!version && cause.kind !== 'SEAT') {
    return violation('priceModel', 'NO_PRICE_MODEL_IN_FORCE', `Op ${formatDateNl(lineDate)} gold voor dit contract geen prijsafspraak; deze regel kan niet worden berekend.`);
  }
  const mismatch = (): RuleViolation =>
    violation('priceModel', 'PRICE_MODEL_MISMATCH', `De prijsafspraak die op ${formatDateNl(lineDate)} gold, is geen ${MODEL_MISMATCH[cause.kind]}; deze regel kan niet worden berekend.`);
  const base = { causeKey, kind: cause.kind, lineDate, priceModelValidFrom: version?.validFrom ?? lineDate };
  const who = (c: { clientNumber: number; route: string }) => `inburgeraar ${c.clientNumber}, ${c.route}`;
  switch (cause.kind) {
    case 'MILESTONE': {
      const model = version!.model;
      if (model.kind !== 'FIXED_PER_TRAJECTORY') return mismatch();
      const amount = invoiceAmountForMilestone(model, cause.milestoneName);
      if (amount === null) {
        return violation('priceModel', 'MILESTONE_NOT_IN_PRICE_MODEL', `Het betaalmoment "${cause.milestoneName}" staat niet in de prijsafspraak die op ${formatDateNl(lineDate)} gold.`);
      }
      const percentage = model.milestones.find((m) => m.name.trim() === cause.milestoneName.trim())!.percentage;
      return { ...base, description: `Trajectprijs, betaalmoment ${cause.milestoneName} (${percentage}%), ${who(cause)}, bereikt op ${formatDateNl(cause.reachedOn)}`,
        quantity: 1, unitCode: 'C62', unitPriceCents: amount, baseQuantity: 1, amountCents: amount };
    }
    case 'HOURS': {
      const model = version!.model;
      if (model.kind !== 'PER_HOUR') return mismatch();
      const cap = options.maxMinutesPerMonth ?? null;
      const minutes = cap !== null ? Math.min(cap, cause.attendedMinutes) : cause.attendedMinutes;
      const capped = minutes < cause.attendedMinutes ? ` (begrensd van ${formatHoursNl(cause.attendedMinutes)} tot het contractmaximum)` : '';
      return { ...base, description: `Goedgekeurde uren ${cause.month.slice(0, 7)}: ${formatHoursNl(minutes)}${capped}, ${who(cause)}`,
        quantity: minutes, unitCode: 'MIN', unitPriceCents: model.hourlyRateCents, baseQuantity: 60, amountCents: invoiceAmountForHours(model, minutes) };
    }
    case 'MODULE': {
      const model = version!.model;
      if (model.kind !== 'PER_MODULE') return mismatch();
      const amount = invoiceAmountForModules(model, 1);
      return { ...base, description: `Module ${cause.module} afgerond op ${formatDateNl(cause.completedOn)}, ${who(cause)}`,
        quantity: 1, unitCode: 'C62', unitPriceCents: amount, baseQuantity: 1, amountCents: amount };
    }
    case 'SEAT': {
      const price = options.seatPriceCents ?? null;
      if (price === null || !Number.isInteger(price) || price <= 0) return mismatch();
      return { ...base, description: `Instroommoment ${formatDateNl(cause.startsOn)} (${cause.location}): ${cause.seats} plaatsen`,
        quantity: cause.seats, unitCode: 'C62', unitPriceCents: price, baseQuantity: 1, amountCents: price * cause.seats };
    }
  }
}

export function isRuleViolation(value: DerivedInvoiceLine | RuleViolation): value is RuleViolation {
  return 'code' in value && 'message' in value && !('causeKey' in value);
}

export interface MilestoneReachInput {
  milestones: readonly { name: string }[];
  startDate: CalendarDate | null;
  endedOn: CalendarDate | null;
  /** The placement ended because the trajectory was completed. */
  completed: boolean;
  /** The contract's planned trajectory length in months: milestones in between fall at equal shares of it. */
  trajectoryMonths: number;
  /** Only milestones reached on or before this day count (the end of the invoiced month). */
  through: CalendarDate;
}

/**
 * The milestones a placement has reached (procurement, "betaalmomenten"): the first at the start, the last at completion,
 * those in between at equal shares of the planned trajectory length while the placement still ran.
 */
export function milestonesReached({ milestones, startDate, endedOn, completed, trajectoryMonths, through }: MilestoneReachInput): { name: string; reachedOn: CalendarDate }[] {
  if (!startDate || milestones.length === 0 || compareDates(startDate, through) > 0) return [];
  const reached: { name: string; reachedOn: CalendarDate }[] = [];
  const last = milestones.length - 1;
  milestones.forEach((milestone, index) => {
    let on: CalendarDate | null;
    if (index === 0) on = startDate;
    else if (index === last) on = completed && endedOn ? endedOn : null;
    else {
      on = addMonths(startDate, Math.round((trajectoryMonths * index) / last));
      if (endedOn && compareDates(on, endedOn) > 0) on = completed ? endedOn : null;
    }
    if (on && compareDates(on, through) <= 0) reached.push({ name: milestone.name, reachedOn: on });
  });
  return reached;
}

export const VAT_CATEGORIES = ['E', 'S'] as const;
export type VatCategory = (typeof VAT_CATEGORIES)[number];

export interface VatTreatment {
  /** UNCL5305: E exempt, S standard rate. */
  category: VatCategory;
  ratePercent: number;
  exemptionReasonCode: string | null;
  exemptionReason: string | null;
}

/** Civic integration courses are education, exempt from VAT (art. 11 lid 1 onderdeel o Wet OB 1968; VATEX-EU-132-1I). */
export const DEFAULT_VAT: VatTreatment = {
  category: 'E',
  ratePercent: 0,
  exemptionReasonCode: 'VATEX-EU-132-1I',
  exemptionReason: 'Vrijgesteld van btw: onderwijs (art. 11 lid 1 onderdeel o Wet OB 1968)',
};

/** The general Dutch VAT rate (art. 9 lid 1 Wet OB 1968) for a contract that is not exempt. */
export const STANDARD_VAT: VatTreatment = { category: 'S', ratePercent: 21, exemptionReasonCode: null, exemptionReason: null };

export function vatTreatmentOf(category: VatCategory | null | undefined): VatTreatment {
  return category === 'S' ? STANDARD_VAT : DEFAULT_VAT;
}

export interface InvoiceTotals {
  /** BT-106: sum of the line amounts. */
  lineExtensionCents: number;
  /** BT-107 / BT-108: allowances and charges on document level (none are derived). */
  allowanceCents: number;
  chargeCents: number;
  /** BT-109. */
  taxExclusiveCents: number;
  /** BT-116. */
  taxableCents: number;
  /** BT-110 / BT-117: VAT of the category, rounded once on the total (EN 16931 BR-CO-17). */
  taxCents: number;
  /** BT-112. */
  taxInclusiveCents: number;
  /** BT-115. */
  payableCents: number;
}

/** Totals of an invoice (EN 16931 BR-CO-10, -13, -15, -16, -17): no document allowances, nothing prepaid. */
export function invoiceTotals(lineAmountsCents: readonly number[], vat: VatTreatment): InvoiceTotals {
  const lineExtensionCents = lineAmountsCents.reduce((sum, amount) => sum + amount, 0);
  const taxExclusiveCents = lineExtensionCents;
  const taxCents = Math.round((taxExclusiveCents * vat.ratePercent) / 100);
  return {
    lineExtensionCents,
    allowanceCents: 0,
    chargeCents: 0,
    taxExclusiveCents,
    taxableCents: taxExclusiveCents,
    taxCents,
    taxInclusiveCents: taxExclusiveCents + taxCents,
    payableCents: taxExclusiveCents + taxCents,
  };
}

/** The spend shares at which the projectleider is signalled (regional policy: warn at 80%, stop at 100% of the ceiling). */
export const CEILING_SIGNAL_PERCENTAGES = [80, 100] as const;

/** Which signal thresholds an approval crosses: spend before below the threshold, after at or above it. */
export function ceilingThresholdsCrossed(beforeCents: number, afterCents: number, ceilingCents: number | null): number[] {
  if (ceilingCents === null || ceilingCents <= 0) return [];
  return CEILING_SIGNAL_PERCENTAGES.filter((p) => beforeCents * 100 < ceilingCents * p && afterCents * 100 >= ceilingCents * p);
}

/** Whole percent of the ceiling spent (rounded down); null without ceiling. */
export function ceilingPercentSpent(spentCents: number, ceilingCents: number | null): number | null {
  if (ceilingCents === null || ceilingCents <= 0) return null;
  return Math.floor((spentCents * 100) / ceilingCents);
}

/** A dispute names its reason: the provider must know what to fix at the source (Awb art. 3:46, decisions are reasoned). */
export function checkDisputeReason(reason: string | null | undefined, field = 'reason'): RuleViolation[] {
  if (reason && reason.trim().length >= 3) return [];
  return [violation(field, 'DISPUTE_REASON_REQUIRED', 'Geef bij een betwiste regel de reden op, zodat de aanbieder weet wat er aan de bron moet worden hersteld.')];
}

/** An invoice needs at least one line from approved data (procurement: nothing is invoiced that was not approved). */
export function checkPeriodHasApprovedData(lineCount: number, month: CalendarDate, field = 'month'): RuleViolation[] {
  if (lineCount > 0) return [];
  return [violation(field, 'NO_APPROVED_DATA',
    `Er zijn voor ${month.slice(0, 7)} geen goedgekeurde plaatsingen, uren of resultaten die nog niet gefactureerd zijn; er valt niets te factureren.`)];
}

/** Invoice numbers without gaps per provider (Wet OB 1968 art. 35a lid 1 onderdeel b: a unique, consecutive number). */
export function formatInvoiceNumber(year: number, sequence: number, documentType: InvoiceDocumentType = 'INVOICE'): string {
  return `${documentType === 'CREDIT_NOTE' ? 'C' : 'F'}${year}-${String(sequence).padStart(5, '0')}`;
}

/** Last day of the month of `month` (the invoice period's end, BT-74). */
export function lastDayOfMonth(month: CalendarDate): CalendarDate {
  const [year, m] = month.split('-').map(Number);
  const day = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

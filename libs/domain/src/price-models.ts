// Price models of a contract and the invoice amounts that follow from them (money in euro cents).
import { formatEuroCentsNl } from './format-nl';
import { RuleViolation, violation } from './rule-violation';

export interface Milestone {
  name: string;
  /** Whole percent of the trajectory price paid at this milestone. */
  percentage: number;
}

export interface FixedPerTrajectoryPrice {
  kind: 'FIXED_PER_TRAJECTORY';
  priceCents: number;
  milestones: Milestone[];
}

export interface PerHourPrice {
  kind: 'PER_HOUR';
  hourlyRateCents: number;
}

export interface PerModulePrice {
  kind: 'PER_MODULE';
  pricePerModuleCents: number;
}

export type PriceModel = FixedPerTrajectoryPrice | PerHourPrice | PerModulePrice;
export type PriceModelKind = PriceModel['kind'];

const PRICE_MODEL_LABELS: Record<PriceModelKind, string> = {
  FIXED_PER_TRAJECTORY: 'Vaste prijs per traject (in betaalmomenten)',
  PER_HOUR: 'Prijs per geleverd uur',
  PER_MODULE: 'Prijs per module',
};

export function priceModelLabel(kind: PriceModelKind): string {
  return PRICE_MODEL_LABELS[kind];
}

/** Milestones of a fixed price: at least one, unique names, whole percentages 1..100 summing to exactly 100 (procurement: the whole price is paid, once). */
export function checkMilestonesAddUpTo100(milestones: readonly Milestone[], field = 'milestones'): RuleViolation[] {
  if (milestones.length === 0) {
    return [violation(field, 'MILESTONES_REQUIRED', 'Geef ten minste één betaalmoment op.')];
  }
  const violations: RuleViolation[] = [];
  const seen = new Set<string>();
  milestones.forEach((milestone, index) => {
    const name = milestone.name.trim();
    if (name === '') {
      violations.push(violation(`${field}.${index}.name`, 'MILESTONE_NAME_REQUIRED', `Geef betaalmoment ${index + 1} een naam.`));
    } else if (seen.has(name.toLowerCase())) {
      violations.push(violation(`${field}.${index}.name`, 'MILESTONE_NAME_DUPLICATE', `Het betaalmoment "${name}" komt meer dan één keer voor.`));
    }
    seen.add(name.toLowerCase());
    const p = milestone.percentage;
    if (!Number.isInteger(p) || p <= 0 || p > 100) {
      violations.push(violation(`${field}.${index}.percentage`, 'MILESTONE_PERCENTAGE_INVALID',
        `Het percentage van betaalmoment ${index + 1} moet een heel getal van 1 tot en met 100 zijn.`));
    }
  });
  const sum = milestones.reduce((total, m) => total + m.percentage, 0);
  if (sum !== 100) {
    violations.push(violation(field, 'MILESTONES_SUM_NOT_100', `De betaalmomenten tellen op tot ${sum}%; dat moet precies 100% zijn.`));
  }
  return violations;
}

function checkPositiveCents(field: string, cents: number, what: string): RuleViolation[] {
  if (Number.isInteger(cents) && cents > 0) return [];
  return [violation(field, 'PRICE_NOT_POSITIVE', `${what} moet een bedrag groter dan € 0,00 zijn (in hele centen).`)];
}

/** A price model is complete: positive whole-cent prices, and valid milestones for a fixed price (procurement). */
export function checkPriceModel(model: PriceModel, field = 'priceModel'): RuleViolation[] {
  switch (model.kind) {
    case 'FIXED_PER_TRAJECTORY':
      return [
        ...checkPositiveCents(`${field}.priceCents`, model.priceCents, 'De trajectprijs'),
        ...checkMilestonesAddUpTo100(model.milestones, `${field}.milestones`),
      ];
    case 'PER_HOUR':
      return checkPositiveCents(`${field}.hourlyRateCents`, model.hourlyRateCents, 'Het uurtarief');
    case 'PER_MODULE':
      return checkPositiveCents(`${field}.pricePerModuleCents`, model.pricePerModuleCents, 'De prijs per module');
  }
}

/** Amount per milestone; cents lost by rounding down go to the last milestone, so the amounts add up to the price exactly. */
export function milestoneAmountsCents(priceCents: number, milestones: readonly Milestone[]): number[] {
  const amounts = milestones.map((m) => Math.floor((priceCents * m.percentage) / 100));
  if (amounts.length > 0) {
    const paid = amounts.reduce((a, b) => a + b, 0);
    const totalPercent = milestones.reduce((a, m) => a + m.percentage, 0);
    if (totalPercent === 100) amounts[amounts.length - 1] += priceCents - paid;
  }
  return amounts;
}

/** Invoice amount for one milestone of a fixed trajectory price; null when the milestone does not exist. */
export function invoiceAmountForMilestone(model: FixedPerTrajectoryPrice, milestoneName: string): number | null {
  const index = model.milestones.findIndex((m) => m.name.trim() === milestoneName.trim());
  return index < 0 ? null : milestoneAmountsCents(model.priceCents, model.milestones)[index];
}

/** Invoice amount for delivered minutes at an hourly rate, rounded to whole cents. */
export function invoiceAmountForHours(model: PerHourPrice, minutes: number): number {
  return Math.round((model.hourlyRateCents * minutes) / 60);
}

/** Invoice amount for a number of completed modules. */
export function invoiceAmountForModules(model: PerModulePrice, moduleCount: number): number {
  return model.pricePerModuleCents * moduleCount;
}

export interface InvoiceCeilingInput {
  alreadyInvoicedCents: number;
  amountCents: number;
  ceilingCents: number;
}

/** Invoices stay under the contract ceiling (procurement: the awarded maximum value). */
export function checkInvoiceWithinCeiling({ alreadyInvoicedCents, amountCents, ceilingCents }: InvoiceCeilingInput): RuleViolation[] {
  if (alreadyInvoicedCents + amountCents <= ceilingCents) return [];
  const left = Math.max(0, ceilingCents - alreadyInvoicedCents);
  return [violation('amountCents', 'INVOICE_EXCEEDS_CEILING',
    `Deze factuur (${formatEuroCentsNl(amountCents)}) overschrijdt het contractplafond van ${formatEuroCentsNl(ceilingCents)}; ` +
      `er is nog ${formatEuroCentsNl(left)} beschikbaar.`)];
}

// Contracts (raamovereenkomsten) on lots (percelen): period, municipalities, keurmerk, capacity.
import { CalendarDate, addMonths, compareDates, daysBetween } from './calendar-date';
import { formatDateNl } from './format-nl';
import { LAW_REFERENCES } from './law-numbers';
import { DEFAULT_KEURMERK_WARNING_DAYS } from './policy-defaults';
import { LotSubject, lotSubjectLabel } from './routes';
import { RuleViolation, violation } from './rule-violation';

export const CONTRACT_STATUSES = ['DRAFT', 'ACTIVE', 'EXTENDED', 'ENDED'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  DRAFT: 'Concept',
  ACTIVE: 'Actief',
  EXTENDED: 'Verlengd',
  ENDED: 'Beëindigd',
};

export function contractStatusLabel(status: ContractStatus): string {
  return CONTRACT_STATUS_LABELS[status];
}

/** A contract is running (placements, capacity, invoices possible) when ACTIVE or EXTENDED. */
export function isContractRunning(status: ContractStatus): boolean {
  return status === 'ACTIVE' || status === 'EXTENDED';
}

export interface ContractPeriodInput {
  contractStart: CalendarDate;
  contractEnd: CalendarDate;
  lotStart: CalendarDate;
  /** Last day of the lot, including the extension options the region may still use. */
  lotEnd: CalendarDate;
}

/** A contract lies within its lot's period (procurement: the award covers only the tendered period). */
export function checkContractWithinLotPeriod({ contractStart, contractEnd, lotStart, lotEnd }: ContractPeriodInput): RuleViolation[] {
  if (compareDates(contractEnd, contractStart) < 0) {
    return [violation('endDate', 'CONTRACT_END_BEFORE_START',
      `De einddatum van het contract (${formatDateNl(contractEnd)}) ligt vóór de begindatum (${formatDateNl(contractStart)}).`)];
  }
  const message = `Het contract moet binnen de looptijd van het perceel vallen (${formatDateNl(lotStart)} t/m ${formatDateNl(lotEnd)}).`;
  const violations: RuleViolation[] = [];
  if (compareDates(contractStart, lotStart) < 0) violations.push(violation('startDate', 'CONTRACT_OUTSIDE_LOT_PERIOD', message));
  if (compareDates(contractEnd, lotEnd) > 0) violations.push(violation('endDate', 'CONTRACT_OUTSIDE_LOT_PERIOD', message));
  return violations;
}

/** A lot covers at least one municipality, all of them in the lot's region (DOMAIN brief §4: a lot covers the region or a sub-region). */
export function checkLotMunicipalitiesInRegion(lotMunicipalityIds: readonly string[], regionMunicipalityIds: readonly string[]): RuleViolation[] {
  if (lotMunicipalityIds.length === 0) {
    return [violation('municipalityIds', 'LOT_MUNICIPALITIES_REQUIRED', 'Kies ten minste één gemeente voor dit perceel.')];
  }
  const region = new Set(regionMunicipalityIds);
  const violations: RuleViolation[] = [];
  lotMunicipalityIds.forEach((id, index) => {
    if (!region.has(id)) {
      violations.push(violation(`municipalityIds.${index}`, 'LOT_MUNICIPALITY_NOT_IN_REGION',
        'Deze gemeente hoort niet bij de regio van het perceel; een perceel kan alleen gemeenten uit de eigen regio bevatten.'));
    }
  });
  return violations;
}

/** The Blik op Werk keurmerk is valid on `today` (valid through `validUntil`, inclusive). */
export function isKeurmerkValid(validUntil: CalendarDate | null | undefined, today: CalendarDate): boolean {
  return !!validUntil && compareDates(today, validUntil) <= 0;
}

/** Still valid but expiring within `withinDays` (policy: warning period configurable). */
export function isKeurmerkExpiringSoon(validUntil: CalendarDate | null | undefined, today: CalendarDate, withinDays = DEFAULT_KEURMERK_WARNING_DAYS): boolean {
  return isKeurmerkValid(validUntil, today) && daysBetween(today, validUntil as CalendarDate) <= withinDays;
}

export interface KeurmerkCheckInput {
  subject: LotSubject;
  status: ContractStatus;
  provider: { keurmerkValidUntil?: CalendarDate | null; isTaalschakelInstitution: boolean };
  today: CalendarDate;
}

/** A running B1/Z contract needs a valid Blik op Werk keurmerk; Onderwijsroute a recognised taalschakel institution (Wi2021; DUO rule for the inburgeringsaanbod). */
export function checkKeurmerkForContract({ subject, status, provider, today }: KeurmerkCheckInput): RuleViolation[] {
  if (!isContractRunning(status)) return [];
  const source = LAW_REFERENCES.DUO_OFFER;
  if (subject === 'B1' || subject === 'Z') {
    const validUntil = provider.keurmerkValidUntil;
    if (!validUntil) {
      return [violation('providerId', 'KEURMERK_MISSING',
        `Voor een actief contract voor de ${lotSubjectLabel(subject)} moet de aanbieder het Blik op Werk keurmerk Inburgeren hebben; er is geen keurmerk geregistreerd (${source}).`)];
    }
    if (!isKeurmerkValid(validUntil, today)) {
      return [violation('providerId', 'KEURMERK_EXPIRED',
        `Het Blik op Werk keurmerk van deze aanbieder is verlopen op ${formatDateNl(validUntil)}; een actief contract voor de ${lotSubjectLabel(subject)} vereist een geldig keurmerk (${source}).`)];
    }
  }
  if (subject === 'ONDERWIJS' && !provider.isTaalschakelInstitution) {
    return [violation('providerId', 'NOT_TAALSCHAKEL_INSTITUTION',
      `Voor de Onderwijsroute moet de aanbieder een erkende taalschakelinstelling zijn (${source}).`)];
  }
  return [];
}

/**
 * Warnings on a contract that is saved but not yet running (a draft): what checkKeurmerkForContract would refuse once it
 * becomes active, so the region knows now (issue #10: a B1 contract for a provider without a keurmerk gave no warning).
 */
export function contractKeurmerkWarnings({ subject, status, provider, today }: KeurmerkCheckInput): RuleViolation[] {
  if (isContractRunning(status)) return [];
  return checkKeurmerkForContract({ subject, status: 'ACTIVE', provider, today }).map((v) =>
    violation(v.field, `${v.code}_WARNING`, `Let op: ${v.message.charAt(0).toLowerCase()}${v.message.slice(1)} Dit concept kan zo niet actief worden.`));
}

export interface CapacityDeclarationInput {
  contractProviderId: string;
  actingProviderId: string;
  contractStatus: ContractStatus;
  seats?: number;
}

/** A provider declares capacity only on its own running contract (platform rule). */
export function checkCapacityDeclaration({ contractProviderId, actingProviderId, contractStatus, seats }: CapacityDeclarationInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (contractProviderId !== actingProviderId) {
    violations.push(violation('contractId', 'CAPACITY_NOT_OWN_CONTRACT', 'U kunt alleen capaciteit opgeven voor een contract van uw eigen organisatie.'));
  } else if (!isContractRunning(contractStatus)) {
    violations.push(violation('contractId', 'CAPACITY_CONTRACT_NOT_RUNNING',
      `Capaciteit opgeven kan alleen bij een actief of verlengd contract (dit contract is: ${contractStatusLabel(contractStatus).toLowerCase()}).`));
  }
  if (seats !== undefined && (!Number.isInteger(seats) || seats < 0)) {
    violations.push(violation('seats', 'CAPACITY_SEATS_INVALID', 'Het aantal plaatsen moet een geheel getal van 0 of meer zijn.'));
  }
  return violations;
}

/** The last day a contract of this lot may run: the lot's end, plus the extension options once the contract is extended (procurement). */
export function lotEndForContract(status: ContractStatus, lotPeriodEnd: CalendarDate, maxExtensionMonths: number): CalendarDate {
  return status === 'EXTENDED' ? addMonths(lotPeriodEnd, maxExtensionMonths) : lotPeriodEnd;
}

export interface LotPeriodInput {
  periodStart: CalendarDate;
  periodEnd: CalendarDate;
  maxExtensionMonths: number;
  expectedVolumePerYear: number;
}

/** A lot runs forward in time, with at most 4 years of extension options and a non-negative expected volume (procurement). */
export function checkLotPeriod({ periodStart, periodEnd, maxExtensionMonths, expectedVolumePerYear }: LotPeriodInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (compareDates(periodEnd, periodStart) <= 0) {
    violations.push(violation('periodEnd', 'LOT_END_BEFORE_START',
      `De einddatum van het perceel (${formatDateNl(periodEnd)}) moet na de begindatum (${formatDateNl(periodStart)}) liggen.`));
  }
  if (!Number.isInteger(maxExtensionMonths) || maxExtensionMonths < 0 || maxExtensionMonths > 48) {
    violations.push(violation('maxExtensionMonths', 'LOT_EXTENSION_INVALID', 'De verlengingsopties moeten samen tussen 0 en 48 maanden liggen (hele maanden).'));
  }
  if (!Number.isInteger(expectedVolumePerYear) || expectedVolumePerYear < 0) {
    violations.push(violation('expectedVolumePerYear', 'LOT_VOLUME_INVALID', 'Het verwachte aantal trajecten per jaar moet een geheel getal van 0 of meer zijn.'));
  }
  return violations;
}

/** Which status changes a contract may make: forward only; an ended contract stays ended (procurement). */
const CONTRACT_TRANSITIONS: Record<ContractStatus, readonly ContractStatus[]> = {
  DRAFT: ['DRAFT', 'ACTIVE', 'ENDED'],
  ACTIVE: ['ACTIVE', 'EXTENDED', 'ENDED'],
  EXTENDED: ['EXTENDED', 'ENDED'],
  ENDED: ['ENDED'],
};

export function checkContractStatusTransition(from: ContractStatus, to: ContractStatus): RuleViolation[] {
  if (CONTRACT_TRANSITIONS[from].includes(to)) return [];
  return [violation('status', 'CONTRACT_STATUS_TRANSITION_NOT_ALLOWED',
    `Een contract met de status ${contractStatusLabel(from).toLowerCase()} kan niet de status ${contractStatusLabel(to).toLowerCase()} krijgen.`)];
}

export const LOT_COVERAGES = ['ALL', 'SUB_REGION', 'LIST'] as const;
export type LotCoverage = (typeof LOT_COVERAGES)[number];

/** A lot covering a sub-region names it; a lot covering a list names its municipalities (procurement: the "Liemerse kavel"). */
export function checkLotCoverage(coverage: LotCoverage, subRegionId: string | null | undefined, municipalityIds: readonly string[]): RuleViolation[] {
  if (coverage === 'SUB_REGION' && !subRegionId) {
    return [violation('subRegionId', 'LOT_SUB_REGION_REQUIRED', 'Kies de subregio die dit perceel dekt.')];
  }
  if (coverage === 'LIST' && municipalityIds.length === 0) {
    return [violation('municipalityIds', 'LOT_MUNICIPALITIES_REQUIRED', 'Kies ten minste één gemeente voor dit perceel.')];
  }
  return [];
}

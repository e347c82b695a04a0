import { compareDates, type CalendarDate } from './calendar-date';
import { formatDateNl } from './format-nl';
import type { RuleViolation } from './rule-violation';

/** Input of the check on an individual placement (outside a lot). */
export interface IndividualPlacementInput {
  clientRoute: string | null;
  pipSignedOn: CalendarDate | null;
  /** Whether a lot for the Onderwijsroute covers the client's municipality (then the lot is the way). */
  onderwijsLotCoversMunicipality: boolean;
  priceCents: number;
  startsOn: CalendarDate;
  endsOn: CalendarDate;
  today: CalendarDate;
}

/**
 * Whether a consultant may place a client individually with an institution, outside a lot, at a price agreed for this
 * client: only for the Onderwijsroute where the municipality has no lot for it (Zuid-Limburg/Parkstad, Kerkrade: "de
 * Onderwijsroute [is] niet geschikt voor een aanbesteding ... iedere inburgeraar ... aan te melden voor het best
 * passende traject", beleidsplan Kerkrade §5.3.6.1).
 */
export function checkIndividualPlacement(input: IndividualPlacementInput): RuleViolation[] {
  const v: RuleViolation[] = [];
  const add = (field: string, code: string, message: string): void => { v.push({ field, code, message }); };
  if (!input.pipSignedOn || !input.clientRoute) {
    add('clientId', 'PLACEMENT_PIP_REQUIRED', 'Leg eerst het PIP met de leerroute vast; pas daarna kunt u de inburgeraar aanmelden bij een aanbieder.');
  } else if (input.clientRoute !== 'ONDERWIJS') {
    add('clientId', 'INDIVIDUAL_PLACEMENT_ONLY_ONDERWIJS', 'Individueel plaatsen kan alleen voor de Onderwijsroute; kies een perceel voor de leerroute uit het PIP.');
  }
  if (input.onderwijsLotCoversMunicipality) {
    add('providerId', 'INDIVIDUAL_PLACEMENT_LOT_EXISTS', 'Uw gemeente heeft een perceel voor de Onderwijsroute; meld de inburgeraar daar aan.');
  }
  if (!Number.isInteger(input.priceCents) || input.priceCents <= 0) add('priceCents', 'INDIVIDUAL_PLACEMENT_PRICE_REQUIRED', 'Vul de afgesproken prijs in (meer dan € 0).');
  if (compareDates(input.startsOn, input.today) < 0) add('startsOn', 'INDIVIDUAL_PLACEMENT_START_IN_PAST', 'De begindatum ligt in het verleden.');
  if (compareDates(input.endsOn, input.startsOn) <= 0) add('endsOn', 'INDIVIDUAL_PLACEMENT_END_BEFORE_START', 'De einddatum ligt niet na de begindatum.');
  return v;
}

/** Input of the institution's acceptance of an individual placement. */
export interface IndividualPlacementAcceptanceInput {
  startDate: CalendarDate;
  location: string | null | undefined;
  agreedStartsOn: CalendarDate | null;
  agreedEndsOn: CalendarDate | null;
  today: CalendarDate;
}

/** The institution accepts an individual placement with a start date inside the period the municipality agreed (same source). */
export function checkIndividualPlacementAcceptance(input: IndividualPlacementAcceptanceInput): RuleViolation[] {
  const v: RuleViolation[] = [];
  if (input.agreedStartsOn && compareDates(input.startDate, input.agreedStartsOn) < 0) {
    v.push({ field: 'startDate', code: 'INDIVIDUAL_PLACEMENT_START_BEFORE_PERIOD', message: `De startdatum ligt vóór de afgesproken periode (vanaf ${formatDateNl(input.agreedStartsOn)}).` });
  } else if (input.agreedEndsOn && compareDates(input.startDate, input.agreedEndsOn) >= 0) {
    v.push({ field: 'startDate', code: 'INDIVIDUAL_PLACEMENT_START_AFTER_PERIOD', message: `De startdatum ligt na de afgesproken periode (tot ${formatDateNl(input.agreedEndsOn)}).` });
  } else if (compareDates(input.startDate, input.today) < 0) {
    v.push({ field: 'startDate', code: 'PLACEMENT_START_IN_PAST', message: `De startdatum (${formatDateNl(input.startDate)}) ligt in het verleden.` });
  }
  if (!input.location || input.location.trim() === '') v.push({ field: 'location', code: 'PLACEMENT_LOCATION_REQUIRED', message: 'Vul de leslocatie in.' });
  return v;
}

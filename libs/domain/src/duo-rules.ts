// DUO's business rules for the messages a municipality sends over the machine-to-machine link, checked here before
// sending so that the consultant hears about a problem before DUO answers it. Source of each rule: DUO's published
// specification for the inburgering chain (README "Voorwaarden", and the PIP, Inburgeringsaanbod, MAP-PVT-Zroute,
// GevolgdeUren and Contactpersoon API specifications); the wording here is the project's own.
import { addMonths, CalendarDate, compareDates } from './calendar-date';
import { formatDateNl } from './format-nl';
import { cite } from './law-citations';
import { HourCategory, Route, TargetGroup } from './routes';
import { RuleViolation, violation } from './rule-violation';

/** What the municipality tells DUO. */
export const DUO_MESSAGE_KINDS = ['PIP_REGISTER', 'PIP_CHANGE', 'PIP_WITHDRAW', 'OFFER', 'HOURS', 'MAP', 'PVT', 'Z_ROUTE', 'CONTACT_PERSON'] as const;
export type DuoMessageKind = (typeof DUO_MESSAGE_KINDS)[number];

/** Waiting (not yet answered), sent (answered, not yet final), accepted, refused (DUO's reasons kept), superseded (a newer message replaced it before it was sent). */
export const DUO_MESSAGE_STATUSES = ['WAITING', 'SENT', 'ACCEPTED', 'REFUSED', 'SUPERSEDED'] as const;
export type DuoMessageStatus = (typeof DUO_MESSAGE_STATUSES)[number];

const KIND_LABELS: Record<DuoMessageKind, string> = {
  PIP_REGISTER: 'PIP aanleveren',
  PIP_CHANGE: 'PIP wijzigen',
  PIP_WITHDRAW: 'PIP verwijderen',
  OFFER: 'Inburgeringsaanbod',
  HOURS: 'Gevolgde uren',
  MAP: 'Datum eindgesprek MAP',
  PVT: 'Datum ondertekening PVT',
  Z_ROUTE: 'Datum afronding Z-route',
  CONTACT_PERSON: 'Contactpersoon',
};

export function duoMessageKindLabel(kind: DuoMessageKind): string {
  return KIND_LABELS[kind];
}

/** DUO's codes for the route in a PIP (PIP API, schema Leerroute). */
export const DUO_ROUTE_CODES: Record<Route, 'B' | 'O' | 'Z'> = { B1: 'B', ONDERWIJS: 'O', Z: 'Z' };

/** An OIN (organisatie-identificatienummer) is exactly 20 digits (Logius OIN register; DUO headers bron/doel). */
export function isOin(value: string): boolean {
  return /^\d{20}$/.test(value);
}

/** DUO's institution number (Inburgeringsaanbod API, instellingsnummer) is 10 characters. */
export function isDuoInstitutionNumber(value: string): boolean {
  return /^[0-9A-Z]{10}$/.test(value);
}

export interface DuoSendableInput {
  kind: DuoMessageKind;
  /** The client has a current PIP that this municipality set. */
  hasPipOfThisMunicipality: boolean;
}

/**
 * Nothing reaches DUO for a client without a PIP of this municipality (README "Voorwaarden gegevensuitwisseling": the
 * person's current PIP is of the asking municipality; MAP/PVT "Uw gemeente moet een actuele PIP hebben"). Registering the
 * PIP itself is the exception, and the contact person belongs to the municipality, not to a PIP.
 */
export function checkDuoMessageAllowed({ kind, hasPipOfThisMunicipality }: DuoSendableInput): RuleViolation[] {
  if (kind === 'PIP_REGISTER' || kind === 'CONTACT_PERSON' || hasPipOfThisMunicipality) return [];
  return [
    violation('pip', 'DUO_NO_PIP_OF_MUNICIPALITY',
      `${duoMessageKindLabel(kind)} kan niet naar DUO: de cliënt heeft geen PIP van uw gemeente. Leg eerst het PIP vast (${cite('DUO_CURRENT_PIP')}).`),
  ];
}

export interface PipIntensityInput {
  route: Route;
  targetGroup: TargetGroup;
  /** Estimated total hours for the B1-route (PIP API, geschatteIntensiteitB1Route: 1–9999). */
  estimatedHours: number | null | undefined;
}

/** The estimated intensity of the B1-route may only be sent for the B1-route and for asylum migrants (README, PIP "Geschatte intensiteit B1 route"). */
export function checkPipIntensity({ route, targetGroup, estimatedHours }: PipIntensityInput): RuleViolation[] {
  if (estimatedHours == null) return [];
  const violations: RuleViolation[] = [];
  if (!Number.isInteger(estimatedHours) || estimatedHours < 1 || estimatedHours > 9999) {
    violations.push(violation('estimatedHours', 'PIP_INTENSITY_OUT_OF_RANGE', 'De geschatte intensiteit is een heel aantal uren van 1 tot en met 9999.'));
  }
  if (route !== 'B1' || targetGroup !== 'STATUS_HOLDER') {
    violations.push(violation('estimatedHours', 'PIP_INTENSITY_ONLY_B1_ASYLUM',
      `De geschatte intensiteit mag alleen bij de B1-route van een asielstatushouder worden doorgegeven; laat het veld leeg (${cite('DUO_PIP_INTENSITY')}).`));
  }
  return violations;
}

export interface PipWithdrawalInput {
  /** DUO has set the integration term (inburgeringstermijn). */
  termEstablished: boolean;
  /** Course hours related to the current offer have been registered at DUO. */
  courseHoursRegistered: boolean;
}

/** A PIP can only be removed while the term is not set and no course hours for the current offer are registered (README, "Het verwijderen van een PIP"). */
export function checkPipWithdrawal({ termEstablished, courseHoursRegistered }: PipWithdrawalInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (termEstablished) {
    violations.push(violation('pip', 'PIP_WITHDRAW_TERM_SET',
      `Het PIP kan niet meer worden verwijderd: DUO heeft de inburgeringstermijn al vastgesteld. Wijzig het PIP in plaats daarvan (${cite('DUO_PIP_WITHDRAW')}).`));
  }
  if (courseHoursRegistered) {
    violations.push(violation('pip', 'PIP_WITHDRAW_HOURS_REGISTERED',
      `Het PIP kan niet meer worden verwijderd: er zijn al cursusuren bij het inburgeringsaanbod doorgegeven (${cite('DUO_PIP_WITHDRAW')}).`));
  }
  return violations;
}

export interface OfferForDuoInput {
  targetGroup: TargetGroup;
  route: Route | null;
  pipSignedOn: CalendarDate | null;
  /** The provider's DUO institution number (instellingsnummer), looked up from DUO's list of recognised institutions. */
  institutionNumber: string | null;
  /** From DUO's list: the institution has the Blik op Werk keurmerk. */
  hasBowKeurmerk: boolean;
  /** From DUO's list: the institution is a recognised taalschakel institution. */
  hasTstKeurmerk: boolean;
  offerDate: CalendarDate;
  expectedStart?: CalendarDate | null;
  expectedEnd?: CalendarDate | null;
  termStart?: CalendarDate | null;
  termEnd?: CalendarDate | null;
}

/**
 * An offer (inburgeringsaanbod) is only registered for an asylum migrant with a PIP, at an institution DUO knows with
 * the BoW keurmerk (or TST for the Onderwijsroute), with dates not before the current PIP and not outside the term
 * (README, "Inburgeringsaanbod").
 */
export function checkOfferForDuo(input: OfferForDuoInput): RuleViolation[] {
  const source = cite('DUO_OFFER');
  const violations: RuleViolation[] = [];
  if (input.targetGroup !== 'STATUS_HOLDER') {
    violations.push(violation('targetGroup', 'DUO_OFFER_ONLY_ASYLUM', `DUO registreert een inburgeringsaanbod alleen voor asielstatushouders (${source}).`));
  }
  if (!input.pipSignedOn) {
    violations.push(violation('pip', 'DUO_OFFER_NO_PIP', `Een inburgeringsaanbod kan pas naar DUO als de cliënt een PIP heeft (${source}).`));
  }
  if (!input.institutionNumber || !isDuoInstitutionNumber(input.institutionNumber)) {
    violations.push(violation('institutionNumber', 'DUO_OFFER_INSTITUTION_UNKNOWN',
      `De aanbieder heeft geen DUO-instellingsnummer (10 tekens). Laat de beheerder het nummer uit de DUO-lijst van erkende instellingen bij de aanbieder vastleggen (${source}).`));
  } else if (input.route === 'ONDERWIJS' ? !input.hasTstKeurmerk && !input.hasBowKeurmerk : !input.hasBowKeurmerk) {
    violations.push(violation('institutionNumber', 'DUO_OFFER_INSTITUTION_NOT_RECOGNISED',
      input.route === 'ONDERWIJS'
        ? `De instelling staat bij DUO niet als taalschakelinstelling of met keurmerk Blik op Werk (${source}).`
        : `De instelling heeft bij DUO geen keurmerk van Blik op Werk (${source}).`));
  }
  if (input.pipSignedOn && compareDates(input.offerDate, input.pipSignedOn) < 0) {
    violations.push(violation('offerDate', 'DUO_OFFER_BEFORE_PIP',
      `De datum van het aanbod (${formatDateNl(input.offerDate)}) ligt vóór de dagtekening van het PIP (${formatDateNl(input.pipSignedOn)}) (${source}).`));
  }
  if (input.expectedStart && input.expectedEnd && compareDates(input.expectedEnd, input.expectedStart) < 0) {
    violations.push(violation('expectedEnd', 'DUO_OFFER_END_BEFORE_START', 'De verwachte einddatum van de opleiding ligt vóór de verwachte startdatum.'));
  }
  for (const [field, date] of [['expectedStart', input.expectedStart], ['expectedEnd', input.expectedEnd]] as const) {
    if (!date) continue;
    if ((input.termStart && compareDates(date, input.termStart) < 0) || (input.termEnd && compareDates(date, input.termEnd) > 0)) {
      violations.push(violation(field, 'DUO_OFFER_OUTSIDE_TERM', `De datum ${formatDateNl(date)} ligt buiten de inburgeringstermijn (${source}).`));
    }
  }
  return violations;
}

/** DUO's 'Verwijtbaar' values (MAP-PVT-Zroute API, InburgeringJaNeeType). */
export const DUO_BLAME_VALUES = ['Ja', 'Nee'] as const;
export type DuoBlame = (typeof DUO_BLAME_VALUES)[number];

export interface BlameInput {
  date: CalendarDate;
  termEnd: CalendarDate;
}

/**
 * Which blameworthiness values DUO accepts with a MAP or PVT date (README, MAP/PVT conditions on 'Verwijtbaar'):
 * - date before the term end: none may be sent;
 * - without an indication there may be no exceedance of the term (the date lies after the term end), so then one is required;
 * - 'Ja' only when the term was exceeded;
 * - 'Nee' only when the term end lies within two months (read here as: at most two months before the date).
 * Returns the allowed values and whether an indication is required.
 */
export function allowedBlameValues({ date, termEnd }: BlameInput): { allowed: readonly DuoBlame[]; required: boolean } {
  if (compareDates(date, termEnd) < 0) return { allowed: [], required: false };
  const exceeded = compareDates(date, termEnd) > 0;
  const withinTwoMonths = compareDates(date, addMonths(termEnd, 2)) <= 0;
  const allowed: DuoBlame[] = [];
  if (exceeded) allowed.push('Ja');
  if (withinTwoMonths) allowed.push('Nee');
  return { allowed, required: exceeded };
}

export interface CompletionForDuoInput {
  kind: 'MAP' | 'PVT';
  /** The date (eindgesprek MAP or ondertekening PVT); null withdraws a date delivered before. */
  date: CalendarDate | null;
  blame: DuoBlame | null;
  hasPipOfThisMunicipality: boolean;
  /** This municipality delivered the date before (the message is a change). */
  isChange: boolean;
  deliveredBeforeByUs: boolean;
  /** The obligation was met through the Z-route. */
  metViaZRoute: boolean;
  zRouteCompletedOn: CalendarDate | null;
  termStart: CalendarDate | null;
  termEnd: CalendarDate | null;
  today: CalendarDate;
}

/** DUO's conditions for the MAP eindgesprek date and the PVT signing date with 'Verwijtbaar' (README, "MAP" and "PVT"). */
export function checkCompletionForDuo(input: CompletionForDuoInput): RuleViolation[] {
  const what = input.kind === 'MAP' ? 'De datum eindgesprek MAP' : 'De datum ondertekening PVT';
  const source = cite('DUO_MAP_PVT');
  const blameSource = cite('DUO_BLAME');
  const violations: RuleViolation[] = [];
  if (input.isChange && !input.deliveredBeforeByUs) {
    violations.push(violation('date', `DUO_${input.kind}_CHANGE_NOT_DELIVERED`, `${what} kan alleen worden gewijzigd als uw gemeente die eerder heeft doorgegeven (${source}).`));
  }
  if (!input.hasPipOfThisMunicipality) {
    violations.push(violation('pip', `DUO_${input.kind}_NO_PIP`, `Uw gemeente moet een actueel PIP voor de cliënt hebben (${source}).`));
  }
  if (input.metViaZRoute) {
    violations.push(violation('date', `DUO_${input.kind}_OBLIGATION_MET_Z`, `De inburgeringsplicht is al voldaan via de Z-route (${source}).`));
  }
  if (input.date === null) {
    if (input.zRouteCompletedOn) {
      violations.push(violation('date', `DUO_${input.kind}_WITHDRAW_AFTER_Z`, `${what} kan niet worden ingetrokken: de afronding van de Z-route is al geregistreerd (${source}).`));
    }
    return violations;
  }
  const shown = formatDateNl(input.date);
  if (input.termStart && compareDates(input.date, input.termStart) < 0) {
    violations.push(violation('date', `DUO_${input.kind}_BEFORE_TERM_START`, `${what} (${shown}) ligt vóór de start van de inburgeringstermijn (${formatDateNl(input.termStart)}) (${source}).`));
  }
  if (input.zRouteCompletedOn && compareDates(input.date, input.zRouteCompletedOn) > 0) {
    violations.push(violation('date', `DUO_${input.kind}_AFTER_Z_ROUTE`, `${what} (${shown}) ligt na de afronding van de Z-route (${formatDateNl(input.zRouteCompletedOn)}) (${source}).`));
  }
  if (compareDates(input.date, input.today) > 0) {
    violations.push(violation('date', `DUO_${input.kind}_IN_FUTURE`, `${what} (${shown}) ligt in de toekomst (${source}).`));
  }
  if (input.termEnd) {
    const { allowed, required } = allowedBlameValues({ date: input.date, termEnd: input.termEnd });
    if (input.blame === null && required) {
      violations.push(violation('blame', 'DUO_BLAME_REQUIRED',
        `${what} (${shown}) ligt na het einde van de inburgeringstermijn (${formatDateNl(input.termEnd)}); geef aan of dat verwijtbaar is (${blameSource}).`));
    }
    if (input.blame !== null && !allowed.includes(input.blame)) {
      violations.push(violation('blame', 'DUO_BLAME_NOT_ALLOWED',
        allowed.length === 0
          ? `${what} (${shown}) ligt vóór het einde van de inburgeringstermijn; laat 'verwijtbaar' leeg (${blameSource}).`
          : `'Verwijtbaar: ${input.blame}' is hier niet toegestaan; kies ${allowed.map((v) => `'${v}'`).join(' of ')} (${blameSource}).`));
    }
  } else if (input.blame !== null) {
    violations.push(violation('blame', 'DUO_BLAME_NOT_ALLOWED', `Zonder vastgestelde inburgeringstermijn kan geen verwijtbaarheid worden doorgegeven (${blameSource}).`));
  }
  return violations;
}

export interface ZRouteForDuoInput {
  date: CalendarDate;
  route: Route | null;
  hasPipOfThisMunicipality: boolean;
  mapOn: CalendarDate | null;
  pvtOn: CalendarDate | null;
  today: CalendarDate;
}

/**
 * The Z-route completion date: only for a client on the Z-route with a PIP of this municipality, not in the future and
 * not before the MAP and PVT dates already delivered (those may not lie after it; README, MAP/PVT conditions).
 */
export function checkZRouteForDuo(input: ZRouteForDuoInput): RuleViolation[] {
  const source = cite('DUO_MAP_PVT');
  const violations: RuleViolation[] = [];
  if (input.route !== 'Z') violations.push(violation('route', 'DUO_Z_ROUTE_NOT_Z', 'De afronding van de Z-route kan alleen voor een cliënt in de Z-route worden doorgegeven.'));
  if (!input.hasPipOfThisMunicipality) violations.push(violation('pip', 'DUO_Z_ROUTE_NO_PIP', `Uw gemeente moet een actueel PIP voor de cliënt hebben (${cite('DUO_CURRENT_PIP')}).`));
  if (compareDates(input.date, input.today) > 0) violations.push(violation('date', 'DUO_Z_ROUTE_IN_FUTURE', `De datum afronding Z-route (${formatDateNl(input.date)}) ligt in de toekomst.`));
  for (const [label, d] of [['het eindgesprek MAP', input.mapOn], ['de ondertekening PVT', input.pvtOn]] as const) {
    if (d && compareDates(d, input.date) > 0) {
      violations.push(violation('date', 'DUO_Z_ROUTE_BEFORE_MAP_PVT', `De afronding van de Z-route (${formatDateNl(input.date)}) ligt vóór ${label} (${formatDateNl(d)}) (${source}).`));
    }
  }
  return violations;
}

export interface DuoContactPersonInput {
  name: string;
  email: string;
  phone: string;
}

/**
 * The contact person DUO's chain partners may call about the client (Contactpersoon API, Contactpersoongegevens): a name
 * of letters, spaces, apostrophes, dots and hyphens (at most 100), an e-mail address (4 to 241 characters) and a
 * telephone number of 3 to 16 digits with an optional '+', spaces, hyphens or '(0)' and an extension after a comma.
 */
export function checkDuoContactPerson({ name, email, phone }: DuoContactPersonInput): RuleViolation[] {
  const source = cite('DUO_CONTACT_PERSON');
  const violations: RuleViolation[] = [];
  const n = name.trim();
  if (n.length === 0 || n.length > 100 || !/^[\s'‘.\p{L}\p{Pd}]+$/u.test(n)) {
    violations.push(violation('name', 'DUO_CONTACT_NAME', `Vul een naam in van hoogstens 100 tekens, met alleen letters, spaties, punten, apostroffen en streepjes (${source}).`));
  }
  const e = email.trim();
  if (e.length < 4 || e.length > 241 || !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(e)) {
    violations.push(violation('email', 'DUO_CONTACT_EMAIL', `Vul een geldig e-mailadres in (4 tot en met 241 tekens), bijvoorbeeld naam@gemeente.nl (${source}).`));
  }
  const p = phone.trim();
  if (p.length < 3 || p.length > 22 || !/^(\+|[0-9])((\s|\s?(-|\(0\))\s?)?[0-9]){2,15}([,][1-9][0-9]{1,8})?$/.test(p)) {
    violations.push(violation('phone', 'DUO_CONTACT_PHONE', `Vul een telefoonnummer in van 3 tot en met 16 cijfers, bijvoorbeeld 026 123 45 67 of +31 26 123 4567 (${source}).`));
  }
  return violations;
}

/** DUO's categories of hours followed (GevolgdeUren API). */
export const DUO_HOUR_CATEGORIES = ['PARTICIPATIE_TAALLES', 'PARTICIPATIEACTIVITEITEN'] as const;
export type DuoHourCategory = (typeof DUO_HOUR_CATEGORIES)[number];

/** The path segment of each category under /personen/{bsn}/uren (GevolgdeUren API). */
export const DUO_HOUR_PATHS: Record<DuoHourCategory, string> = {
  PARTICIPATIE_TAALLES: 'participatietaalles',
  PARTICIPATIEACTIVITEITEN: 'participatieactiviteiten',
};

/**
 * Which DUO category the platform's hours count towards (GevolgdeUren API): Dutch lessons and KNM at a course institution
 * are 'participatietaalles'; participation activities (incl. PVT and MAP) count as 'participatieactiviteiten' only for the
 * Z-route of an asylum migrant. Other hours (e.g. other subjects of the Onderwijsroute) are not reported.
 */
export function duoHourCategoryOf(category: HourCategory, route: Route | null, targetGroup: TargetGroup): DuoHourCategory | null {
  if (category === 'LANGUAGE' || category === 'LITERACY' || category === 'KNM') return 'PARTICIPATIE_TAALLES';
  if ((category === 'PARTICIPATION' || category === 'PVT' || category === 'MAP') && route === 'Z' && targetGroup === 'STATUS_HOLDER') return 'PARTICIPATIEACTIVITEITEN';
  return null;
}

/** DUO takes whole hours, 0–9999 (GevolgdeUren API, uren); attended minutes are rounded down to whole hours. */
export function duoHourTotals(
  entries: readonly { category: HourCategory; attendedMinutes: number }[],
  route: Route | null,
  targetGroup: TargetGroup,
): Record<DuoHourCategory, number> {
  const minutes: Record<DuoHourCategory, number> = { PARTICIPATIE_TAALLES: 0, PARTICIPATIEACTIVITEITEN: 0 };
  for (const e of entries) {
    const c = duoHourCategoryOf(e.category, route, targetGroup);
    if (c) minutes[c] += e.attendedMinutes;
  }
  return {
    PARTICIPATIE_TAALLES: Math.min(9999, Math.floor(minutes.PARTICIPATIE_TAALLES / 60)),
    PARTICIPATIEACTIVITEITEN: Math.min(9999, Math.floor(minutes.PARTICIPATIEACTIVITEITEN / 60)),
  };
}

/**
 * DUO's notification events (Gebeurtenissen overview) the platform handles, with what to fetch and whether the consultant
 * must act. Unknown ids are accepted and recorded without a signal.
 */
export const DUO_EVENT_FETCHES = ['OBLIGATION', 'TERM', 'EXAMS', 'EXEMPTIONS', 'DISPENSATIONS'] as const;
export type DuoEventFetch = (typeof DUO_EVENT_FETCHES)[number];

export interface DuoEventRule {
  description: string;
  fetch: readonly DuoEventFetch[];
  /** A Dutch signal text for the consultant, when the event needs action. */
  signal: string | null;
}

export const DUO_EVENTS: Readonly<Record<string, DuoEventRule>> = {
  SS101: { description: 'Persoon is inburgeringsplichtig', fetch: ['OBLIGATION', 'EXAMS'], signal: null },
  SS128: { description: 'Inburgeringsplichtig, bereikt binnen 6 maanden de AOW-leeftijd', fetch: ['OBLIGATION', 'EXAMS'], signal: 'DUO: de cliënt bereikt binnen zes maanden de AOW-leeftijd; beoordeel het PIP.' },
  SS139: { description: 'Inburgeringsplichtig, termijn van 10 weken voor de leerroute gestart', fetch: ['OBLIGATION', 'EXAMS'], signal: 'DUO: de termijn van 10 weken om de leerroute vast te stellen is gestart.' },
  SS129: { description: 'Tijdelijke vrijstelling ingetrokken, nog geen leerroute', fetch: ['OBLIGATION', 'EXAMS', 'EXEMPTIONS'], signal: 'DUO: tijdelijke vrijstelling ingetrokken en nog geen leerroute; stel een PIP op.' },
  SS120: { description: 'In gemeente gevestigd zonder PIP', fetch: ['OBLIGATION', 'EXAMS'], signal: 'DUO: de cliënt is in uw gemeente gevestigd zonder PIP; stel een PIP op.' },
  SS121: { description: 'In gemeente gevestigd met PIP van vorige gemeente', fetch: ['OBLIGATION', 'TERM', 'EXAMS'], signal: 'DUO: de cliënt is verhuisd naar uw gemeente met een PIP van de vorige gemeente; beoordeel het PIP.' },
  SS124: { description: 'Doelgroep gewijzigd naar gezins- en overige migrant', fetch: ['OBLIGATION'], signal: 'DUO: de doelgroep is gewijzigd naar gezins- en overige migrant.' },
  SS125: { description: 'Doelgroep gewijzigd naar asielstatushouder', fetch: ['OBLIGATION'], signal: 'DUO: de doelgroep is gewijzigd naar asielstatushouder.' },
  SS109: { description: 'Tijdelijke vrijstelling toegekend', fetch: ['OBLIGATION', 'EXEMPTIONS'], signal: 'DUO: tijdelijke vrijstelling toegekend; vul de inspanningen en resultaten aan.' },
  SS110: { description: 'Inburgeringsplicht ingetrokken', fetch: ['OBLIGATION'], signal: 'DUO: de inburgeringsplicht is ingetrokken; vul de inspanningen en resultaten aan.' },
  SS111: { description: 'Persoon is overleden', fetch: ['OBLIGATION'], signal: 'DUO: de cliënt is overleden.' },
  SS106: { description: 'Diploma behaald', fetch: ['OBLIGATION'], signal: 'DUO: de inburgeringsplicht is voldaan (diploma behaald).' },
  SS107: { description: 'Gehele vrijstelling toegekend', fetch: ['OBLIGATION', 'EXEMPTIONS'], signal: 'DUO: gehele vrijstelling toegekend.' },
  SS108: { description: 'Gehele ontheffing toegekend', fetch: ['OBLIGATION', 'DISPENSATIONS'], signal: 'DUO: gehele ontheffing toegekend.' },
  SS102: { description: 'Inburgeringstermijn gestart', fetch: ['TERM'], signal: null },
  SS199: { description: 'Uitslag examen bekend', fetch: ['EXAMS'], signal: 'DUO: er is een nieuwe examenuitslag.' },
  SS103: { description: 'Termijn ambtshalve verlengd', fetch: ['TERM'], signal: 'DUO: de inburgeringstermijn is ambtshalve verlengd.' },
  SS104: { description: 'Termijn op verzoek verlengd', fetch: ['TERM'], signal: 'DUO: de inburgeringstermijn is op verzoek verlengd.' },
  SS130: { description: 'Tijdelijke vrijstelling ingetrokken, PIP al bekend', fetch: ['OBLIGATION', 'TERM', 'EXAMS', 'EXEMPTIONS'], signal: 'DUO: tijdelijke vrijstelling ingetrokken; de inburgeringsplicht wordt hervat.' },
  SS114: { description: 'Verzoek gehele vrijstelling afgewezen', fetch: ['EXEMPTIONS'], signal: null },
  SS115: { description: 'Verzoek tijdelijke vrijstelling afgewezen', fetch: ['EXEMPTIONS'], signal: null },
  SS116: { description: 'Verzoek gedeeltelijke vrijstelling afgewezen', fetch: ['EXEMPTIONS'], signal: null },
  SS117: { description: 'Verzoek gedeeltelijke vrijstelling toegekend', fetch: ['EXEMPTIONS', 'EXAMS'], signal: 'DUO: gedeeltelijke vrijstelling toegekend; beoordeel het PIP.' },
  SS118: { description: 'Verzoek ontheffing afgewezen', fetch: ['DISPENSATIONS'], signal: null },
  SS119: { description: 'Verzoek gedeeltelijke ontheffing toegekend', fetch: ['DISPENSATIONS', 'EXAMS'], signal: 'DUO: gedeeltelijke ontheffing toegekend; beoordeel het PIP.' },
  // Attention signals (Attentiesignalen overview).
  SS122: { description: 'Vertrokken naar andere gemeente', fetch: ['OBLIGATION'], signal: 'DUO: de cliënt is naar een andere gemeente vertrokken; geef inspanningen en resultaten door.' },
  SS123: { description: 'Vertrokken uit Nederland', fetch: ['OBLIGATION'], signal: 'DUO: de cliënt is uit Nederland vertrokken; geef inspanningen en resultaten door.' },
  SS126: { description: 'Na 10 weken nog geen leerroute', fetch: [], signal: 'DUO: na 10 weken is nog geen leerroute vastgesteld.' },
  SS127: { description: 'Nog geen inburgeringsaanbod ontvangen', fetch: [], signal: 'DUO: er is nog geen inburgeringsaanbod ontvangen.' },
  SS141: { description: 'Z-route voldaan, certificaattekst beschikbaar', fetch: [], signal: 'DUO: de Z-route is voldaan; de tekst voor het certificaat staat klaar.' },
  SS142: { description: 'Niet-vrijstellende opleiding beëindigd', fetch: [], signal: 'DUO: een niet-vrijstellende opleiding is beëindigd; neem contact op en herzie zo nodig het PIP.' },
};

/** What the platform does with a DUO event id; unknown ids fetch nothing and raise no signal. */
export function duoEventRule(eventId: string): DuoEventRule {
  return DUO_EVENTS[eventId] ?? { description: `Onbekende gebeurtenis ${eventId}`, fetch: [], signal: null };
}

/** Whether a DUO answer should be retried: 5xx, timeouts and network errors are; 4xx (a refusal) is not. */
export function isDuoRetryable(httpStatus: number | null): boolean {
  return httpStatus === null || httpStatus >= 500 || httpStatus === 429 || httpStatus === 408;
}

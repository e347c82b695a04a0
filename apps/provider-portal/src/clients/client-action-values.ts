// The form values of the client page's actions (strings as typed) and their conversion to the API's inputs.
// Only what the browser can know is checked here (a date as d-M-yyyy, a number, a choice made); the rules come from the API.
import type {
  ClientDetailFragment,
  EndPlacementInput,
  LearnabilityOutcome,
  Level,
  MoveClientInput,
  PlaceInInstroomklasInput,
  PlacementEndReason,
  RequestIndividualPlacementInput,
  Route,
  SetPipInput,
  SwitchRouteInput,
  TargetGroup,
  UpdateClientInput,
} from '@inburgering/contracts';
import { formatDateNl, formatHoursNl, parseDutchDate, parseDutchHours } from '@inburgering/domain';
import { parseEuroToCents } from '../procurement/form/money';

/** What is wrong with a typed value; the form turns it into a Dutch message (clientActions.problems.*). */
export type FieldProblem = 'invalidDate' | 'invalidNumber' | 'invalidHours' | 'invalidAmount' | 'choose';

export type Parsed<T> = { input: T; problems: [] } | { input: null; problems: [field: string, problem: FieldProblem][] };

/** Collects the problems while reading the values of one form. */
class FormReader {
  readonly problems: [string, FieldProblem][] = [];

  date(field: string, value: string, required: boolean): string | null {
    const typed = value.trim();
    if (!typed) {
      if (required) this.problems.push([field, 'invalidDate']);
      return null;
    }
    const date = parseDutchDate(typed);
    if (!date) this.problems.push([field, 'invalidDate']);
    return date;
  }

  integer(field: string, value: string): number | null {
    const typed = value.trim();
    if (!typed) return null;
    const number = Number(typed);
    if (!Number.isInteger(number)) this.problems.push([field, 'invalidNumber']);
    return number;
  }

  minutes(field: string, value: string): number | null {
    const typed = value.trim();
    if (!typed) return null;
    const minutes = parseDutchHours(typed);
    if (minutes === null) this.problems.push([field, 'invalidHours']);
    return minutes;
  }

  amount(field: string, value: string): number {
    const cents = parseEuroToCents(value);
    if (cents === null || cents <= 0) this.problems.push([field, 'invalidAmount']);
    return cents ?? 0;
  }

  choice<T extends string>(field: string, value: string): T {
    if (!value) this.problems.push([field, 'choose']);
    return value as T;
  }

  result<T>(input: T): Parsed<T> {
    return this.problems.length === 0 ? { input, problems: [] } : { input: null, problems: this.problems };
  }
}

const optionalText = (value: string): string | null => value.trim() || null;
const dateOrEmpty = (date: string | null): string => (date ? formatDateNl(date) : '');

// --- Personal data and intake (updateClient) -------------------------------------------------------------------

export const CLIENT_DATA_FIELDS = ['firstName', 'lastName', 'dateOfBirth', 'targetGroup', 'brpRegistrationDate', 'learnabilityOutcome', 'learnabilityScore',
  'intakeCompletedOn', 'intakeNotes'] as const;
export type ClientDataValues = Record<(typeof CLIENT_DATA_FIELDS)[number], string>;

export function clientDataValues(client: ClientDetailFragment): ClientDataValues {
  return {
    firstName: client.firstName,
    lastName: client.lastName,
    dateOfBirth: formatDateNl(client.dateOfBirth),
    targetGroup: client.targetGroup,
    brpRegistrationDate: formatDateNl(client.brpRegistrationDate),
    learnabilityOutcome: client.learnabilityOutcome,
    learnabilityScore: client.learnabilityScore === null ? '' : String(client.learnabilityScore),
    intakeCompletedOn: dateOrEmpty(client.intakeCompletedOn),
    intakeNotes: client.intakeNotes ?? '',
  };
}

export function parseClientData(clientId: string, values: ClientDataValues): Parsed<UpdateClientInput> {
  const read = new FormReader();
  return read.result({
    clientId,
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    dateOfBirth: read.date('dateOfBirth', values.dateOfBirth, true) ?? '',
    targetGroup: values.targetGroup as TargetGroup,
    brpRegistrationDate: read.date('brpRegistrationDate', values.brpRegistrationDate, true) ?? '',
    learnabilityOutcome: values.learnabilityOutcome as LearnabilityOutcome,
    learnabilityScore: read.integer('learnabilityScore', values.learnabilityScore),
    intakeCompletedOn: read.date('intakeCompletedOn', values.intakeCompletedOn, false),
    intakeNotes: optionalText(values.intakeNotes),
  });
}

// --- The PIP (setPip) ----------------------------------------------------------------------------------------------

export const PIP_FIELDS = ['pipSignedOn', 'route', 'level', 'pipMinutesPerWeek', 'pipLessonPattern'] as const;
export type PipValues = Record<(typeof PIP_FIELDS)[number], string>;

export function pipValues(client: ClientDetailFragment): PipValues {
  return {
    pipSignedOn: dateOrEmpty(client.pipSignedOn),
    route: client.route ?? '',
    level: client.level ?? '',
    pipMinutesPerWeek: client.pipMinutesPerWeek ? formatHoursNl(client.pipMinutesPerWeek) : '',
    pipLessonPattern: client.pipLessonPattern ?? '',
  };
}

export function parsePip(clientId: string, values: PipValues): Parsed<SetPipInput> {
  const read = new FormReader();
  return read.result({
    clientId,
    pipSignedOn: read.date('pipSignedOn', values.pipSignedOn, true) ?? '',
    route: read.choice<Route>('route', values.route),
    level: read.choice<Level>('level', values.level),
    pipMinutesPerWeek: read.minutes('pipMinutesPerWeek', values.pipMinutesPerWeek),
    pipLessonPattern: optionalText(values.pipLessonPattern),
  });
}

// --- Route switch (switchRoute) -------------------------------------------------------------------------------------

export const ROUTE_SWITCH_FIELDS = ['toRoute', 'toLevel', 'reason'] as const;
export type RouteSwitchValues = Record<(typeof ROUTE_SWITCH_FIELDS)[number], string>;

export const EMPTY_ROUTE_SWITCH: RouteSwitchValues = { toRoute: '', toLevel: '', reason: '' };

/** The reason goes as typed: an empty one is refused by the API with the rule's own message. */
export function parseRouteSwitch(clientId: string, values: RouteSwitchValues): Parsed<SwitchRouteInput> {
  const read = new FormReader();
  return read.result({
    clientId,
    toRoute: read.choice<Route>('toRoute', values.toRoute),
    toLevel: read.choice<Level>('toLevel', values.toLevel),
    reason: values.reason,
  });
}

// --- Move to another municipality (moveClient) ----------------------------------------------------------------------

export const MOVE_FIELDS = ['toMunicipalityId', 'movedOn', 'note'] as const;
export type MoveValues = Record<(typeof MOVE_FIELDS)[number], string>;

export const EMPTY_MOVE: MoveValues = { toMunicipalityId: '', movedOn: '', note: '' };

export function parseMove(clientId: string, values: MoveValues): Parsed<MoveClientInput> {
  const read = new FormReader();
  return read.result({
    clientId,
    toMunicipalityId: read.choice<string>('toMunicipalityId', values.toMunicipalityId),
    movedOn: read.date('movedOn', values.movedOn, true) ?? '',
    note: optionalText(values.note),
  });
}

// --- End a placement (endPlacement) ---------------------------------------------------------------------------------

export const END_PLACEMENT_FIELDS = ['endReason', 'endedOn', 'note'] as const;
export type EndPlacementValues = Record<(typeof END_PLACEMENT_FIELDS)[number], string>;

export function parseEndPlacement(placement: { id: string; version: number }, values: EndPlacementValues): Parsed<EndPlacementInput> {
  const read = new FormReader();
  return read.result({
    placementId: placement.id,
    version: placement.version,
    endReason: read.choice<PlacementEndReason>('endReason', values.endReason),
    endedOn: read.date('endedOn', values.endedOn, true) ?? '',
    note: optionalText(values.note),
  });
}

export const INDIVIDUAL_PLACEMENT_FIELDS = ['providerId', 'priceCents', 'startsOn', 'endsOn'] as const;
export type IndividualPlacementValues = Record<(typeof INDIVIDUAL_PLACEMENT_FIELDS)[number], string>;

/** The individual placement (outside a lot): institution, agreed price in euros, period; every problem at once. */
export function parseIndividualPlacement(clientId: string, idempotencyKey: string, values: IndividualPlacementValues): Parsed<RequestIndividualPlacementInput> {
  const read = new FormReader();
  return read.result({
    clientId,
    idempotencyKey,
    providerId: read.choice<string>('providerId', values.providerId),
    priceCents: read.amount('priceCents', values.priceCents),
    startsOn: read.date('startsOn', values.startsOn, true) ?? '',
    endsOn: read.date('endsOn', values.endsOn, true) ?? '',
  });
}

// --- Place in the instroomklas (placeInInstroomklas) ------------------------------------------------------------------

export const INSTROOMKLAS_FIELDS = ['providerId', 'startsOn', 'location'] as const;
export type InstroomklasValues = Record<(typeof INSTROOMKLAS_FIELDS)[number], string>;

/** The instroomklas: the provider that gives it, the first day, the location; every problem at once. */
export function parseInstroomklas(clientId: string, idempotencyKey: string, values: InstroomklasValues): Parsed<PlaceInInstroomklasInput> {
  const read = new FormReader();
  return read.result({
    clientId,
    idempotencyKey,
    providerId: read.choice<string>('providerId', values.providerId),
    startsOn: read.date('startsOn', values.startsOn, true) ?? '',
    location: optionalText(values.location),
  });
}

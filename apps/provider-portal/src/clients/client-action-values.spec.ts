import { describe, expect, it } from '@jest/globals';
import type { ClientDetailFragment } from '@inburgering/contracts';
import { clientDataValues, parseClientData, parseEndPlacement, parseMove, parsePip, parseRouteSwitch, pipValues } from './client-action-values';

const client: ClientDetailFragment = {
  id: 'c1', clientNumber: 1001, municipalityId: 'm1', firstName: 'Selam', lastName: 'Tesfaye', dateOfBirth: '1990-02-03', targetGroup: 'STATUS_HOLDER',
  brpRegistrationDate: '2026-01-05', pipSignedOn: '2026-03-02', firstPipSignedOn: '2026-03-02', route: 'B1', level: 'B1', bsnMasked: '******123', anonymisedOn: null,
  learnabilityOutcome: 'B1_FEASIBLE', learnabilityScore: 71, intakeCompletedOn: null, intakeNotes: null, pipMinutesPerWeek: 450,
  pipLessonPattern: 'Dinsdag', pipCount: 1, placementStatus: 'NONE',
  deadlines: { pip: { deadline: '2026-03-16', status: 'MET' }, integrationTerm: null, routeSwitch: null, map: null, pvt: null, mostUrgent: null },
};

describe('client data and intake', () => {
  it('starts from the client as shown (d-M-yyyy, empty for none) and sends ISO dates back', () => {
    const values = clientDataValues(client);
    expect(values).toMatchObject({ dateOfBirth: '3-2-1990', brpRegistrationDate: '5-1-2026', learnabilityScore: '71', intakeCompletedOn: '', intakeNotes: '' });
    const parsed = parseClientData('c1', { ...values, intakeCompletedOn: '12-1-2026', intakeNotes: '  Gezin besproken ', firstName: ' Selam ' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.input).toEqual({
      clientId: 'c1', firstName: 'Selam', lastName: 'Tesfaye', dateOfBirth: '1990-02-03', targetGroup: 'STATUS_HOLDER', brpRegistrationDate: '2026-01-05',
      learnabilityOutcome: 'B1_FEASIBLE', learnabilityScore: 71, intakeCompletedOn: '2026-01-12', intakeNotes: 'Gezin besproken',
    });
  });

  it('names each field that cannot be read, and sends nothing', () => {
    const parsed = parseClientData('c1', { ...clientDataValues(client), dateOfBirth: '', intakeCompletedOn: '31-2-2026', learnabilityScore: '7,5' });
    expect(parsed.input).toBeNull();
    expect(parsed.problems).toEqual([['dateOfBirth', 'invalidDate'], ['learnabilityScore', 'invalidNumber'], ['intakeCompletedOn', 'invalidDate']]);
  });
});

describe('PIP', () => {
  it('shows hours as Dutch hours and sends minutes', () => {
    const values = pipValues(client);
    expect(values).toEqual({ pipSignedOn: '2-3-2026', route: 'B1', level: 'B1', pipMinutesPerWeek: '7,5', pipLessonPattern: 'Dinsdag' });
    expect(parsePip('c1', { ...values, pipMinutesPerWeek: '12' }).input).toMatchObject({ pipSignedOn: '2026-03-02', pipMinutesPerWeek: 720 });
  });

  it('asks for a date, a route and a level', () => {
    const parsed = parsePip('c1', { pipSignedOn: '', route: '', level: '', pipMinutesPerWeek: 'veel', pipLessonPattern: '' });
    expect(parsed.problems).toEqual([['pipSignedOn', 'invalidDate'], ['route', 'choose'], ['level', 'choose'], ['pipMinutesPerWeek', 'invalidHours']]);
  });
});

describe('route switch, move and end of a placement', () => {
  it('leaves the reason to the API but asks for the route and level', () => {
    expect(parseRouteSwitch('c1', { toRoute: 'Z', toLevel: 'A2', reason: '' }).input).toEqual({ clientId: 'c1', toRoute: 'Z', toLevel: 'A2', reason: '' });
    expect(parseRouteSwitch('c1', { toRoute: '', toLevel: '', reason: 'x' }).problems).toEqual([['toRoute', 'choose'], ['toLevel', 'choose']]);
  });

  it('needs the municipality and the date of a move', () => {
    expect(parseMove('c1', { toMunicipalityId: 'm2', movedOn: '1-4-2026', note: ' ' }).input).toEqual({ clientId: 'c1', toMunicipalityId: 'm2', movedOn: '2026-04-01', note: null });
    expect(parseMove('c1', { toMunicipalityId: '', movedOn: 'morgen', note: '' }).problems).toEqual([['toMunicipalityId', 'choose'], ['movedOn', 'invalidDate']]);
  });

  it('sends the placement version with the end reason', () => {
    expect(parseEndPlacement({ id: 'p1', version: 3 }, { endReason: 'COMPLETED', endedOn: '1-4-2026', note: '' }).input).toEqual({
      placementId: 'p1', version: 3, endReason: 'COMPLETED', endedOn: '2026-04-01', note: null,
    });
    expect(parseEndPlacement({ id: 'p1', version: 3 }, { endReason: '', endedOn: '', note: '' }).problems).toEqual([['endReason', 'choose'], ['endedOn', 'invalidDate']]);
  });
});

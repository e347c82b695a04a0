import {
  ageOn,
  checkInstroomklasHourCategory,
  checkInstroomklasPlacement,
  checkLotAgeBand,
  checkPlacementEndReason,
  placementEndReasonsFor,
  countsTowardRouteNorms,
  placementKindLabel,
  waitingTime,
} from './instroomklas';

describe('instroomklas', () => {
  const base = { clientRoute: 'Z', pipSignedOn: '2026-09-01', startsOn: '2026-10-01', today: '2026-11-30', alreadyInInstroomklas: false, routeStarted: false };

  it('places a client with a PIP from a day not in the future', () => {
    expect(checkInstroomklasPlacement(base)).toEqual([]);
    expect(checkInstroomklasPlacement({ ...base, startsOn: '2026-11-30' })).toEqual([]);
  });

  it('needs the PIP with the route the client waits for', () => {
    expect(checkInstroomklasPlacement({ ...base, pipSignedOn: null }).map((v) => [v.field, v.code])).toEqual([['clientId', 'PLACEMENT_PIP_REQUIRED']]);
  });

  it('refuses a second instroomklas, one after the route started, and a start in the future', () => {
    expect(checkInstroomklasPlacement({ ...base, alreadyInInstroomklas: true }).map((v) => v.code)).toEqual(['INSTROOMKLAS_ALREADY_RUNNING']);
    expect(checkInstroomklasPlacement({ ...base, routeStarted: true }).map((v) => v.code)).toEqual(['INSTROOMKLAS_ROUTE_STARTED']);
    const [future] = checkInstroomklasPlacement({ ...base, startsOn: '2026-12-01' });
    expect(future).toMatchObject({ field: 'startsOn', code: 'INSTROOMKLAS_START_IN_FUTURE' });
    expect(future.message).toContain('1-12-2026');
  });

  it('registers language, literacy and KNM only', () => {
    expect(checkInstroomklasHourCategory('LANGUAGE')).toEqual([]);
    expect(checkInstroomklasHourCategory('LITERACY')).toEqual([]);
    expect(checkInstroomklasHourCategory('KNM')).toEqual([]);
    expect(checkInstroomklasHourCategory('PARTICIPATION').map((v) => [v.field, v.code])).toEqual([['category', 'INSTROOMKLAS_HOUR_CATEGORY']]);
  });

  it('does not count instroomklas hours towards the route norms', () => {
    expect(countsTowardRouteNorms('INSTROOMKLAS')).toBe(false);
    expect(countsTowardRouteNorms('REGULAR')).toBe(true);
    expect(placementKindLabel('INSTROOMKLAS')).toBe('Instroomklas');
  });
});

describe('checkPlacementEndReason', () => {
  it('ends an instroomklas when the route starts, a route placement never with that reason', () => {
    expect(checkPlacementEndReason('INSTROOMKLAS', 'ROUTE_STARTED')).toEqual([]);
    expect(checkPlacementEndReason('INSTROOMKLAS', 'STOPPED')).toEqual([]);
    expect(checkPlacementEndReason('INSTROOMKLAS', 'COMPLETED').map((v) => [v.field, v.code])).toEqual([['endReason', 'INSTROOMKLAS_END_REASON']]);
    expect(checkPlacementEndReason('REGULAR', 'ROUTE_STARTED').map((v) => v.code)).toEqual(['END_REASON_ONLY_INSTROOMKLAS']);
    expect(checkPlacementEndReason('REGULAR', 'COMPLETED')).toEqual([]);
  });

  it('offers each kind only its own reasons', () => {
    expect(placementEndReasonsFor('INSTROOMKLAS')).toEqual(['ROUTE_STARTED', 'MOVED_AWAY', 'STOPPED']);
    expect(placementEndReasonsFor('REGULAR')).not.toContain('ROUTE_STARTED');
    expect(placementEndReasonsFor('REGULAR')).toContain('COMPLETED');
  });
});

describe('waitingTime', () => {
  it('counts from PIP and request to the route start, with the instroomklas days', () => {
    expect(waitingTime({
      pipSignedOn: '2026-09-01', routeRequestedOn: '2026-09-10', routeStartedOn: '2026-11-02',
      instroomklasPeriods: [{ startsOn: '2026-09-14', endsOn: '2026-11-02' }], today: '2026-11-30',
    })).toEqual({ daysFromPip: 62, daysFromRequest: 53, instroomklasDays: 49, routeStarted: true });
  });

  it('counts to today while the route has not started, an open instroomklas too', () => {
    expect(waitingTime({
      pipSignedOn: '2026-11-01', routeRequestedOn: null, routeStartedOn: null,
      instroomklasPeriods: [{ startsOn: '2026-11-16', endsOn: null }], today: '2026-11-30',
    })).toEqual({ daysFromPip: 29, daysFromRequest: null, instroomklasDays: 14, routeStarted: false });
  });

  it('without a PIP has no waiting time from the PIP', () => {
    expect(waitingTime({ pipSignedOn: null, routeRequestedOn: null, routeStartedOn: null, instroomklasPeriods: [], today: '2026-11-30' }))
      .toEqual({ daysFromPip: null, daysFromRequest: null, instroomklasDays: 0, routeStarted: false });
  });
});

describe('checkLotAgeBand', () => {
  const band = { minAge: 18, maxAge: 30 };

  it('computes the age in whole years', () => {
    expect(ageOn('2000-12-01', '2026-11-30')).toBe(25);
    expect(ageOn('2000-11-30', '2026-11-30')).toBe(26);
  });

  it('takes clients of 18 up to and including 30 (beleidsplan Oss §2.9.2)', () => {
    expect(checkLotAgeBand(band, '2008-11-30', '2026-11-30')).toEqual([]);
    expect(checkLotAgeBand(band, '1995-12-01', '2026-11-30')).toEqual([]);
    const [old] = checkLotAgeBand(band, '1995-11-30', '2026-11-30');
    expect(old).toMatchObject({ field: 'lotId', code: 'PLACEMENT_AGE_OUTSIDE_LOT' });
    expect(old.message).toBe('Dit perceel is voor inburgeraars van 18 tot en met 30 jaar; deze inburgeraar is 31 jaar. Kies een ander perceel.');
    expect(checkLotAgeBand(band, '2008-12-01', '2026-11-30').map((v) => v.code)).toEqual(['PLACEMENT_AGE_OUTSIDE_LOT']);
  });

  it('leaves a lot without an age band open to everyone', () => {
    expect(checkLotAgeBand({ minAge: null, maxAge: null }, '1950-01-01', '2026-11-30')).toEqual([]);
  });
});

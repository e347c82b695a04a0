import {
  PLACEMENT_STATUSES,
  allowedPlacementTransitions,
  checkPlacementAcceptance,
  checkPlacementEnd,
  checkPlacementMatchesClient,
  placementTrackOf,
  checkPlacementRejection,
  checkPlacementStart,
  checkPlacementTransition,
  seatsOpenForOffer,
} from './placement-rules';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe('checkPlacementTransition', () => {
  it('allows requested → accepted → started → ended', () => {
    expect(checkPlacementTransition('WAITING', 'REQUESTED')).toEqual([]);
    expect(checkPlacementTransition('REQUESTED', 'ACCEPTED')).toEqual([]);
    expect(checkPlacementTransition('ACCEPTED', 'STARTED')).toEqual([]);
    expect(checkPlacementTransition('STARTED', 'ENDED')).toEqual([]);
  });

  it('allows rejecting a request and withdrawing before the start', () => {
    expect(checkPlacementTransition('REQUESTED', 'REJECTED')).toEqual([]);
    for (const from of ['WAITING', 'REQUESTED', 'ACCEPTED'] as const) expect(checkPlacementTransition(from, 'WITHDRAWN')).toEqual([]);
  });

  it('refuses skipping states, going back, and leaving a final state, with a Dutch message', () => {
    const [skip] = checkPlacementTransition('WAITING', 'ACCEPTED');
    expect(skip).toEqual({
      field: 'status',
      code: 'PLACEMENT_TRANSITION_NOT_ALLOWED',
      message: 'Een plaatsing met status "Wachtlijst" kan niet naar "Geaccepteerd".',
    });
    expect(codes(checkPlacementTransition('STARTED', 'WITHDRAWN'))).toEqual(['PLACEMENT_TRANSITION_NOT_ALLOWED']);
    expect(codes(checkPlacementTransition('ACCEPTED', 'REQUESTED'))).toEqual(['PLACEMENT_TRANSITION_NOT_ALLOWED']);
    for (const final of ['ENDED', 'REJECTED', 'WITHDRAWN'] as const) {
      expect(allowedPlacementTransitions(final)).toEqual([]);
      for (const to of PLACEMENT_STATUSES) expect(checkPlacementTransition(final, to)).toHaveLength(1);
    }
  });
});

describe('checkPlacementMatchesClient', () => {
  const ok = { lotSubject: 'B1' as const, lotCoversMunicipality: true, clientRoute: 'B1' as const, pipSignedOn: '2025-03-01' };

  it('accepts a lot of the PIP route that covers the municipality', () => {
    expect(checkPlacementMatchesClient(ok)).toEqual([]);
  });

  it('refuses without a PIP, on a lot for another municipality or another route', () => {
    expect(codes(checkPlacementMatchesClient({ ...ok, pipSignedOn: null }))).toEqual(['PLACEMENT_PIP_REQUIRED']);
    expect(codes(checkPlacementMatchesClient({ ...ok, clientRoute: null }))).toEqual(['PLACEMENT_PIP_REQUIRED']);
    const [elsewhere] = checkPlacementMatchesClient({ ...ok, lotCoversMunicipality: false });
    expect(elsewhere).toMatchObject({ field: 'lotId', code: 'PLACEMENT_LOT_NOT_FOR_MUNICIPALITY' });
    expect(elsewhere.message).toBe('Dit perceel dekt de gemeente van de inburgeraar niet; kies een perceel voor uw gemeente.');
    const [mismatch] = checkPlacementMatchesClient({ ...ok, lotSubject: 'Z' });
    expect(mismatch.message).toBe('Dit perceel is voor de Z-route (zelfredzaamheidsroute), maar het PIP noemt de B1-route.');
  });

  it('places on a module lot next to the route, except the MAP in the Onderwijsroute', () => {
    expect(checkPlacementMatchesClient({ ...ok, lotSubject: 'PVT' })).toEqual([]);
    expect(checkPlacementMatchesClient({ ...ok, lotSubject: 'KNM', clientRoute: 'Z' })).toEqual([]);
    expect(codes(checkPlacementMatchesClient({ ...ok, lotSubject: 'MAP', clientRoute: 'ONDERWIJS' }))).toEqual(['MAP_NOT_IN_ONDERWIJSROUTE']);
    expect(codes(checkPlacementMatchesClient({ ...ok, lotSubject: 'PVT', pipSignedOn: null }))).toEqual(['PLACEMENT_PIP_REQUIRED']);
  });

  it('lets a module placement run next to the route placement, never two on one track', () => {
    expect(placementTrackOf('B1')).toBe(placementTrackOf('Z'));
    expect(placementTrackOf('PVT')).not.toBe(placementTrackOf('B1'));
    expect(placementTrackOf('PVT')).not.toBe(placementTrackOf('MAP'));
  });
});

describe('accepting, rejecting and ending', () => {
  const accept = { startDate: '2025-05-06', location: 'Arnhem, Velperweg', startMomentStartsOn: '2025-05-06', today: '2025-04-01' };

  it('accepts a start date on or after the start moment with a location', () => {
    expect(checkPlacementAcceptance(accept)).toEqual([]);
    expect(checkPlacementAcceptance({ ...accept, startDate: '2025-05-20' })).toEqual([]);
  });

  it('refuses a start before the start moment or in the past, and a missing location', () => {
    expect(codes(checkPlacementAcceptance({ ...accept, startDate: '2025-05-05' }))).toEqual(['PLACEMENT_START_BEFORE_START_MOMENT']);
    expect(codes(checkPlacementAcceptance({ ...accept, startMomentStartsOn: '2025-03-01', startDate: '2025-03-15' }))).toEqual(['PLACEMENT_START_IN_PAST']);
    expect(codes(checkPlacementAcceptance({ ...accept, location: '  ' }))).toEqual(['PLACEMENT_LOCATION_REQUIRED']);
  });

  it('starts on or after the start date', () => {
    expect(checkPlacementStart('2025-05-06', '2025-05-06')).toEqual([]);
    expect(checkPlacementStart('2025-05-06', '2025-05-05')[0].message).toBe('De plaatsing kan pas gestart worden op de startdatum (6-5-2025).');
  });

  it('needs a rejection reason', () => {
    expect(codes(checkPlacementRejection(''))).toEqual(['PLACEMENT_REJECTION_REASON_REQUIRED']);
    expect(codes(checkPlacementRejection('vol'))).toEqual(['PLACEMENT_REJECTION_REASON_REQUIRED']);
    expect(checkPlacementRejection('Geen avondgroep beschikbaar')).toEqual([]);
  });

  it('ends on a date between the start and today', () => {
    expect(checkPlacementEnd({ endedOn: '2025-06-01', startDate: '2025-05-01', today: '2025-06-01' })).toEqual([]);
    expect(codes(checkPlacementEnd({ endedOn: '2025-06-02', startDate: '2025-05-01', today: '2025-06-01' }))).toEqual(['PLACEMENT_END_IN_FUTURE']);
    expect(codes(checkPlacementEnd({ endedOn: '2025-04-30', startDate: '2025-05-01', today: '2025-06-01' }))).toEqual(['PLACEMENT_END_BEFORE_START']);
  });
});

describe('seatsOpenForOffer', () => {
  it('subtracts taken seats and unanswered offers, never below zero', () => {
    expect(seatsOpenForOffer(14, 10, 2)).toBe(2);
    expect(seatsOpenForOffer(14, 14, 0)).toBe(0);
    expect(seatsOpenForOffer(10, 9, 3)).toBe(0);
  });
});

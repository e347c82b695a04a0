import { checkPipDates, checkPipLevel, checkRouteSwitch, isRouteSwitchAllowed } from './pip-rules';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe('checkPipLevel (DUO rules)', () => {
  it('refuses A2 with the Onderwijsroute and B1 with the Z-route', () => {
    expect(codes(checkPipLevel({ route: 'ONDERWIJS', level: 'A2', isFirstPip: false }))).toEqual(['PIP_LEVEL_A2_NOT_WITH_ONDERWIJS']);
    expect(codes(checkPipLevel({ route: 'Z', level: 'B1', isFirstPip: false }))).toEqual(['PIP_LEVEL_B1_NOT_WITH_Z']);
  });

  it('refuses A2 on a first PIP for the B1-route but allows it on a later one', () => {
    expect(codes(checkPipLevel({ route: 'B1', level: 'A2', isFirstPip: true }))).toEqual(['PIP_LEVEL_A2_NOT_ON_FIRST_B1_PIP']);
    expect(checkPipLevel({ route: 'B1', level: 'A2', isFirstPip: false })).toEqual([]);
  });

  it('accepts the levels that fit the route', () => {
    expect(checkPipLevel({ route: 'B1', level: 'B1', isFirstPip: true })).toEqual([]);
    expect(checkPipLevel({ route: 'ONDERWIJS', level: 'B1', isFirstPip: true })).toEqual([]);
    expect(checkPipLevel({ route: 'Z', level: 'A2', isFirstPip: true })).toEqual([]);
  });

  // Source: DUO's PIP message (PIP API, schema NiveauPip) only carries A2 or B1; DUO business rules "Aanleveren PIP", Niveau.
  it('refuses levels DUO\'s PIP message cannot carry (A1, B2), with a Dutch message naming the allowed levels', () => {
    const [a1] = checkPipLevel({ route: 'Z', level: 'A1', isFirstPip: true });
    expect(a1).toEqual({
      field: 'level',
      code: 'PIP_LEVEL_NOT_IN_DUO_PIP',
      message:
        'Niveau A1 kan niet in een PIP staan: DUO registreert in het PIP alleen niveau A2 of B1 (bedrijfsregel DUO bij aanleveren PIP). ' +
        'Kies voor de Z-route (zelfredzaamheidsroute) niveau A2.',
    });
    expect(codes(checkPipLevel({ route: 'ONDERWIJS', level: 'B2', isFirstPip: false }))).toEqual(['PIP_LEVEL_NOT_IN_DUO_PIP']);
    expect(codes(checkPipLevel({ route: 'B1', level: 'B2', isFirstPip: false }))).toEqual(['PIP_LEVEL_NOT_IN_DUO_PIP']);
  });
});

describe('checkPipDates', () => {
  const base = { brpRegistrationDate: '2025-01-10', pipSignedOn: '2025-01-10', today: '2025-02-01' };

  it('allows a PIP on the day of BRP registration', () => {
    expect(checkPipDates(base)).toEqual([]);
  });

  it('refuses a PIP before BRP registration, obligation start or the current PIP, or in the future', () => {
    const [beforeBrp] = checkPipDates({ ...base, pipSignedOn: '2025-01-09' });
    expect(beforeBrp.code).toBe('PIP_DATE_BEFORE_BRP_REGISTRATION');
    expect(beforeBrp.message).toContain('(9-1-2025) ligt vóór de inschrijving in de gemeente (10-1-2025)');
    expect(codes(checkPipDates({ ...base, obligationStartDate: '2025-01-11' }))).toEqual(['PIP_DATE_BEFORE_OBLIGATION_START']);
    expect(codes(checkPipDates({ ...base, pipSignedOn: '2025-01-20', previousPipSignedOn: '2025-01-21' }))).toEqual(['PIP_DATE_BEFORE_CURRENT_PIP']);
    expect(codes(checkPipDates({ ...base, pipSignedOn: '2025-02-02' }))).toEqual(['PIP_DATE_IN_FUTURE']);
    // Source: DUO business rules "Aanleveren PIP", Datum dagtekening: a changed PIP not before the initial PIP.
    expect(codes(checkPipDates({ ...base, pipSignedOn: '2025-01-20', firstPipSignedOn: '2025-01-25', previousPipSignedOn: '2025-01-15' }))).toEqual(['PIP_DATE_BEFORE_FIRST_PIP']);
    expect(checkPipDates({ ...base, pipSignedOn: '2025-02-01' })).toEqual([]);
  });
});

describe('route switch', () => {
  it('is allowed from the PIP date up to and including 18 months later', () => {
    expect(isRouteSwitchAllowed('2025-03-01', '2025-03-01')).toBe(true);
    expect(isRouteSwitchAllowed('2025-03-01', '2026-09-01')).toBe(true);
    expect(isRouteSwitchAllowed('2025-03-01', '2026-09-02')).toBe(false);
    expect(isRouteSwitchAllowed('2025-03-01', '2025-02-28')).toBe(false);
  });

  it('needs a reason and names the 18-month rule when too late', () => {
    expect(checkRouteSwitch({ pipSignedOn: '2025-03-01', switchDate: '2026-09-01', reason: 'Leerbaarheid lager dan verwacht' })).toEqual([]);
    expect(codes(checkRouteSwitch({ pipSignedOn: '2025-03-01', switchDate: '2025-06-01', reason: '   ' }))).toEqual(['ROUTE_SWITCH_REASON_REQUIRED']);
    const [late] = checkRouteSwitch({ pipSignedOn: '2025-03-01', switchDate: '2026-09-02', reason: 'x' });
    expect(late).toEqual({
      field: 'switchDate',
      code: 'ROUTE_SWITCH_WINDOW_CLOSED',
      message:
        'Een routewissel mag alleen binnen 18 maanden na ondertekening van het PIP (art. 17 Wet inburgering 2021). ' +
        'Het eerste PIP is ondertekend op 1-3-2025; een gewijzigd PIP verschuift die termijn niet (art. 11 lid 3 Wet inburgering 2021). ' +
        'Wisselen kon tot en met 1-9-2026.',
    });
  });

  it('refuses a switch before the PIP and a switch to the same route', () => {
    expect(codes(checkRouteSwitch({ pipSignedOn: '2025-03-01', switchDate: '2025-02-01', reason: 'x' }))).toEqual(['ROUTE_SWITCH_BEFORE_PIP']);
    expect(codes(checkRouteSwitch({ pipSignedOn: '2025-03-01', switchDate: '2025-04-01', reason: 'x', fromRoute: 'Z', toRoute: 'Z' }))).toEqual(['ROUTE_SWITCH_SAME_ROUTE']);
  });
});

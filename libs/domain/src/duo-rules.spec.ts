import {
  allowedBlameValues,
  checkCompletionForDuo,
  checkDuoContactPerson,
  checkDuoMessageAllowed,
  checkOfferForDuo,
  checkPipIntensity,
  checkPipWithdrawal,
  checkZRouteForDuo,
  duoEventRule,
  duoHourTotals,
  isDuoRetryable,
  isOin,
  type CompletionForDuoInput,
  type OfferForDuoInput,
} from './duo-rules';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

// Source: DUO README "Voorwaarden gegevensuitwisseling" (current PIP of the asking municipality).
describe('checkDuoMessageAllowed', () => {
  it('sends nothing but the PIP itself and the contact person for a client without a PIP of this municipality', () => {
    expect(codes(checkDuoMessageAllowed({ kind: 'OFFER', hasPipOfThisMunicipality: false }))).toEqual(['DUO_NO_PIP_OF_MUNICIPALITY']);
    expect(codes(checkDuoMessageAllowed({ kind: 'HOURS', hasPipOfThisMunicipality: false }))).toEqual(['DUO_NO_PIP_OF_MUNICIPALITY']);
    expect(checkDuoMessageAllowed({ kind: 'PIP_REGISTER', hasPipOfThisMunicipality: false })).toEqual([]);
    expect(checkDuoMessageAllowed({ kind: 'CONTACT_PERSON', hasPipOfThisMunicipality: false })).toEqual([]);
    expect(checkDuoMessageAllowed({ kind: 'MAP', hasPipOfThisMunicipality: true })).toEqual([]);
  });
});

// Source: DUO README, PIP "Geschatte intensiteit B1 route"; PIP API geschatteIntensiteitB1Route 1–9999.
describe('checkPipIntensity', () => {
  it('allows the estimate only on the B1-route of a status holder, 1–9999 hours', () => {
    expect(checkPipIntensity({ route: 'B1', targetGroup: 'STATUS_HOLDER', estimatedHours: 800 })).toEqual([]);
    expect(checkPipIntensity({ route: 'Z', targetGroup: 'STATUS_HOLDER', estimatedHours: null })).toEqual([]);
    expect(codes(checkPipIntensity({ route: 'Z', targetGroup: 'STATUS_HOLDER', estimatedHours: 800 }))).toEqual(['PIP_INTENSITY_ONLY_B1_ASYLUM']);
    expect(codes(checkPipIntensity({ route: 'B1', targetGroup: 'FAMILY_MIGRANT', estimatedHours: 800 }))).toEqual(['PIP_INTENSITY_ONLY_B1_ASYLUM']);
    expect(codes(checkPipIntensity({ route: 'B1', targetGroup: 'STATUS_HOLDER', estimatedHours: 0 }))).toEqual(['PIP_INTENSITY_OUT_OF_RANGE']);
  });
});

// Source: DUO README "Het verwijderen van een PIP".
describe('checkPipWithdrawal', () => {
  it('refuses removal once the term is set or course hours are registered', () => {
    expect(checkPipWithdrawal({ termEstablished: false, courseHoursRegistered: false })).toEqual([]);
    expect(codes(checkPipWithdrawal({ termEstablished: true, courseHoursRegistered: true }))).toEqual(['PIP_WITHDRAW_TERM_SET', 'PIP_WITHDRAW_HOURS_REGISTERED']);
  });
});

// Source: DUO README "Inburgeringsaanbod".
describe('checkOfferForDuo', () => {
  const ok: OfferForDuoInput = {
    targetGroup: 'STATUS_HOLDER', route: 'B1', pipSignedOn: '2026-02-01', institutionNumber: '12345678AB', hasBowKeurmerk: true, hasTstKeurmerk: false,
    offerDate: '2026-02-10', expectedStart: '2026-03-01', expectedEnd: '2027-03-01', termStart: '2026-02-02', termEnd: '2029-02-02',
  };
  it('accepts an offer for a status holder at a keurmerk institution after the PIP', () => {
    expect(checkOfferForDuo(ok)).toEqual([]);
  });
  it('refuses non-asylum clients, clients without a PIP, unknown or unrecognised institutions, dates before the PIP or outside the term', () => {
    expect(codes(checkOfferForDuo({ ...ok, targetGroup: 'FAMILY_MIGRANT' }))).toEqual(['DUO_OFFER_ONLY_ASYLUM']);
    expect(codes(checkOfferForDuo({ ...ok, pipSignedOn: null }))).toEqual(['DUO_OFFER_NO_PIP']);
    expect(codes(checkOfferForDuo({ ...ok, institutionNumber: null }))).toEqual(['DUO_OFFER_INSTITUTION_UNKNOWN']);
    expect(codes(checkOfferForDuo({ ...ok, hasBowKeurmerk: false }))).toEqual(['DUO_OFFER_INSTITUTION_NOT_RECOGNISED']);
    expect(checkOfferForDuo({ ...ok, route: 'ONDERWIJS', hasBowKeurmerk: false, hasTstKeurmerk: true })).toEqual([]);
    expect(codes(checkOfferForDuo({ ...ok, offerDate: '2026-01-15' }))).toEqual(['DUO_OFFER_BEFORE_PIP']);
    expect(codes(checkOfferForDuo({ ...ok, expectedEnd: '2030-01-01' }))).toEqual(['DUO_OFFER_OUTSIDE_TERM']);
  });
});

// Source: DUO README, MAP/PVT conditions on 'Verwijtbaar (Ja/Nee)'.
describe('allowedBlameValues', () => {
  it('allows no indication before the term end, Nee at the end, Ja and Nee just after, only Ja long after', () => {
    expect(allowedBlameValues({ date: '2029-01-01', termEnd: '2029-02-02' })).toEqual({ allowed: [], required: false });
    expect(allowedBlameValues({ date: '2029-02-02', termEnd: '2029-02-02' })).toEqual({ allowed: ['Nee'], required: false });
    expect(allowedBlameValues({ date: '2029-03-15', termEnd: '2029-02-02' })).toEqual({ allowed: ['Ja', 'Nee'], required: true });
    expect(allowedBlameValues({ date: '2029-06-01', termEnd: '2029-02-02' })).toEqual({ allowed: ['Ja'], required: true });
  });
});

// Source: DUO README "Module Arbeidsmarkt en Participatie (MAP)" and "Participatieverklaringstraject (PVT)".
describe('checkCompletionForDuo', () => {
  const ok: CompletionForDuoInput = {
    kind: 'MAP', date: '2027-05-01', blame: null, hasPipOfThisMunicipality: true, isChange: false, deliveredBeforeByUs: false,
    metViaZRoute: false, zRouteCompletedOn: null, termStart: '2026-02-02', termEnd: '2029-02-02', today: '2027-06-01',
  };
  it('accepts a date within the term without blameworthiness', () => {
    expect(checkCompletionForDuo(ok)).toEqual([]);
  });
  it('refuses blameworthiness before the term end, with a message saying to leave it empty', () => {
    const [v] = checkCompletionForDuo({ ...ok, blame: 'Nee' });
    expect(v.code).toBe('DUO_BLAME_NOT_ALLOWED');
    expect(v.message).toContain("laat 'verwijtbaar' leeg");
  });
  it('requires an indication after the term end and refuses Nee long after it', () => {
    const late = { ...ok, kind: 'PVT' as const, date: '2029-06-01', today: '2029-07-01' };
    expect(codes(checkCompletionForDuo(late))).toEqual(['DUO_BLAME_REQUIRED']);
    expect(codes(checkCompletionForDuo({ ...late, blame: 'Nee' }))).toEqual(['DUO_BLAME_NOT_ALLOWED']);
    expect(checkCompletionForDuo({ ...late, blame: 'Ja' })).toEqual([]);
  });
  it('refuses a change not delivered before, no PIP, obligation met via Z, before term, after Z-route, in the future', () => {
    expect(codes(checkCompletionForDuo({ ...ok, isChange: true }))).toEqual(['DUO_MAP_CHANGE_NOT_DELIVERED']);
    expect(codes(checkCompletionForDuo({ ...ok, hasPipOfThisMunicipality: false }))).toEqual(['DUO_MAP_NO_PIP']);
    expect(codes(checkCompletionForDuo({ ...ok, metViaZRoute: true }))).toEqual(['DUO_MAP_OBLIGATION_MET_Z']);
    expect(codes(checkCompletionForDuo({ ...ok, date: '2026-01-01' }))).toEqual(['DUO_MAP_BEFORE_TERM_START']);
    expect(codes(checkCompletionForDuo({ ...ok, zRouteCompletedOn: '2027-04-01' }))).toEqual(['DUO_MAP_AFTER_Z_ROUTE']);
    expect(codes(checkCompletionForDuo({ ...ok, date: '2027-07-01' }))).toEqual(['DUO_MAP_IN_FUTURE']);
  });
  it('refuses withdrawing a date once the Z-route completion is registered', () => {
    expect(codes(checkCompletionForDuo({ ...ok, date: null, zRouteCompletedOn: '2027-04-01' }))).toEqual(['DUO_MAP_WITHDRAW_AFTER_Z']);
    expect(checkCompletionForDuo({ ...ok, date: null })).toEqual([]);
  });
});

// Source: DUO README MAP/PVT ("niet na de datum afronding Z-route").
describe('checkZRouteForDuo', () => {
  it('requires the Z-route, a PIP of ours, a past date not before MAP and PVT', () => {
    const ok = { date: '2027-06-01', route: 'Z' as const, hasPipOfThisMunicipality: true, mapOn: '2027-05-01', pvtOn: '2027-04-01', today: '2027-06-02' };
    expect(checkZRouteForDuo(ok)).toEqual([]);
    expect(codes(checkZRouteForDuo({ ...ok, route: 'B1' }))).toEqual(['DUO_Z_ROUTE_NOT_Z']);
    expect(codes(checkZRouteForDuo({ ...ok, mapOn: '2027-06-15', today: '2027-07-01' }))).toEqual(['DUO_Z_ROUTE_BEFORE_MAP_PVT']);
    expect(codes(checkZRouteForDuo({ ...ok, today: '2027-05-01' }))).toEqual(['DUO_Z_ROUTE_IN_FUTURE']);
  });
});

// Source: GevolgdeUren API (participatietaalles, participatieactiviteiten; whole hours 0–9999).
describe('duoHourTotals', () => {
  it('counts language, literacy and KNM as participatietaalles and participation only on the Z-route of a status holder', () => {
    const entries = [
      { category: 'LANGUAGE' as const, attendedMinutes: 600 },
      { category: 'KNM' as const, attendedMinutes: 90 },
      { category: 'PARTICIPATION' as const, attendedMinutes: 150 },
      { category: 'OTHER_SUBJECTS' as const, attendedMinutes: 600 },
    ];
    expect(duoHourTotals(entries, 'Z', 'STATUS_HOLDER')).toEqual({ PARTICIPATIE_TAALLES: 11, PARTICIPATIEACTIVITEITEN: 2 });
    expect(duoHourTotals(entries, 'B1', 'STATUS_HOLDER')).toEqual({ PARTICIPATIE_TAALLES: 11, PARTICIPATIEACTIVITEITEN: 0 });
  });
});

// Source: DUO Gebeurtenissen and Attentiesignalen overviews.
describe('duoEventRule', () => {
  it('fetches the term on a term extension and signals the consultant; fetches nothing for unknown events', () => {
    expect(duoEventRule('SS103')).toMatchObject({ fetch: ['TERM'], signal: expect.stringContaining('verlengd') });
    expect(duoEventRule('SS199').fetch).toEqual(['EXAMS']);
    expect(duoEventRule('SS102').signal).toBeNull();
    expect(duoEventRule('XX1')).toMatchObject({ fetch: [], signal: null });
  });
});

describe('isOin and isDuoRetryable', () => {
  it('knows a 20-digit OIN and retries only 5xx, timeouts and network errors', () => {
    expect(isOin('00000001234567890000')).toBe(true);
    expect(isOin('1234')).toBe(false);
    expect([null, 500, 503, 408].map(isDuoRetryable)).toEqual([true, true, true, true]);
    expect([400, 403, 404].map(isDuoRetryable)).toEqual([false, false, false]);
  });
});

// Source: DUO Contactpersoon API, Contactpersoongegevens.
describe('checkDuoContactPerson', () => {
  it('accepts a Dutch name, e-mail address and telephone number and names each wrong field', () => {
    expect(checkDuoContactPerson({ name: "Anne-Marie van 't Hof", email: 'a.hof@arnhem.nl', phone: '026 377 4911' })).toEqual([]);
    expect(checkDuoContactPerson({ name: 'Jan', email: 'j@x.nl', phone: '+31 (0) 26-3774911' })).toEqual([]);
    expect(codes(checkDuoContactPerson({ name: 'R2D2', email: 'geen-adres', phone: '12' }))).toEqual(['DUO_CONTACT_NAME', 'DUO_CONTACT_EMAIL', 'DUO_CONTACT_PHONE']);
    expect(codes(checkDuoContactPerson({ name: ' ', email: 'a@b.nl', phone: '0263774911,12' }))).toEqual(['DUO_CONTACT_NAME']);
  });
});

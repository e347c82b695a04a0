import { checkIndividualPlacement, checkIndividualPlacementAcceptance } from './individual-placement';

const ok = { clientRoute: 'ONDERWIJS', pipSignedOn: '2026-11-01', onderwijsLotCoversMunicipality: false, priceCents: 950000, startsOn: '2026-12-07', endsOn: '2027-07-16', today: '2026-12-01' };
const codes = (input: Partial<typeof ok> & Record<string, unknown>) => checkIndividualPlacement({ ...ok, ...input } as typeof ok).map((v) => `${v.field}:${v.code}`);

describe('checkIndividualPlacement', () => {
  it('allows an Onderwijsroute client of a municipality without an Onderwijsroute lot', () => {
    expect(codes({})).toEqual([]);
  });
  it('refuses other routes, a municipality with a lot, a missing price and a period that ends before it starts, all at once', () => {
    expect(codes({ clientRoute: 'B1', onderwijsLotCoversMunicipality: true, priceCents: 0, startsOn: '2026-11-30', endsOn: '2026-11-30' })).toEqual([
      'clientId:INDIVIDUAL_PLACEMENT_ONLY_ONDERWIJS', 'providerId:INDIVIDUAL_PLACEMENT_LOT_EXISTS', 'priceCents:INDIVIDUAL_PLACEMENT_PRICE_REQUIRED',
      'startsOn:INDIVIDUAL_PLACEMENT_START_IN_PAST', 'endsOn:INDIVIDUAL_PLACEMENT_END_BEFORE_START',
    ]);
  });
  it('asks for the PIP first', () => {
    expect(codes({ pipSignedOn: null as unknown as string })).toEqual(['clientId:PLACEMENT_PIP_REQUIRED']);
  });
});

describe('checkIndividualPlacementAcceptance', () => {
  const base = { startDate: '2026-12-07', location: 'Kerkrade', agreedStartsOn: '2026-12-07', agreedEndsOn: '2027-07-16', today: '2026-12-01' };
  it('accepts a start inside the agreed period', () => {
    expect(checkIndividualPlacementAcceptance(base)).toEqual([]);
  });
  it('refuses a start before or after the period and a missing location', () => {
    expect(checkIndividualPlacementAcceptance({ ...base, startDate: '2026-12-06', location: ' ' }).map((v) => v.code)).toEqual(['INDIVIDUAL_PLACEMENT_START_BEFORE_PERIOD', 'PLACEMENT_LOCATION_REQUIRED']);
    expect(checkIndividualPlacementAcceptance({ ...base, startDate: '2027-07-16' }).map((v) => v.code)).toEqual(['INDIVIDUAL_PLACEMENT_START_AFTER_PERIOD']);
  });
});

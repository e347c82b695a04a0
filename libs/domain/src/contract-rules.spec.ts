import {
  checkCapacityDeclaration, checkContractWithinLotPeriod, checkKeurmerkForContract, checkLotMunicipalitiesInRegion, isContractRunning,
  isKeurmerkExpiringSoon, isKeurmerkValid,
} from './contract-rules';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe('checkContractWithinLotPeriod', () => {
  const lot = { lotStart: '2025-01-01', lotEnd: '2028-12-31' };

  it('accepts a contract exactly as long as the lot', () => {
    expect(checkContractWithinLotPeriod({ ...lot, contractStart: '2025-01-01', contractEnd: '2028-12-31' })).toEqual([]);
  });

  it('refuses a contract that starts a day early, with the lot period in the message', () => {
    expect(checkContractWithinLotPeriod({ ...lot, contractStart: '2024-12-31', contractEnd: '2028-12-31' })).toEqual([
      {
        field: 'startDate',
        code: 'CONTRACT_OUTSIDE_LOT_PERIOD',
        message: 'Het contract moet binnen de looptijd van het perceel vallen (1-1-2025 t/m 31-12-2028).',
      },
    ]);
    expect(codes(checkContractWithinLotPeriod({ ...lot, contractStart: '2025-01-01', contractEnd: '2029-01-01' }))).toEqual([
      'CONTRACT_OUTSIDE_LOT_PERIOD',
    ]);
  });

  it('refuses an end before the start', () => {
    expect(codes(checkContractWithinLotPeriod({ ...lot, contractStart: '2026-01-01', contractEnd: '2025-12-31' }))).toEqual([
      'CONTRACT_END_BEFORE_START',
    ]);
  });
});

describe('checkLotMunicipalitiesInRegion', () => {
  it('needs at least one municipality, all from the region', () => {
    expect(checkLotMunicipalitiesInRegion(['duiven', 'zevenaar'], ['arnhem', 'duiven', 'zevenaar'])).toEqual([]);
    expect(codes(checkLotMunicipalitiesInRegion([], ['arnhem']))).toEqual(['LOT_MUNICIPALITIES_REQUIRED']);
    const violations = checkLotMunicipalitiesInRegion(['duiven', 'oss'], ['arnhem', 'duiven']);
    expect(violations.map((v) => [v.field, v.code])).toEqual([['municipalityIds.1', 'LOT_MUNICIPALITY_NOT_IN_REGION']]);
  });
});

describe('keurmerk', () => {
  it('is valid through its last day', () => {
    expect(isKeurmerkValid('2025-03-01', '2025-03-01')).toBe(true);
    expect(isKeurmerkValid('2025-03-01', '2025-03-02')).toBe(false);
    expect(isKeurmerkValid(null, '2025-03-01')).toBe(false);
  });

  it('is expiring soon within 60 days, not when already expired', () => {
    expect(isKeurmerkExpiringSoon('2025-03-01', '2024-12-31')).toBe(true);
    expect(isKeurmerkExpiringSoon('2025-03-01', '2024-12-30')).toBe(false);
    expect(isKeurmerkExpiringSoon('2025-03-01', '2025-02-01', 20)).toBe(false);
    expect(isKeurmerkExpiringSoon('2025-03-01', '2025-03-02')).toBe(false);
  });

  const provider = { keurmerkValidUntil: '2025-12-31', isTaalschakelInstitution: false };

  it('is needed for running B1 and Z contracts', () => {
    expect(checkKeurmerkForContract({ subject: 'B1', status: 'ACTIVE', provider, today: '2025-12-31' })).toEqual([]);
    const [expired] = checkKeurmerkForContract({ subject: 'Z', status: 'EXTENDED', provider, today: '2026-01-01' });
    expect(expired.code).toBe('KEURMERK_EXPIRED');
    expect(expired.message).toContain('verlopen op 31-12-2025');
    expect(codes(checkKeurmerkForContract({ subject: 'B1', status: 'ACTIVE', provider: { isTaalschakelInstitution: false }, today: '2025-01-01' }))).toEqual([
      'KEURMERK_MISSING',
    ]);
  });

  it('is not checked for draft or ended contracts, nor for MAP/PVT', () => {
    expect(checkKeurmerkForContract({ subject: 'B1', status: 'DRAFT', provider: { isTaalschakelInstitution: false }, today: '2025-01-01' })).toEqual([]);
    expect(checkKeurmerkForContract({ subject: 'PVT', status: 'ACTIVE', provider: { isTaalschakelInstitution: false }, today: '2025-01-01' })).toEqual([]);
  });

  it('requires a taalschakel institution for the Onderwijsroute', () => {
    expect(codes(checkKeurmerkForContract({ subject: 'ONDERWIJS', status: 'ACTIVE', provider, today: '2025-01-01' }))).toEqual(['NOT_TAALSCHAKEL_INSTITUTION']);
    expect(checkKeurmerkForContract({ subject: 'ONDERWIJS', status: 'ACTIVE', provider: { isTaalschakelInstitution: true }, today: '2025-01-01' })).toEqual([]);
  });
});

describe('checkCapacityDeclaration', () => {
  it('allows a provider to declare seats on its own running contract', () => {
    expect(isContractRunning('EXTENDED')).toBe(true);
    expect(checkCapacityDeclaration({ contractProviderId: 'p1', actingProviderId: 'p1', contractStatus: 'ACTIVE', seats: 0 })).toEqual([]);
  });

  it('refuses other providers contracts, non-running contracts and invalid seats', () => {
    expect(codes(checkCapacityDeclaration({ contractProviderId: 'p1', actingProviderId: 'p2', contractStatus: 'ACTIVE' }))).toEqual(['CAPACITY_NOT_OWN_CONTRACT']);
    const [draft] = checkCapacityDeclaration({ contractProviderId: 'p1', actingProviderId: 'p1', contractStatus: 'DRAFT' });
    expect(draft.code).toBe('CAPACITY_CONTRACT_NOT_RUNNING');
    expect(draft.message).toContain('(dit contract is: concept)');
    expect(codes(checkCapacityDeclaration({ contractProviderId: 'p1', actingProviderId: 'p1', contractStatus: 'ENDED', seats: -1 }))).toEqual([
      'CAPACITY_CONTRACT_NOT_RUNNING',
      'CAPACITY_SEATS_INVALID',
    ]);
  });
});

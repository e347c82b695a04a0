import {
  checkCapacityDeclaration, checkContractStatusTransition, checkContractWithinLotPeriod, checkKeurmerkForContract, checkLotMunicipalitiesInRegion, contractKeurmerkWarnings,
  checkLotCoverage, checkLotPeriod, isContractRunning, isKeurmerkExpiringSoon, isKeurmerkValid, lotEndForContract,
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

describe('lotEndForContract', () => {
  it('adds the extension options only for an extended contract', () => {
    expect(lotEndForContract('ACTIVE', '2027-12-31', 24)).toBe('2027-12-31');
    expect(lotEndForContract('EXTENDED', '2027-12-31', 24)).toBe('2029-12-31');
  });
});

describe('checkLotPeriod', () => {
  const lot = { periodStart: '2025-01-01', periodEnd: '2027-12-31', maxExtensionMonths: 24, expectedVolumePerYear: 60 };

  it('accepts a lot running forward with sensible options', () => {
    expect(checkLotPeriod(lot)).toEqual([]);
  });

  it('refuses an end before the start, too many extension months and a negative volume', () => {
    expect(checkLotPeriod({ ...lot, periodEnd: '2024-12-31', maxExtensionMonths: 60, expectedVolumePerYear: -1 }).map((v) => v.code)).toEqual([
      'LOT_END_BEFORE_START', 'LOT_EXTENSION_INVALID', 'LOT_VOLUME_INVALID',
    ]);
  });
});

describe('checkContractStatusTransition', () => {
  it('moves forward only', () => {
    expect(checkContractStatusTransition('DRAFT', 'ACTIVE')).toEqual([]);
    expect(checkContractStatusTransition('ACTIVE', 'EXTENDED')).toEqual([]);
    expect(checkContractStatusTransition('EXTENDED', 'ENDED')).toEqual([]);
    expect(checkContractStatusTransition('ENDED', 'ACTIVE')).toEqual([
      { field: 'status', code: 'CONTRACT_STATUS_TRANSITION_NOT_ALLOWED', message: 'Een contract met de status beëindigd kan niet de status actief krijgen.' },
    ]);
    expect(checkContractStatusTransition('ACTIVE', 'DRAFT').map((v) => v.code)).toEqual(['CONTRACT_STATUS_TRANSITION_NOT_ALLOWED']);
  });
});

describe('checkLotCoverage', () => {
  it('needs a sub-region or a list of municipalities when the lot covers one', () => {
    expect(checkLotCoverage('ALL', null, [])).toEqual([]);
    expect(checkLotCoverage('SUB_REGION', 'liemers', [])).toEqual([]);
    expect(checkLotCoverage('SUB_REGION', null, []).map((v) => v.code)).toEqual(['LOT_SUB_REGION_REQUIRED']);
    expect(checkLotCoverage('LIST', null, []).map((v) => v.code)).toEqual(['LOT_MUNICIPALITIES_REQUIRED']);
  });
});

describe('contractKeurmerkWarnings', () => {
  const provider = { keurmerkValidUntil: null, isTaalschakelInstitution: false };
  it('warns on a draft B1 or Z contract for a provider without a valid keurmerk', () => {
    const [warning] = contractKeurmerkWarnings({ subject: 'B1', status: 'DRAFT', provider, today: '2026-01-01' });
    expect(warning.code).toBe('KEURMERK_MISSING_WARNING');
    expect(warning.message).toMatch(/^Let op: voor een actief contract voor de B1-route/);
    expect(contractKeurmerkWarnings({ subject: 'Z', status: 'DRAFT', provider: { ...provider, keurmerkValidUntil: '2025-12-31' }, today: '2026-01-01' })[0].code).toBe('KEURMERK_EXPIRED_WARNING');
  });

  it('gives no warning with a valid keurmerk, for a running contract (refused instead) or a module lot', () => {
    expect(contractKeurmerkWarnings({ subject: 'B1', status: 'DRAFT', provider: { ...provider, keurmerkValidUntil: '2027-01-01' }, today: '2026-01-01' })).toEqual([]);
    expect(contractKeurmerkWarnings({ subject: 'B1', status: 'ACTIVE', provider, today: '2026-01-01' })).toEqual([]);
    expect(contractKeurmerkWarnings({ subject: 'PVT', status: 'DRAFT', provider, today: '2026-01-01' })).toEqual([]);
  });
});

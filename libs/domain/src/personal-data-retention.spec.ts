import { clientEndDate, DEFAULT_RETENTION_YEARS, retentionKindsDue, retentionPolicyProblems, type ClientEndFacts } from './personal-data-retention';

const familyMigrant: ClientEndFacts = {
  targetGroup: 'FAMILY_MIGRANT',
  brpRegistrationDate: '2018-03-01',
  firstPipSignedOn: '2018-04-15',
  duoTermEnd: null,
  hasOpenPlacement: false,
  lastPlacementEndedOn: null,
};

describe('clientEndDate', () => {
  it('is the end of the 3-year term when no placement ran longer', () => {
    expect(clientEndDate(familyMigrant)).toBe('2021-02-28');
  });
  it('counts a status holder\'s term from the day after the first PIP', () => {
    expect(clientEndDate({ ...familyMigrant, targetGroup: 'STATUS_HOLDER' })).toBe('2021-04-15');
  });
  it('takes DUO\'s term end (with extensions) when known', () => {
    expect(clientEndDate({ ...familyMigrant, duoTermEnd: '2022-08-31' })).toBe('2022-08-31');
  });
  it('takes the last placement\'s end when it came after the term', () => {
    expect(clientEndDate({ ...familyMigrant, lastPlacementEndedOn: '2021-06-30' })).toBe('2021-06-30');
  });
  it('has no end while a placement is still open', () => {
    expect(clientEndDate({ ...familyMigrant, hasOpenPlacement: true })).toBeNull();
  });
  it('counts from the BRP registration for a status holder who never got a PIP', () => {
    expect(clientEndDate({ ...familyMigrant, targetGroup: 'STATUS_HOLDER', firstPipSignedOn: null })).toBe('2021-02-28');
  });
});

describe('retentionKindsDue', () => {
  it('removes free texts after one year and the identity after five, by default', () => {
    expect(retentionKindsDue('2021-02-28', DEFAULT_RETENTION_YEARS, '2022-02-28')).toEqual([]);
    expect(retentionKindsDue('2021-02-28', DEFAULT_RETENTION_YEARS, '2022-03-01')).toEqual(['FREE_TEXT']);
    expect(retentionKindsDue('2021-02-28', DEFAULT_RETENTION_YEARS, '2026-03-01')).toEqual(['FREE_TEXT', 'DUO_EXCHANGE', 'IDENTITY']);
  });
  it('removes nothing while the client has no end', () => {
    expect(retentionKindsDue(null, DEFAULT_RETENTION_YEARS, '2040-01-01')).toEqual([]);
  });
});

describe('retentionPolicyProblems', () => {
  it('accepts the defaults', () => {
    expect(retentionPolicyProblems(DEFAULT_RETENTION_YEARS)).toEqual([]);
  });
  it('refuses years outside 1 to 20 and fractions, per kind', () => {
    expect(retentionPolicyProblems({ FREE_TEXT: 0, DUO_EXCHANGE: 2.5, IDENTITY: 21 }).map((p) => p.kind)).toEqual(['FREE_TEXT', 'DUO_EXCHANGE', 'IDENTITY']);
  });
  it('refuses free texts kept longer than the identity', () => {
    expect(retentionPolicyProblems({ FREE_TEXT: 6, DUO_EXCHANGE: 5, IDENTITY: 5 })).toEqual([
      { kind: 'FREE_TEXT', message: 'Vrije teksten mogen niet langer bewaard worden dan naam en BSN.' },
    ]);
  });
});

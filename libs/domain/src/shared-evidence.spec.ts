import { asksSameRequirement, inSameEvidencePeriod, isOrganisationWide, sharedEvidenceTargets, type ShareableRequirement } from './shared-evidence';

const keurmerk = (id: string, over: Partial<ShareableRequirement> = {}): ShareableRequirement =>
  ({ id, providerId: 'newbees', type: 'KEURMERK_VALID', period: 'YEARLY', normValue: null, ...over });

describe('isOrganisationWide', () => {
  it('is the keurmerk, the VOG statements and the share of NT2-qualified teachers, not what one contract delivers', () => {
    expect(['KEURMERK_VALID', 'VOG_ALL_STAFF', 'NT2_QUALIFIED_SHARE'].every((t) => isOrganisationWide(t as ShareableRequirement['type']))).toBe(true);
    expect(['QUARTERLY_REPORT', 'CLIENT_SATISFACTION', 'MAX_GROUP_SIZE', 'CUSTOM'].some((t) => isOrganisationWide(t as ShareableRequirement['type']))).toBe(false);
  });
});

describe('asksSameRequirement', () => {
  it('is the same organisation-wide requirement of the same provider on another contract', () => {
    expect(asksSameRequirement(keurmerk('a'), keurmerk('b'))).toBe(true);
  });
  it('is not for another provider, another type, frequency or numeric norm, or the requirement itself', () => {
    expect(asksSameRequirement(keurmerk('a'), keurmerk('b', { providerId: 'sagenn' }))).toBe(false);
    expect(asksSameRequirement(keurmerk('a'), keurmerk('b', { type: 'VOG_ALL_STAFF' }))).toBe(false);
    expect(asksSameRequirement(keurmerk('a'), keurmerk('b', { period: 'QUARTERLY' }))).toBe(false);
    expect(asksSameRequirement(keurmerk('a', { type: 'NT2_QUALIFIED_SHARE', normValue: 80 }), keurmerk('b', { type: 'NT2_QUALIFIED_SHARE', normValue: 90 }))).toBe(false);
    expect(asksSameRequirement(keurmerk('a'), keurmerk('a'))).toBe(false);
  });
  it('never shares a contract-bound requirement such as the quarterly report', () => {
    expect(asksSameRequirement(keurmerk('a', { type: 'QUARTERLY_REPORT' }), keurmerk('b', { type: 'QUARTERLY_REPORT' }))).toBe(false);
  });
});

describe('inSameEvidencePeriod', () => {
  it('compares calendar quarters and years', () => {
    expect(inSameEvidencePeriod('QUARTERLY', '2026-09-30', '2026-07-15')).toBe(true);
    expect(inSameEvidencePeriod('QUARTERLY', '2026-09-30', '2026-10-01')).toBe(false);
    expect(inSameEvidencePeriod('YEARLY', '2026-01-31', '2026-12-31')).toBe(true);
    expect(inSameEvidencePeriod('YEARLY', '2026-12-31', '2027-01-01')).toBe(false);
    expect(inSameEvidencePeriod('ONCE', '2025-03-01', '2026-06-01')).toBe(true);
  });
});

describe('sharedEvidenceTargets', () => {
  it('names the other contract\'s period of the same year that still waits for evidence', () => {
    const candidates = [
      { requirement: keurmerk('b'), periods: [{ dueOn: '2025-11-01', latestEvidence: null }, { dueOn: '2026-11-01', latestEvidence: null }] },
      { requirement: keurmerk('c'), periods: [{ dueOn: '2026-03-01', latestEvidence: 'REJECTED' as const }] },
      { requirement: keurmerk('d'), periods: [{ dueOn: '2026-05-01', latestEvidence: 'ACCEPTED' as const }] },
      { requirement: keurmerk('e', { type: 'VOG_ALL_STAFF' }), periods: [{ dueOn: '2026-05-01', latestEvidence: null }] },
    ];
    expect(sharedEvidenceTargets(keurmerk('a'), '2026-06-30', candidates)).toEqual([
      { requirementId: 'b', dueOn: '2026-11-01' },
      { requirementId: 'c', dueOn: '2026-03-01' },
    ]);
  });
});

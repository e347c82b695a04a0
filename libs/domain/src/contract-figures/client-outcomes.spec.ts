import { checkClientOutcome, clientOutcomeKindLabel } from './client-outcomes';

const base = { today: '2026-06-01', brpRegistrationDate: '2025-01-10' };

describe('checkClientOutcome', () => {
  it('accepts work, study or participation on a date between registration and today', () => {
    expect(checkClientOutcome({ ...base, kind: 'WORK', achievedOn: '2026-06-01' })).toEqual([]);
    expect(checkClientOutcome({ ...base, kind: 'PARTICIPATION', achievedOn: '2025-01-10' })).toEqual([]);
  });

  it('refuses an unknown kind, a bad date, a future date and a date before registration, in Dutch', () => {
    expect(checkClientOutcome({ ...base, kind: 'HOLIDAY', achievedOn: '2026-01-01' }).map((v) => v.code)).toEqual(['OUTCOME_KIND_UNKNOWN']);
    expect(checkClientOutcome({ ...base, kind: 'WORK', achievedOn: '2026-02-30' }).map((v) => v.code)).toEqual(['OUTCOME_DATE_INVALID']);
    expect(checkClientOutcome({ ...base, kind: 'WORK', achievedOn: '2026-06-02' })[0].message).toBe('De datum mag niet in de toekomst liggen.');
    expect(checkClientOutcome({ ...base, kind: 'STUDY', achievedOn: '2025-01-09' })[0].message).toContain('10-1-2025');
  });

  it('labels kinds in Dutch', () => {
    expect(clientOutcomeKindLabel('STUDY')).toBe('Studie');
  });
});

import { checkIntakeDate, checkLearnability, checkMove, checkPipLessonHours, learnabilityOutcomeLabel } from './client-intake-rules';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe('learnability test', () => {
  it('accepts an outcome with or without a score on the 0–100 scale', () => {
    expect(checkLearnability('B1_FEASIBLE', 72)).toEqual([]);
    expect(checkLearnability('NOT_FEASIBLE', null)).toEqual([]);
    expect(checkLearnability('UNKNOWN', undefined)).toEqual([]);
    expect(learnabilityOutcomeLabel('NOT_FEASIBLE')).toBe('B1 niet haalbaar');
  });

  it('refuses a score outside the scale or without an outcome', () => {
    expect(codes(checkLearnability('B1_FEASIBLE', 101))).toEqual(['LEARNABILITY_SCORE_OUT_OF_RANGE']);
    expect(codes(checkLearnability('B1_FEASIBLE', -1))).toEqual(['LEARNABILITY_SCORE_OUT_OF_RANGE']);
    expect(codes(checkLearnability('UNKNOWN', 50))).toEqual(['LEARNABILITY_OUTCOME_REQUIRED']);
  });
});

describe('intake date', () => {
  it('lies before the PIP and not in the future', () => {
    expect(checkIntakeDate({ intakeCompletedOn: '2025-02-01', pipSignedOn: '2025-02-01', today: '2025-03-01' })).toEqual([]);
    expect(checkIntakeDate({ intakeCompletedOn: null, pipSignedOn: null, today: '2025-03-01' })).toEqual([]);
    expect(codes(checkIntakeDate({ intakeCompletedOn: '2025-02-02', pipSignedOn: '2025-02-01', today: '2025-03-01' }))).toEqual(['INTAKE_AFTER_PIP']);
    const [future] = checkIntakeDate({ intakeCompletedOn: '2025-03-02', pipSignedOn: null, today: '2025-03-01' });
    expect(future.message).toBe('De intakedatum (2-3-2025) ligt in de toekomst.');
  });
});

describe('PIP lesson hours', () => {
  it('lies between 0 and 40 hours a week', () => {
    expect(checkPipLessonHours(720)).toEqual([]);
    expect(checkPipLessonHours(null)).toEqual([]);
    expect(codes(checkPipLessonHours(0))).toEqual(['PIP_HOURS_OUT_OF_RANGE']);
    expect(codes(checkPipLessonHours(41 * 60))).toEqual(['PIP_HOURS_OUT_OF_RANGE']);
  });
});

describe('move to another municipality', () => {
  const move = { fromMunicipalityId: 'a', toMunicipalityId: 'b', movedOn: '2025-03-01', brpRegistrationDate: '2024-01-01', today: '2025-03-01' };

  it('goes to another municipality on a date between settling and today', () => {
    expect(checkMove(move)).toEqual([]);
    expect(codes(checkMove({ ...move, toMunicipalityId: 'a' }))).toEqual(['MOVE_SAME_MUNICIPALITY']);
    expect(codes(checkMove({ ...move, movedOn: '2025-03-02' }))).toEqual(['MOVE_DATE_IN_FUTURE']);
    expect(codes(checkMove({ ...move, movedOn: '2023-12-31' }))).toEqual(['MOVE_BEFORE_BRP_REGISTRATION']);
  });
});

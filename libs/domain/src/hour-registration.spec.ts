import { checkCorrection, checkHourRegistration, checkPeriodOpenForEntry, checkPeriodTransition, formatMonthNl, periodMonthOf, sumHours } from './hour-registration';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);
const base = { date: '2026-01-12', category: 'LANGUAGE' as const, route: 'B1' as const, plannedMinutes: 180, attendedMinutes: 180, absenceReason: null, today: '2026-01-20' };

describe('checkHourRegistration', () => {
  it('accepts a full day present and a missed day with a reason', () => {
    expect(checkHourRegistration(base)).toEqual([]);
    expect(checkHourRegistration({ ...base, attendedMinutes: 0, absenceReason: 'SICK' })).toEqual([]);
  });

  it('asks for a reason for missed hours, and none without', () => {
    const [missing] = checkHourRegistration({ ...base, attendedMinutes: 90 });
    expect(missing.code).toBe('ABSENCE_REASON_REQUIRED');
    expect(missing.message).toContain('1,5 uur gemist');
    expect(codes(checkHourRegistration({ ...base, absenceReason: 'UNEXCUSED' }))).toEqual(['ABSENCE_REASON_WITHOUT_ABSENCE']);
  });

  it('refuses negative, more than a day, empty, future and outside the placement', () => {
    expect(codes(checkHourRegistration({ ...base, plannedMinutes: -1 }))).toEqual(['HOURS_NEGATIVE']);
    expect(codes(checkHourRegistration({ ...base, plannedMinutes: 25 * 60, attendedMinutes: 25 * 60 }))).toEqual(['HOURS_MORE_THAN_A_DAY', 'HOURS_MORE_THAN_A_DAY']);
    expect(codes(checkHourRegistration({ ...base, plannedMinutes: 0, attendedMinutes: 0 }))).toEqual(['HOURS_EMPTY']);
    expect(codes(checkHourRegistration({ ...base, date: '2026-01-21' }))).toEqual(['HOURS_DATE_IN_FUTURE']);
    const [outside] = checkHourRegistration({ ...base, placementStart: '2026-01-13' });
    expect(outside.message).toBe('De datum 12-1-2026 valt buiten de plaatsing (13-1-2026 t/m …).');
  });

  it('refuses attended hours with planned hours empty (issue 12: the grid saved them)', () => {
    expect(codes(checkHourRegistration({ ...base, plannedMinutes: 0, attendedMinutes: 120 }))).toEqual(['PLANNED_REQUIRED']);
  });

  it('keeps MAP out of the Onderwijsroute and other subjects inside it', () => {
    expect(codes(checkHourRegistration({ ...base, route: 'ONDERWIJS', category: 'MAP' }))).toEqual(['MAP_NOT_IN_ONDERWIJSROUTE']);
    expect(codes(checkHourRegistration({ ...base, category: 'OTHER_SUBJECTS' }))).toEqual(['OTHER_SUBJECTS_ONLY_ONDERWIJSROUTE']);
    expect(checkHourRegistration({ ...base, route: 'ONDERWIJS', category: 'OTHER_SUBJECTS' })).toEqual([]);
  });
});

describe('sumHours', () => {
  it('counts language, course (incl. KNM) and participation (incl. PVT and MAP) from attended minutes', () => {
    expect(sumHours([
      { category: 'LANGUAGE', plannedMinutes: 120, attendedMinutes: 60 },
      { category: 'LITERACY', plannedMinutes: 60, attendedMinutes: 60 },
      { category: 'KNM', plannedMinutes: 60, attendedMinutes: 60 },
      { category: 'PVT', plannedMinutes: 60, attendedMinutes: 30 },
      { category: 'MAP', plannedMinutes: 60, attendedMinutes: 60 },
      { category: 'PARTICIPATION', plannedMinutes: 60, attendedMinutes: 60 },
    ])).toEqual({ languageMinutes: 120, courseMinutes: 180, participationMinutes: 150, plannedMinutes: 420, attendedMinutes: 330 });
  });
});

describe('periods', () => {
  it('maps a lesson day to its month and names the month in Dutch', () => {
    expect(periodMonthOf('2026-01-31')).toBe('2026-01-01');
    expect(formatMonthNl('2026-03-01')).toBe('maart 2026');
  });

  it('allows entry only in an open month', () => {
    expect(checkPeriodOpenForEntry('OPEN', '2026-01-01')).toEqual([]);
    expect(codes(checkPeriodOpenForEntry('SUBMITTED', '2026-01-01'))).toEqual(['PERIOD_SUBMITTED']);
    expect(checkPeriodOpenForEntry('APPROVED', '2026-01-01')[0].message).toBe('De uren van januari 2026 zijn goedgekeurd; wijzig ze met een correctie met reden.');
  });

  it('corrects only approved months, always with a reason', () => {
    expect(checkCorrection('APPROVED', '2026-01-01', 'Verkeerde dag ingevuld')).toEqual([]);
    expect(codes(checkCorrection('OPEN', '2026-01-01', ''))).toEqual(['CORRECTION_ONLY_AFTER_APPROVAL', 'CORRECTION_REASON_REQUIRED']);
  });

  it('moves OPEN → SUBMITTED → APPROVED, or back to OPEN with a reason', () => {
    expect(checkPeriodTransition('OPEN', 'SUBMITTED', '2026-01-01')).toEqual([]);
    expect(checkPeriodTransition('SUBMITTED', 'APPROVED', '2026-01-01')).toEqual([]);
    expect(codes(checkPeriodTransition('OPEN', 'APPROVED', '2026-01-01'))).toEqual(['PERIOD_NOT_SUBMITTED']);
    expect(codes(checkPeriodTransition('APPROVED', 'SUBMITTED', '2026-01-01'))).toEqual(['PERIOD_NOT_OPEN']);
    expect(codes(checkPeriodTransition('SUBMITTED', 'OPEN', '2026-01-01', ''))).toEqual(['REJECTION_REASON_REQUIRED']);
    expect(checkPeriodTransition('SUBMITTED', 'OPEN', '2026-01-01', 'Uren van 12-1 ontbreken')).toEqual([]);
  });
});

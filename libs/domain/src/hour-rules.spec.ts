import { attendanceRate, checkA2Exam, checkHourEntry, checkZRouteCompletion, isA2ExamAllowed } from './hour-rules';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);
const hours = (h: number) => h * 60;

describe('A2 exam after 600 hours', () => {
  it('is allowed from exactly 600 hours of language education', () => {
    expect(isA2ExamAllowed(hours(599))).toBe(false);
    expect(isA2ExamAllowed(hours(600) - 1)).toBe(false);
    expect(isA2ExamAllowed(hours(600))).toBe(true);
  });

  it('explains the shortfall and is only for the B1-route', () => {
    expect(checkA2Exam({ route: 'B1', languageMinutes: hours(600) })).toEqual([]);
    const [short] = checkA2Exam({ route: 'B1', languageMinutes: hours(599.5) });
    expect(short.code).toBe('A2_EXAM_NEEDS_600_HOURS');
    expect(short.message).toContain('minimaal 600 uur taalonderwijs; geregistreerd is 599,5 uur');
    expect(codes(checkA2Exam({ route: 'Z', languageMinutes: hours(900) }))).toEqual(['A2_EXAM_ONLY_B1_ROUTE']);
  });
});

describe('checkZRouteCompletion (800 + 800 hours)', () => {
  it('accepts a status holder with exactly 800 course and 800 participation hours', () => {
    expect(checkZRouteCompletion({ targetGroup: 'STATUS_HOLDER', courseMinutes: hours(800), participationMinutes: hours(800) })).toEqual([]);
  });

  it('names the rule and the hours with a decimal comma when short', () => {
    const violations = checkZRouteCompletion({ targetGroup: 'STATUS_HOLDER', courseMinutes: hours(799.5), participationMinutes: hours(650.25) });
    expect(violations).toEqual([
      {
        field: 'courseMinutes',
        code: 'Z_ROUTE_COURSE_HOURS_SHORT',
        message: 'Voor afronding van de Z-route is minimaal 800 uur cursus (inclusief KNM) nodig; geregistreerd is 799,5 uur (Besluit inburgering 2021, art. 3.14).',
      },
      {
        field: 'participationMinutes',
        code: 'Z_ROUTE_PARTICIPATION_HOURS_SHORT',
        message: expect.stringContaining('geregistreerd is 650,25 uur'),
      },
    ]);
  });

  it('does not require participation hours from family migrants', () => {
    expect(checkZRouteCompletion({ targetGroup: 'FAMILY_MIGRANT', courseMinutes: hours(800), participationMinutes: 0 })).toEqual([]);
    expect(codes(checkZRouteCompletion({ targetGroup: 'FAMILY_MIGRANT', courseMinutes: hours(800) - 1, participationMinutes: 0 }))).toEqual([
      'Z_ROUTE_COURSE_HOURS_SHORT',
    ]);
  });
});

describe('checkHourEntry', () => {
  const base = { date: '2025-03-03', minutes: 180, today: '2025-03-07' };

  it('accepts a normal entry and a full day', () => {
    expect(checkHourEntry(base)).toEqual([]);
    expect(checkHourEntry({ ...base, minutes: 1440 })).toEqual([]);
  });

  it('refuses zero, fractional or more than 24 hours, future dates and dates outside the placement', () => {
    expect(codes(checkHourEntry({ ...base, minutes: 0 }))).toEqual(['HOURS_NOT_POSITIVE']);
    expect(codes(checkHourEntry({ ...base, minutes: 1.5 }))).toEqual(['HOURS_NOT_POSITIVE']);
    expect(codes(checkHourEntry({ ...base, minutes: 1441 }))).toEqual(['HOURS_MORE_THAN_A_DAY']);
    expect(codes(checkHourEntry({ ...base, date: '2025-03-08' }))).toEqual(['HOURS_DATE_IN_FUTURE']);
    const [outside] = checkHourEntry({ ...base, placementStart: '2025-03-04', placementEnd: null });
    expect(outside.message).toBe('De datum 3-3-2025 valt buiten de plaatsing (4-3-2025 t/m …).');
    expect(checkHourEntry({ ...base, placementStart: '2025-03-03', placementEnd: '2025-03-03' })).toEqual([]);
  });
});

describe('attendanceRate', () => {
  it('is attended / planned in percent, null when nothing was planned', () => {
    expect(attendanceRate(600, 450)).toBe(75);
    expect(attendanceRate(600, 600)).toBe(100);
    expect(attendanceRate(0, 0)).toBeNull();
  });
});

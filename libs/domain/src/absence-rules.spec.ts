import { checkAbsenceRule } from './absence-rules';
import { DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT, DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT, DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS } from './policy-defaults';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe('checkAbsenceRule', () => {
  it('accepts the defaults and the bounds themselves', () => {
    expect(checkAbsenceRule({
      lowAttendancePercent: DEFAULT_LOW_ATTENDANCE_THRESHOLD_PERCENT, windowWeeks: DEFAULT_LOW_ATTENDANCE_WINDOW_WEEKS, consecutiveUnexcused: DEFAULT_CONSECUTIVE_UNEXCUSED_COUNT,
    })).toEqual([]);
    expect(checkAbsenceRule({ lowAttendancePercent: 50, windowWeeks: 1, consecutiveUnexcused: 2 })).toEqual([]);
    expect(checkAbsenceRule({ lowAttendancePercent: 100, windowWeeks: 12, consecutiveUnexcused: 10 })).toEqual([]);
  });

  it('names each field outside its bounds with a Dutch message', () => {
    const violations = checkAbsenceRule({ lowAttendancePercent: 49, windowWeeks: 13, consecutiveUnexcused: 1 });
    expect(codes(violations)).toEqual(['ABSENCE_RULE_PERCENT_OUT_OF_RANGE', 'ABSENCE_RULE_WINDOW_OUT_OF_RANGE', 'ABSENCE_RULE_SERIES_OUT_OF_RANGE']);
    expect(violations.map((v) => v.field)).toEqual(['lowAttendancePercent', 'windowWeeks', 'consecutiveUnexcused']);
    expect(violations[0].message).toBe('De norm voor aanwezigheid moet een heel percentage van 50 tot en met 100 zijn; ingevuld is 49.');
  });

  it('refuses fractions and values above the maximum', () => {
    expect(codes(checkAbsenceRule({ lowAttendancePercent: 75.5, windowWeeks: 4, consecutiveUnexcused: 11 })))
      .toEqual(['ABSENCE_RULE_PERCENT_OUT_OF_RANGE', 'ABSENCE_RULE_SERIES_OUT_OF_RANGE']);
  });
});

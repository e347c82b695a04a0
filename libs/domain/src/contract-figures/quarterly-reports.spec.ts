import { checkReportQuarter, nextReportVersion } from './quarterly-reports';

describe('checkReportQuarter', () => {
  it('accepts a past quarter and the current one', () => {
    expect(checkReportQuarter({ year: 2026, quarter: 3 }, '2026-12-01')).toEqual([]);
    expect(checkReportQuarter({ year: 2026, quarter: 4 }, '2026-10-01')).toEqual([]);
  });
  it('refuses a quarter that has not begun, in Dutch', () => {
    expect(checkReportQuarter({ year: 2027, quarter: 1 }, '2026-12-31')).toEqual([expect.objectContaining({ field: 'quarter', code: 'QUARTER_IN_FUTURE' })]);
  });
});

describe('nextReportVersion', () => {
  it('starts at 1 and adds one to the highest version', () => {
    expect(nextReportVersion(null)).toBe(1);
    expect(nextReportVersion(3)).toBe(4);
  });
});

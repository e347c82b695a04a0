import { checkReportQuarter, nextReportVersion, reportQuarterForEvidence } from './quarterly-reports';

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

describe('reportQuarterForEvidence', () => {
  it('is the quarter of a due date in its last month, otherwise the quarter before', () => {
    expect(reportQuarterForEvidence('2026-09-30')).toEqual({ year: 2026, quarter: 3 });
    expect(reportQuarterForEvidence('2026-12-30')).toEqual({ year: 2026, quarter: 4 });
    expect(reportQuarterForEvidence('2026-11-15')).toEqual({ year: 2026, quarter: 3 });
    expect(reportQuarterForEvidence('2026-10-28')).toEqual({ year: 2026, quarter: 3 });
    expect(reportQuarterForEvidence('2027-01-15')).toEqual({ year: 2026, quarter: 4 });
    expect(reportQuarterForEvidence('2026-12-31')).toEqual({ year: 2026, quarter: 4 });
  });
});

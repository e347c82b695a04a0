import { AttendanceEntry, WeekAttendance, detectConsecutiveUnexcusedAbsences, detectLowAttendance } from './absence-signals';

const week = (weekStart: string, attendedMinutes: number, plannedMinutes = 600): WeekAttendance => ({ weekStart, plannedMinutes, attendedMinutes });

describe('detectLowAttendance', () => {
  const sixWeeks = [
    week('2025-03-03', 600), // W10
    week('2025-03-10', 600),
    week('2025-03-17', 600),
    week('2025-03-24', 600), // W13: window W10-W13 = 100%
    week('2025-03-31', 0), //   W14: window W11-W14 = 75%
    week('2025-04-07', 600), // W15: window W12-W15 = 75%
  ];

  it('reports one occurrence for consecutive low windows, keyed by the week it first fired', () => {
    expect(detectLowAttendance(sixWeeks)).toEqual([
      { occurrenceKey: 'LOW_ATTENDANCE:2025-W14', firstWindowStart: '2025-03-10', lastWeekStart: '2025-04-07', lowestPercent: 75 },
    ]);
  });

  it('keeps the same key when more weeks arrive', () => {
    const fiveWeeks = detectLowAttendance(sixWeeks.slice(0, 5));
    expect(fiveWeeks.map((o) => o.occurrenceKey)).toEqual(['LOW_ATTENDANCE:2025-W14']);
    expect(fiveWeeks[0].lastWeekStart).toBe('2025-03-31');
  });

  it('does not signal at exactly 80%, does just below', () => {
    const atThreshold = ['2025-03-03', '2025-03-10', '2025-03-17', '2025-03-24'].map((d) => week(d, 480));
    expect(detectLowAttendance(atThreshold)).toEqual([]);
    const justBelow = [...atThreshold.slice(0, 3), week('2025-03-24', 479)];
    expect(detectLowAttendance(justBelow).map((o) => o.lowestPercent)).toEqual([80]); // 79.96 shown rounded
    expect(detectLowAttendance(justBelow)).toHaveLength(1);
  });

  it('waits for a full window and takes configurable threshold and window', () => {
    const threeBadWeeks = ['2025-03-03', '2025-03-10', '2025-03-17'].map((d) => week(d, 0));
    expect(detectLowAttendance(threeBadWeeks)).toEqual([]);
    expect(detectLowAttendance(threeBadWeeks, { windowWeeks: 2 }).map((o) => o.occurrenceKey)).toEqual(['LOW_ATTENDANCE:2025-W11']);
    const ninety = ['2025-03-03', '2025-03-10'].map((d) => week(d, 510)); // 85%
    expect(detectLowAttendance(ninety, { windowWeeks: 2 })).toEqual([]);
    expect(detectLowAttendance(ninety, { windowWeeks: 2, thresholdPercent: 90 })).toHaveLength(1);
  });

  it('starts a new occurrence after attendance recovered, and counts missing weeks as nothing planned', () => {
    const weeks = [
      week('2025-03-03', 0), week('2025-03-10', 0), // W10-W11 low
      week('2025-03-17', 600), week('2025-03-24', 600), // W12 window 50% still low, W13 100%
      week('2025-04-07', 0), // W15 (W14 missing): window W14-W15 = 0/600
    ];
    expect(detectLowAttendance(weeks, { windowWeeks: 2 }).map((o) => o.occurrenceKey)).toEqual(['LOW_ATTENDANCE:2025-W11', 'LOW_ATTENDANCE:2025-W15']);
  });

  it('normalises any day of the week to its Monday and adds rows of the same week', () => {
    // Wednesday, Sunday (still W10), and a Monday of W11.
    const weeks = [week('2025-03-05', 300, 300), week('2025-03-09', 0, 300), week('2025-03-10', 0, 600)];
    expect(detectLowAttendance(weeks, { windowWeeks: 2 })).toEqual([
      { occurrenceKey: 'LOW_ATTENDANCE:2025-W11', firstWindowStart: '2025-03-03', lastWeekStart: '2025-03-10', lowestPercent: 25 },
    ]);
  });
});

describe('detectConsecutiveUnexcusedAbsences', () => {
  const entries = (pattern: string): AttendanceEntry[] =>
    [...pattern].map((c, i) => ({
      date: `2025-03-${String(i + 1).padStart(2, '0')}`,
      absence: c === 'U' ? 'UNEXCUSED' : c === 'S' ? 'SICK' : c === 'E' ? 'EXCUSED' : null,
    }));

  it('reports each run of 3 or more unexcused absences once', () => {
    expect(detectConsecutiveUnexcusedAbsences(entries('UUPUUUSUUUU'))).toEqual([
      { occurrenceKey: 'UNEXCUSED_ABSENCE:2025-03-04', firstDate: '2025-03-04', lastDate: '2025-03-06', count: 3 },
      { occurrenceKey: 'UNEXCUSED_ABSENCE:2025-03-08', firstDate: '2025-03-08', lastDate: '2025-03-11', count: 4 },
    ]);
  });

  it('does not signal 2 in a row, and an excused absence breaks a run', () => {
    expect(detectConsecutiveUnexcusedAbsences(entries('UUPUU'))).toEqual([]);
    expect(detectConsecutiveUnexcusedAbsences(entries('UUEU'))).toEqual([]);
  });

  it('sorts entries by date and takes a configurable count', () => {
    const shuffled = entries('PUU').reverse();
    expect(detectConsecutiveUnexcusedAbsences(shuffled, { count: 2 }).map((o) => o.occurrenceKey)).toEqual(['UNEXCUSED_ABSENCE:2025-03-02']);
  });
});

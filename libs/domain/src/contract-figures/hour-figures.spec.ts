import { hourFigures, pipLessonWeeks, pipPlannedMinutes, routeHourNormMinutes } from './hour-figures';

describe('routeHourNormMinutes', () => {
  it('is 600 h for B1, 800 h for Z and 1,000 h (policy) for the Onderwijsroute', () => {
    expect(routeHourNormMinutes('B1')).toBe(600 * 60);
    expect(routeHourNormMinutes('Z')).toBe(800 * 60);
    expect(routeHourNormMinutes('ONDERWIJS')).toBe(1000 * 60);
    expect(routeHourNormMinutes('ONDERWIJS', 900 * 60)).toBe(900 * 60);
  });
});

describe('hourFigures', () => {
  it('computes attendance, hours per client and the share of the route norm', () => {
    expect(hourFigures({ plannedMinutes: 12000, attendedMinutes: 10800, clients: 3, route: 'B1' })).toEqual({
      plannedMinutes: 12000, attendedMinutes: 10800, attendancePercent: 90, attendedMinutesPerClient: 3600, routeNormPercent: 10, pipPercent: null,
    });
  });

  it('has no rate without planned hours and no norm share without a route or clients', () => {
    const figures = hourFigures({ plannedMinutes: 0, attendedMinutes: 0, clients: 0, route: null });
    expect(figures.attendancePercent).toBeNull();
    expect(figures.attendedMinutesPerClient).toBeNull();
    expect(figures.routeNormPercent).toBeNull();
    expect(hourFigures({ plannedMinutes: 60, attendedMinutes: 60, clients: 1, route: null }).routeNormPercent).toBeNull();
  });
});

describe('pipLessonWeeks', () => {
  const quarter = { from: '2026-01-01', to: '2026-03-31' };
  it('counts whole weeks from the start to today without a window', () => {
    expect(pipLessonWeeks('2026-01-05', null, null, '2026-01-18')).toBe(2);
    expect(pipLessonWeeks('2026-01-05', null, null, '2026-01-17')).toBe(1);
  });
  it('counts only the part of the placement within the window, up to its end', () => {
    expect(pipLessonWeeks('2025-06-01', null, quarter, '2026-11-30')).toBe(12);
    expect(pipLessonWeeks('2026-02-02', null, quarter, '2026-11-30')).toBe(8);
    expect(pipLessonWeeks('2025-06-01', '2026-01-28', quarter, '2026-11-30')).toBe(4);
  });
  it('is 0 for a placement that starts after the window or after today', () => {
    expect(pipLessonWeeks('2026-04-06', null, quarter, '2026-11-30')).toBe(0);
    expect(pipLessonWeeks('2026-12-07', null, null, '2026-11-30')).toBe(0);
  });
});

describe('pipPlannedMinutes', () => {
  it('is the PIP hours per week times the weeks, 0 without either', () => {
    expect(pipPlannedMinutes(600, 12)).toBe(7200);
    expect(pipPlannedMinutes(0, 12)).toBe(0);
    expect(pipPlannedMinutes(600, 0)).toBe(0);
  });
});

describe('hourFigures against the PIP', () => {
  it('gives the attended hours as a share of the hours the PIPs planned, none when no PIP set hours', () => {
    const base = { plannedMinutes: 12000, attendedMinutes: 10800, clients: 3, route: 'B1' as const };
    expect(hourFigures({ ...base, pip: { attendedMinutes: 5400, plannedMinutes: 7200 } }).pipPercent).toBe(75);
    expect(hourFigures({ ...base, pip: { attendedMinutes: 0, plannedMinutes: 0 } }).pipPercent).toBeNull();
    expect(hourFigures(base).pipPercent).toBeNull();
  });
});

import { hourFigures, routeHourNormMinutes } from './hour-figures';

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
      plannedMinutes: 12000, attendedMinutes: 10800, attendancePercent: 90, attendedMinutesPerClient: 3600, routeNormPercent: 10,
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

import { EXPECTED_ROUTE_DISTRIBUTIONS, ROUTES, absenceReasonLabel, isModule, isRoute, lotSubjectLabel, routeLabel, targetGroupLabel } from './routes';

describe('routes and labels', () => {
  it('labels routes, modules and groups in Dutch', () => {
    expect(routeLabel('ONDERWIJS')).toBe('Onderwijsroute');
    expect(lotSubjectLabel('B1')).toBe('B1-route');
    expect(lotSubjectLabel('PVT')).toBe('Participatieverklaringstraject (PVT)');
    expect(targetGroupLabel('FAMILY_MIGRANT')).toBe('Gezinsmigrant');
    expect(absenceReasonLabel('UNEXCUSED')).toBe('Ongeoorloofd afwezig');
  });

  it('tells routes from modules', () => {
    expect(isRoute('Z')).toBe(true);
    expect(isRoute('MAP')).toBe(false);
    expect(isModule('MAP')).toBe(true);
  });

  it('has expected distributions that each add up to 100%', () => {
    for (const distribution of Object.values(EXPECTED_ROUTE_DISTRIBUTIONS)) {
      expect(ROUTES.reduce((sum, route) => sum + distribution[route], 0)).toBe(100);
    }
    expect(EXPECTED_ROUTE_DISTRIBUTIONS.MINISTRY).toEqual({ B1: 65, ONDERWIJS: 20, Z: 15 });
  });
});

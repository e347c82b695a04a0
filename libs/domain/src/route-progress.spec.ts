import { routeProgress } from './route-progress';

const hours = (h: number) => h * 60;
const totals = { languageMinutes: hours(300), courseMinutes: hours(400), participationMinutes: hours(200), plannedMinutes: hours(500), attendedMinutes: hours(420) };

describe('routeProgress', () => {
  it('shows 800 + 800 for a Z-route status holder and the attendance rate', () => {
    const progress = routeProgress({ route: 'Z', targetGroup: 'STATUS_HOLDER', totals });
    expect(progress.norms.map((n) => [n.code, n.requiredMinutes, n.achievedMinutes, n.percent, n.met])).toEqual([
      ['Z_COURSE', hours(800), hours(400), 50, false],
      ['Z_PARTICIPATION', hours(800), hours(200), 25, false],
    ]);
    expect(progress.attendancePercent).toBe(84);
  });

  it('shows only the course norm for a family migrant, the 600 h threshold in the B1-route and the PIP hours to date', () => {
    expect(routeProgress({ route: 'Z', targetGroup: 'FAMILY_MIGRANT', totals }).norms.map((n) => n.code)).toEqual(['Z_COURSE']);
    const b1 = routeProgress({ route: 'B1', targetGroup: 'OTHER', totals, pipMinutesPerWeek: hours(10), weeksSinceStart: 40 });
    expect(b1.norms.map((n) => [n.code, n.requiredMinutes, n.percent])).toEqual([['A2_THRESHOLD', hours(600), 50], ['PIP_PLANNED', hours(400), 100]]);
  });

  it('has no attendance rate without planned hours', () => {
    expect(routeProgress({ route: null, targetGroup: 'OTHER', totals: { ...totals, plannedMinutes: 0 } }).attendancePercent).toBeNull();
  });
});

import { describe, expect, it } from '@jest/globals';
import type { FigureGroup, Figures } from './figure-rows';
import { hourFiguresSummary, minutesAsHours } from './hour-figure-rows';

const withHours = (hours: FigureGroup['hours']): Figures => ({
  scope: 'Eigen inburgeraars per contract', groupedBy: 'CONTRACT', suppressed: false, minimumCellSize: 5, suppressedLabel: '< 5',
  computedOn: '2026-12-01', computedAt: '2026-12-01T13:05:00.000Z', periodFrom: null, periodTo: null, groups: [],
  total: {
    id: null, label: 'Totaal', intake: { requested: 0, accepted: 0, started: 0, waiting: 0, total: 0, medianDaysPipToStart: null }, hours,
    results: { knmCompleted: 0, mapCompleted: 0, pvtCompleted: 0, zCompletions: 0, examParts: [] }, kpis: [], spend: null, quarters: [],
  },
});

describe('hour figure rows', () => {
  it('exports minutes as hours with two decimals, and nothing as nothing', () => {
    expect(minutesAsHours(451_530)).toBe(7525.5);
    expect(minutesAsHours(50)).toBe(0.83);
    expect(minutesAsHours(null)).toBeNull();
  });

  it('sums up the total in one line: planned and attended, per client against the route norm, and against the PIP', () => {
    expect(hourFiguresSummary(withHours({ plannedMinutes: 600_000, attendedMinutes: 451_530, attendancePercent: 75.3, attendedMinutesPerClient: 12_204, routeNormPercent: 33.9, pipPercent: 74.3 })))
      .toBe('Eigen inburgeraars per contract: 10000 uur gepland en 7525,5 uur gevolgd; 203,4 uur per inburgeraar (33,9% van de urennorm van de route); 74,3% van de uren volgens het PIP.');
    expect(hourFiguresSummary(withHours({ plannedMinutes: 120, attendedMinutes: 60, attendancePercent: 50, attendedMinutesPerClient: 60, routeNormPercent: null, pipPercent: null })))
      .toBe('Eigen inburgeraars per contract: 2 uur gepland en 1 uur gevolgd; 1 uur per inburgeraar; geen PIP noemt uren per week.');
  });

  it('says when there are no hours yet, and when they are hidden', () => {
    expect(hourFiguresSummary(withHours({ plannedMinutes: 0, attendedMinutes: 0, attendancePercent: null, attendedMinutesPerClient: null, routeNormPercent: null, pipPercent: null })))
      .toBe('Eigen inburgeraars per contract: nog geen uren geregistreerd.');
    expect(hourFiguresSummary(withHours({ plannedMinutes: null, attendedMinutes: null, attendancePercent: null, attendedMinutesPerClient: null, routeNormPercent: null, pipPercent: null })))
      .toBe('Eigen inburgeraars per contract: de uren zijn verborgen, omdat ze over minder dan 5 inburgeraars gaan.');
  });
});

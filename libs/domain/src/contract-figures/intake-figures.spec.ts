import { daysFromPipToStart, intakeFigures, intakeStageOf, medianDays } from './intake-figures';

describe('intakeStageOf', () => {
  it('maps statuses to stages; an ended placement counts as started only with a start date', () => {
    expect(intakeStageOf('REQUESTED', null)).toBe('REQUESTED');
    expect(intakeStageOf('ACCEPTED', '2026-02-01')).toBe('ACCEPTED');
    expect(intakeStageOf('STARTED', '2026-02-01')).toBe('STARTED');
    expect(intakeStageOf('WAITING', null)).toBe('WAITING');
    expect(intakeStageOf('ENDED', '2026-02-01')).toBe('STARTED');
    expect(intakeStageOf('ENDED', null)).toBeNull();
    expect(intakeStageOf('REJECTED', null)).toBeNull();
    expect(intakeStageOf('WITHDRAWN', null)).toBeNull();
  });
});

describe('daysFromPipToStart', () => {
  it('counts calendar days, and gives none without dates or for a start before the PIP', () => {
    expect(daysFromPipToStart('2026-01-01', '2026-02-01')).toBe(31);
    expect(daysFromPipToStart('2026-01-01', '2026-01-01')).toBe(0);
    expect(daysFromPipToStart(null, '2026-02-01')).toBeNull();
    expect(daysFromPipToStart('2026-01-01', null)).toBeNull();
    expect(daysFromPipToStart('2026-02-01', '2026-01-01')).toBeNull();
  });
});

describe('medianDays', () => {
  it('takes the middle value, or the rounded-up mean of the two middle values', () => {
    expect(medianDays([])).toBeNull();
    expect(medianDays([30, 10, 20])).toBe(20);
    expect(medianDays([10, 21])).toBe(16);
  });
});

describe('intakeFigures', () => {
  it('adds up status counts per stage and leaves out rejected and never-started placements', () => {
    expect(intakeFigures([
      { status: 'REQUESTED', hasStartDate: false, count: 2 },
      { status: 'ACCEPTED', hasStartDate: true, count: 3 },
      { status: 'STARTED', hasStartDate: true, count: 7 },
      { status: 'ENDED', hasStartDate: true, count: 1 },
      { status: 'ENDED', hasStartDate: false, count: 4 },
      { status: 'WAITING', hasStartDate: false, count: 5 },
      { status: 'REJECTED', hasStartDate: false, count: 9 },
    ])).toEqual({ requested: 2, accepted: 3, started: 8, waiting: 5, total: 18 });
  });
});

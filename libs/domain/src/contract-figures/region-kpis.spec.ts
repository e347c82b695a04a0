import { isInKpiCohort, isKpiAchieved, kpiFigure, kpiWindowEnd, regionKpiDefinitions } from './region-kpis';

const [started, passed, participating, workOrStudy] = regionKpiDefinitions();

describe('regionKpiDefinitions', () => {
  it('has the four tender targets with their windows', () => {
    expect(regionKpiDefinitions().map((d) => [d.kpi, d.targetPercent, d.windowMonths])).toEqual([
      ['STARTED_WITHIN_3_MONTHS', 90, 3],
      ['PASSED_WITHIN_3_YEARS', 80, 36],
      ['PARTICIPATING_WITHIN_3_YEARS', 80, 36],
      ['WORK_OR_STUDY_WITHIN_2_YEARS', 40, 24],
    ]);
    expect(participating.outcomeKinds).toEqual(['WORK', 'STUDY', 'PARTICIPATION']);
    expect(workOrStudy.outcomeKinds).toEqual(['WORK', 'STUDY']);
  });

  it('takes a region’s own targets', () => {
    expect(regionKpiDefinitions({ startedWithinThreeMonthsOfHousing: 95, passedWithinThreeYears: 70, participatingWithinThreeYears: 75, statusHoldersOnBenefitToWorkOrStudyWithinTwoYears: 30 })[0].targetPercent).toBe(95);
  });
});

describe('kpiWindowEnd / isKpiAchieved', () => {
  it('counts the last day of the window, clamping month ends', () => {
    expect(kpiWindowEnd(started, '2025-01-31')).toBe('2025-04-30');
    expect(isKpiAchieved(started, '2025-01-31', '2025-04-30')).toBe(true);
    expect(isKpiAchieved(started, '2025-01-31', '2025-05-01')).toBe(false);
    expect(isKpiAchieved(passed, '2023-01-01', null)).toBe(false);
  });
});

describe('isInKpiCohort', () => {
  it('counts a client only once the window has closed, and only target groups that fit', () => {
    expect(isInKpiCohort(started, { referenceDate: '2026-01-01', targetGroup: 'FAMILY_MIGRANT' }, '2026-04-01')).toBe(false);
    expect(isInKpiCohort(started, { referenceDate: '2026-01-01', targetGroup: 'FAMILY_MIGRANT' }, '2026-04-02')).toBe(true);
    expect(isInKpiCohort(workOrStudy, { referenceDate: '2023-01-01', targetGroup: 'FAMILY_MIGRANT' }, '2026-01-01')).toBe(false);
    expect(isInKpiCohort(workOrStudy, { referenceDate: '2023-01-01', targetGroup: 'STATUS_HOLDER' }, '2026-01-01')).toBe(true);
    expect(isInKpiCohort(passed, { referenceDate: null, targetGroup: 'STATUS_HOLDER' }, '2026-01-01')).toBe(false);
  });
});

describe('kpiFigure', () => {
  it('gives the percentage against the target', () => {
    expect(kpiFigure(started, 20, 17)).toMatchObject({ cohort: 20, achieved: 17, percent: 85, targetMet: false });
    expect(kpiFigure(workOrStudy, 10, 4)).toMatchObject({ percent: 40, targetMet: true });
    expect(kpiFigure(passed, 0, 0)).toMatchObject({ cohort: 0, percent: null, targetMet: null });
  });

  it('hides a cohort under the minimum only when suppression applies', () => {
    expect(kpiFigure(started, 4, 4, { suppress: true })).toMatchObject({ cohort: null, achieved: null, percent: null, targetMet: null });
    expect(kpiFigure(started, 4, 4, { suppress: false })).toMatchObject({ cohort: 4, percent: 100 });
  });
});

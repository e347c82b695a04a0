import { isCompletedModule, resultFigures } from './result-figures';

describe('resultFigures', () => {
  it('takes the completed modules as clients per module, not as results', () => {
    const figures = resultFigures([], [
      { module: 'MAP', clients: 4 },
      { module: 'PVT', clients: 6 },
      { module: 'KNM', clients: 5 },
      { module: 'Z_COMPLETION', clients: 1 },
    ]);
    expect(figures).toMatchObject({ mapCompleted: 4, pvtCompleted: 6, knmCompleted: 5, zCompletions: 1 });
  });

  it('counts a module nobody completed as 0', () => {
    expect(resultFigures([], [{ module: 'KNM', clients: 2 }])).toMatchObject({ knmCompleted: 2, mapCompleted: 0, pvtCompleted: 0, zCompletions: 0 });
  });

  it('counts exam parts as attempts passed and failed per level and part, ordered by level then part; a passed KNM part adds no completion by itself', () => {
    const figures = resultFigures([
      { kind: 'EXAM', examPart: 'KNM', level: 'A2', passed: true, count: 3 },
      { kind: 'EXAM', examPart: 'SPREKEN', level: 'B1', passed: false, count: 2 },
      { kind: 'EXAM', examPart: 'LEZEN', level: 'B1', passed: true, count: 5 },
      { kind: 'EXAM', examPart: 'LEZEN', level: 'B1', passed: false, count: 1 },
    ]);
    expect(figures.examParts).toEqual([
      { level: 'A2', part: 'KNM', passed: 3, failed: 0 },
      { level: 'B1', part: 'LEZEN', passed: 5, failed: 1 },
      { level: 'B1', part: 'SPREKEN', passed: 0, failed: 2 },
    ]);
    expect(figures.knmCompleted).toBe(0);
  });

  it('leaves out exam results without a level or part, and results of other kinds', () => {
    const figures = resultFigures([
      { kind: 'EXAM', examPart: 'LEZEN', level: null, passed: true, count: 1 },
      { kind: 'EXAM', examPart: null, level: 'B1', passed: true, count: 1 },
      { kind: 'MAP', examPart: null, level: null, passed: true, count: 1 },
    ]);
    expect(figures.examParts).toEqual([]);
    expect(figures.mapCompleted).toBe(0);
  });
});

describe('isCompletedModule', () => {
  it('knows the four modules and nothing else', () => {
    expect(['KNM', 'MAP', 'PVT', 'Z_COMPLETION'].every(isCompletedModule)).toBe(true);
    expect(isCompletedModule('EXAM')).toBe(false);
    expect(isCompletedModule(undefined)).toBe(false);
  });
});

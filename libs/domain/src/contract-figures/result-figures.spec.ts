import { resultFigures } from './result-figures';

describe('resultFigures', () => {
  it('counts completed modules and exam parts passed and failed per level', () => {
    const figures = resultFigures([
      { kind: 'MAP', examPart: null, level: null, passed: null, count: 4 },
      { kind: 'PVT', examPart: null, level: null, passed: true, count: 6 },
      { kind: 'KNM', examPart: null, level: null, passed: true, count: 2 },
      { kind: 'KNM', examPart: null, level: null, passed: false, count: 1 },
      { kind: 'EXAM', examPart: 'KNM', level: 'A2', passed: true, count: 3 },
      { kind: 'EXAM', examPart: 'SPREKEN', level: 'B1', passed: false, count: 2 },
      { kind: 'EXAM', examPart: 'LEZEN', level: 'B1', passed: true, count: 5 },
      { kind: 'EXAM', examPart: 'LEZEN', level: 'B1', passed: false, count: 1 },
      { kind: 'Z_COMPLETION', examPart: null, level: null, passed: true, count: 1 },
    ]);
    expect(figures.mapCompleted).toBe(4);
    expect(figures.pvtCompleted).toBe(6);
    expect(figures.knmCompleted).toBe(5);
    expect(figures.zCompletions).toBe(1);
    expect(figures.examParts).toEqual([
      { level: 'A2', part: 'KNM', passed: 3, failed: 0 },
      { level: 'B1', part: 'LEZEN', passed: 5, failed: 1 },
      { level: 'B1', part: 'SPREKEN', passed: 0, failed: 2 },
    ]);
  });
});

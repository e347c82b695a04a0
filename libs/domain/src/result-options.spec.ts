import { examLevelsForRoute, resultKindsForRoute } from './result-options';
import { checkExamResult, checkResultFitsRoute } from './result-rules';
import { ROUTES } from './routes';

describe('resultKindsForRoute', () => {
  it('starts with the route\'s own result', () => {
    expect(resultKindsForRoute('B1')).toEqual(['EXAM', 'KNM', 'MAP', 'PVT']);
    expect(resultKindsForRoute('Z')).toEqual(['Z_COMPLETION', 'KNM', 'MAP', 'PVT', 'EXAM']);
    expect(resultKindsForRoute('ONDERWIJS')).toEqual(['TAALSCHAKEL', 'EXAM', 'KNM', 'PVT']);
  });

  it('offers only kinds the route accepts', () => {
    for (const route of ROUTES) for (const kind of resultKindsForRoute(route)) expect(checkResultFitsRoute(kind, route)).toEqual([]);
  });
});

describe('examLevelsForRoute', () => {
  it('offers A2 only for language parts in the Z-route, and never A2 in the Onderwijsroute', () => {
    expect(examLevelsForRoute('Z', 'LEZEN')).toEqual(['A2']);
    expect(examLevelsForRoute('ONDERWIJS', 'SPREKEN')).toEqual(['B1', 'B2']);
    expect(examLevelsForRoute('B1', 'LEZEN')[0]).toBe('B1');
  });

  it('offers only levels the exam rule accepts (B1-route after 600 hours)', () => {
    for (const route of ROUTES) {
      for (const part of ['LEZEN', 'KNM'] as const) {
        for (const level of examLevelsForRoute(route, part)) {
          expect(checkExamResult({ route, part, level, attempt: 1, languageMinutes: 600 * 60 })).toEqual([]);
        }
      }
    }
  });
});

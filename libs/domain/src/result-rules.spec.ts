import { checkExamResult, checkResultFitsRoute, checkZCompletionResult, isExamPart, isResultKind } from './result-rules';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);
const hours = (h: number) => h * 60;

describe('checkResultFitsRoute', () => {
  it('has no MAP in the Onderwijsroute, taalschakel and Z eindgesprek only in their routes, and exams in every route', () => {
    expect(codes(checkResultFitsRoute('MAP', 'ONDERWIJS'))).toEqual(['MAP_NOT_IN_ONDERWIJSROUTE']);
    expect(checkResultFitsRoute('MAP', 'B1')).toEqual([]);
    expect(checkResultFitsRoute('EXAM', 'Z')).toEqual([]);
    expect(codes(checkResultFitsRoute('TAALSCHAKEL', 'B1'))).toEqual(['TAALSCHAKEL_ONLY_ONDERWIJSROUTE']);
    expect(codes(checkResultFitsRoute('Z_COMPLETION', 'B1'))).toEqual(['Z_COMPLETION_ONLY_Z_ROUTE']);
    expect(checkResultFitsRoute('TAALSCHAKEL', 'ONDERWIJS')).toEqual([]);
  });
});

describe('voluntary exams in the Z-route', () => {
  // Besluit inburgering 2021 art. 3.14 lid 7 (as amended, Stb. 2022, 489), see LAW_CITATIONS.Z_ROUTE_VOLUNTARY_EXAM: a Z-route
  // client may take A2 exam parts and KNM; DOMAIN.md §3's "no exam" is read as "no exam obligation".
  const z = { route: 'Z' as const, attempt: 1, languageMinutes: 0 };
  it('accepts A2 language parts and KNM without the B1-route 600-hour rule', () => {
    expect(checkExamResult({ ...z, part: 'SPREKEN', level: 'A2' })).toEqual([]);
    expect(checkExamResult({ ...z, part: 'KNM', level: 'A2' })).toEqual([]);
  });
  it('refuses a B1 language part for a Z-route client, naming the article', () => {
    const [refused, ...rest] = checkExamResult({ ...z, part: 'LEZEN', level: 'B1' });
    expect(rest).toEqual([]);
    expect(refused).toMatchObject({ field: 'level', code: 'Z_ROUTE_EXAM_ONLY_A2' });
    expect(refused.message).toContain('art. 3.14 lid 7 Besluit inburgering 2021');
  });
});

describe('isResultKind and isExamPart', () => {
  it('recognise the vocabularies only', () => {
    expect(isResultKind('Z_COMPLETION')).toBe(true);
    expect(isResultKind('EINDGESPREK')).toBe(false);
    expect(isExamPart('SPREKEN')).toBe(true);
    expect(isExamPart(null)).toBe(false);
  });
});

describe('checkExamResult', () => {
  const base = { route: 'B1' as const, part: 'LEZEN' as const, level: 'B1' as const, attempt: 1, languageMinutes: 0 };

  it('accepts a B1 exam at any time', () => {
    expect(checkExamResult(base)).toEqual([]);
  });

  it('allows A2 in the B1-route only after 600 language hours', () => {
    expect(codes(checkExamResult({ ...base, level: 'A2', languageMinutes: hours(599) }))).toEqual(['A2_EXAM_NEEDS_600_HOURS']);
    expect(checkExamResult({ ...base, level: 'A2', languageMinutes: hours(600) })).toEqual([]);
  });

  it('never A2 in the Onderwijsroute, and needs a part, a level and a valid attempt', () => {
    expect(codes(checkExamResult({ ...base, route: 'ONDERWIJS', level: 'A2', languageMinutes: hours(900) }))).toEqual(['A2_NEVER_IN_ONDERWIJSROUTE']);
    expect(codes(checkExamResult({ ...base, part: null, level: null, attempt: 0 }))).toEqual(['EXAM_PART_REQUIRED', 'EXAM_LEVEL_REQUIRED', 'EXAM_ATTEMPT_INVALID']);
  });
});

describe('checkZCompletionResult', () => {
  it('refuses a status holder with 800 course but 500 participation hours and names the rule', () => {
    const [shortfall, ...rest] = checkZCompletionResult({ route: 'Z', targetGroup: 'STATUS_HOLDER', courseMinutes: hours(800), participationMinutes: hours(500) });
    expect(rest).toEqual([]);
    expect(shortfall.code).toBe('Z_ROUTE_PARTICIPATION_HOURS_SHORT');
    expect(shortfall.message).toContain('Besluit inburgering 2021, art. 3.14');
    expect(shortfall.message).toContain('geregistreerd is 500 uur');
  });

  it('accepts a family migrant with 800 course hours only, and refuses outside the Z-route', () => {
    expect(checkZCompletionResult({ route: 'Z', targetGroup: 'FAMILY_MIGRANT', courseMinutes: hours(800), participationMinutes: 0 })).toEqual([]);
    expect(codes(checkZCompletionResult({ route: 'B1', targetGroup: 'FAMILY_MIGRANT', courseMinutes: hours(800), participationMinutes: 0 }))).toEqual(['Z_COMPLETION_ONLY_Z_ROUTE']);
  });
});

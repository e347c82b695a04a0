import { MAP_THEMES } from './law-numbers';
import { checkMapAllowed, checkMapResult, checkPvtResult } from './map-pvt-rules';

const codes = (violations: { code: string }[]) => violations.map((v) => v.code);

describe('checkMapAllowed', () => {
  it('refuses MAP only in the Onderwijsroute', () => {
    expect(checkMapAllowed('B1')).toEqual([]);
    expect(checkMapAllowed('Z')).toEqual([]);
    expect(codes(checkMapAllowed('ONDERWIJS'))).toEqual(['MAP_NOT_IN_ONDERWIJSROUTE']);
  });
});

describe('checkMapResult', () => {
  const complete = {
    themesCovered: [...MAP_THEMES],
    practicalActivityMinutes: 40 * 60,
    eindgesprekOn: '2028-03-01',
    termStart: '2025-03-02',
    termEnd: '2028-03-01',
    today: '2028-03-01',
  };

  it('accepts all 8 themes, exactly 40 hours and an eindgesprek on the last day of the term', () => {
    expect(checkMapResult(complete)).toEqual([]);
  });

  it('lists the missing themes', () => {
    const [missing] = checkMapResult({ ...complete, themesCovered: MAP_THEMES.filter((t) => t !== 'WERKCULTUUR') });
    expect(missing.code).toBe('MAP_THEMES_INCOMPLETE');
    expect(missing.message).toContain("alle 8 thema's");
    expect(missing.message).toContain('nog niet behandeld: Werkcultuur (');
  });

  it('refuses a practical activity under 40 hours', () => {
    const [short] = checkMapResult({ ...complete, practicalActivityMinutes: 40 * 60 - 1 });
    expect(short.code).toBe('MAP_PRACTICAL_ACTIVITY_TOO_SHORT');
    expect(short.message).toContain('geregistreerd is 39,98 uur');
  });

  it('checks the eindgesprek date against the term and today', () => {
    expect(codes(checkMapResult({ ...complete, eindgesprekOn: null }))).toEqual(['MAP_EINDGESPREK_REQUIRED']);
    expect(codes(checkMapResult({ ...complete, eindgesprekOn: '2028-03-02', today: '2028-04-01' }))).toEqual(['MAP_EINDGESPREK_AFTER_TERM']);
    expect(codes(checkMapResult({ ...complete, eindgesprekOn: '2025-03-01' }))).toEqual(['MAP_EINDGESPREK_BEFORE_TERM_START']);
    expect(codes(checkMapResult({ ...complete, eindgesprekOn: '2026-01-02', today: '2026-01-01' }))).toEqual(['MAP_EINDGESPREK_IN_FUTURE']);
  });
});

describe('checkPvtResult', () => {
  const complete = { minutes: 12 * 60, excursionDone: true, signedOn: '2025-09-01', termEnd: '2028-03-01' };

  it('accepts exactly 12 hours with an excursion, signed within the term', () => {
    expect(checkPvtResult(complete)).toEqual([]);
  });

  it('refuses 11 hours 59 minutes, a missing excursion or signing date', () => {
    const [short] = checkPvtResult({ ...complete, minutes: 12 * 60 - 1 });
    expect(short.code).toBe('PVT_TOO_SHORT');
    expect(short.message).toContain('minimaal 12 uur');
    expect(codes(checkPvtResult({ ...complete, excursionDone: false }))).toEqual(['PVT_EXCURSION_REQUIRED']);
    expect(codes(checkPvtResult({ ...complete, signedOn: undefined }))).toEqual(['PVT_SIGNING_DATE_REQUIRED']);
    expect(codes(checkPvtResult({ ...complete, signedOn: '2028-03-02' }))).toEqual(['PVT_SIGNED_AFTER_TERM']);
  });
});

import { checkBsn, generateSyntheticBsn, isValidBsn, maskBsn } from './bsn';

describe('BSN', () => {
  it('validates with the elfproef', () => {
    expect(isValidBsn('111222333')).toBe(true);
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('12345678')).toBe(false);
    expect(isValidBsn('1234567820')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
  });

  it('reports why a typed BSN is wrong', () => {
    expect(checkBsn(' 1234.56.782 ')).toEqual([]);
    expect(checkBsn('').map((v) => v.code)).toEqual(['BSN_REQUIRED']);
    expect(checkBsn('12345678').map((v) => v.code)).toEqual(['BSN_NOT_9_DIGITS']);
    const [elfproef] = checkBsn('123456789');
    expect(elfproef).toEqual({ field: 'bsn', code: 'BSN_ELFPROEF_FAILED', message: expect.stringContaining('elfproef') });
  });

  it('masks all but the last 3 digits', () => {
    expect(maskBsn('123456782')).toBe('******782');
    expect(maskBsn('12')).toBe('**');
  });

  it('generates distinct, valid, obviously synthetic numbers deterministically', () => {
    const generated = new Set<string>();
    for (let seed = 0; seed < 10_000; seed++) {
      const bsn = generateSyntheticBsn(seed);
      expect(bsn).toMatch(/^999\d{6}$/);
      expect(isValidBsn(bsn)).toBe(true);
      generated.add(bsn);
    }
    expect(generated.size).toBe(10_000);
    expect(generateSyntheticBsn(42)).toBe(generateSyntheticBsn(42));
    expect(generateSyntheticBsn(10_042)).toBe(generateSyntheticBsn(42));
    expect(generateSyntheticBsn(-1)).toBe(generateSyntheticBsn(9_999));
  });
});

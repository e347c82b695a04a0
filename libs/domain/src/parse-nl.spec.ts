import { parseDutchDate, parseDutchHours } from './parse-nl';

describe('parseDutchHours', () => {
  it('reads hours with a comma or a dot as minutes', () => {
    expect(parseDutchHours('1,5')).toBe(90);
    expect(parseDutchHours('1.5')).toBe(90);
    expect(parseDutchHours('2')).toBe(120);
    expect(parseDutchHours(' 0,25 ')).toBe(15);
    expect(parseDutchHours('600')).toBe(36_000);
  });

  it('rejects negatives and garbage', () => {
    for (const input of ['-1', 'abc', '', '1,5,5', '1,', ',5', '1 uur', '1e3']) {
      expect(parseDutchHours(input)).toBeNull();
    }
  });
});

describe('parseDutchDate', () => {
  it('reads d-M-yyyy and ISO dates', () => {
    expect(parseDutchDate('31-01-2026')).toBe('2026-01-31');
    expect(parseDutchDate('1-2-2026')).toBe('2026-02-01');
    expect(parseDutchDate('01/02/2026')).toBe('2026-02-01');
    expect(parseDutchDate('29-02-2024')).toBe('2024-02-29');
    expect(parseDutchDate('2026-01-31')).toBe('2026-01-31');
  });

  it('returns null for dates that do not exist or are not dates', () => {
    for (const input of ['31-02-2026', '29-02-2025', '2026-13-01', 'gisteren', '', '31-01-26']) {
      expect(parseDutchDate(input)).toBeNull();
    }
  });
});
